package cn.changdu.labour.support.deadline;

import com.mongodb.client.MongoClient;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Persistent deadlines for every domain service: a {@link MongoDeadlineManager} on the collection
 * {@code platform.deadlines.collection} (default {@code deadlines}) of the service's own database, polled every
 * {@code platform.deadlines.poll-interval} (default 1s). A service may declare its own {@link DeadlineManager}.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
        "cn.changdu.labour.support.web.WebSupportConfiguration"})
public class MongoDeadlineConfiguration {

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean(DeadlineManager.class)
    public MongoDeadlineManager deadlineManager(MongoClient client, MongoProperties properties,
                                                Configuration axonConfiguration, Serializer serializer, Clock clock,
                                                List<CorrelationDataProvider> correlationDataProviders,
                                                @Value("${platform.deadlines.collection:deadlines}") String collection,
                                                @Value("${platform.deadlines.poll-interval:1s}") Duration pollInterval,
                                                @Value("${platform.deadlines.lease:5m}") Duration lease) {
        MongoDeadlineManager manager = MongoDeadlineManager.builder()
                .collection(client.getDatabase(properties.getMongoClientDatabase()).getCollection(collection))
                .serializer(serializer)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                .clock(clock)
                .pollInterval(pollInterval)
                .lease(lease)
                .build();
        // events applied by a deadline handler carry the deadline's metadata (actor, business time) like commands do
        manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return manager;
    }

    /** Starts polling once the application (and Axon with it) has started; stops first on shutdown. */
    @Bean
    public SmartLifecycle mongoDeadlinePoller(ObjectProvider<DeadlineManager> deadlineManager) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (deadlineManager.getIfAvailable() instanceof MongoDeadlineManager manager) {
                    manager.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                if (deadlineManager.getIfAvailable() instanceof MongoDeadlineManager manager) {
                    manager.shutdown();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
