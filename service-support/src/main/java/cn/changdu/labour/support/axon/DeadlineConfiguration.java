package cn.changdu.labour.support.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Persistent Axon deadlines (the 3-month employment check, wages due) in the service's own database, with
 * db-scheduler and Axon's {@link DbSchedulerDeadlineManager}. Deadlines are due at business time: the scheduler
 * reads the services' business clock, so a deadline of the plan year falls due when the business date reaches
 * it (tests drive that clock). Delivery is at least once (a deadline whose instance died while running it runs
 * again), so deadline handlers check the aggregate's state, as they do.
 * <p>
 * Axon's own db-scheduler auto-configuration expects db-scheduler's Spring Boot starter, whose scheduler
 * cannot take a clock; the scheduler is therefore built here (with every task bean, Axon's included), and
 * Axon's deadline manager backs off. Like the starter, the scheduler reads the database through a
 * {@link TransactionAwareDataSourceProxy}: a deadline scheduled or cancelled by a command is written in the
 * command's transaction, on its connection. On a connection of its own it would not be undone with a refused
 * command, and every command would hold one pooled connection while waiting for a second: with as many commands
 * as connections the pool was exhausted and the service stopped (ConcurrentPlacementsTest).
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration",
        afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "cn.changdu.labour.support.commands.CommandsConfiguration"})
public class DeadlineConfiguration {

    @Bean
    @Qualifier("deadlineDetailsTask")
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                                       @Value("${platform.deadlines.poll-interval:1s}") Duration pollInterval,
                                       @Value("${platform.deadlines.threads:2}") int threads) {
        // recurring work (the idempotency keys' purge) is started by the scheduler: scheduled once for all instances
        List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast).toList();
        List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .clock(clock::instant)
                .pollingInterval(pollInterval)
                .threads(threads)
                .enableImmediateExecution()
                .build();
    }

    @Bean
    public DbSchedulerDeadlineManager deadlineManager(Scheduler deadlineScheduler, Configuration configuration,
                                                      Serializer serializer, TransactionManager transactionManager,
                                                      List<CorrelationDataProvider> correlationDataProviders) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // events applied by a deadline handler carry the deadline's metadata (actor, business time) like commands do
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return manager;
    }

    /** Starts the scheduler once the application (and Axon with it) has started; stops it first on shutdown. */
    @Bean
    public SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
