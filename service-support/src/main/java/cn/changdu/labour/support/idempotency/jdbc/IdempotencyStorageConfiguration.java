package cn.changdu.labour.support.idempotency.jdbc;

import cn.changdu.labour.support.axon.CommitsOnFile;
import cn.changdu.labour.support.idempotency.IdempotencyConfiguration;
import cn.changdu.labour.support.idempotency.IdempotencyStore;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The domain services' idempotency keys in their own database (web-support's filter is configured once this store
 * exists). Keys are kept 48 hours ({@code platform.idempotency.retention}; at least the 24 hours clients are told),
 * a claim never finished is abandoned after 30 minutes ({@code platform.idempotency.abandon-after}), and the keys
 * past their retention are purged hourly by a recurring task on the services' db-scheduler (the one the deadlines
 * run on, {@code DeadlineConfiguration}): one instance of a service purges, not each.
 */
@AutoConfiguration(before = IdempotencyConfiguration.class,
        afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "cn.changdu.labour.support.axon.AxonStorageConfiguration"})
public class IdempotencyStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStorageConfiguration.class);

    @Bean
    public JdbcIdempotencyStore idempotencyStore(DataSource dataSource, CommitsOnFile commitsOnFile,
                                                 @Value("${platform.idempotency.retention:48h}") Duration retention,
                                                 @Value("${platform.idempotency.abandon-after:30m}") Duration abandonAfter) {
        return new JdbcIdempotencyStore(dataSource, commitsOnFile, Clock.systemUTC(), retention, abandonAfter);
    }

    @Bean
    public RecurringTask<Void> idempotencyKeysPurge(IdempotencyStore idempotencyStore,
                                                    @Value("${platform.idempotency.purge-interval:1h}") Duration interval) {
        return Tasks.recurring("idempotency-keys-purge", FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int purged = idempotencyStore.purge();
                    if (purged > 0) {
                        log.info("purged {} idempotency keys past their retention", purged);
                    }
                });
    }
}
