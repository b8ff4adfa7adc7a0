package cn.changdu.labour.support.axon;

import cn.changdu.labour.kernel.MetadataKeys;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.UUID;

/**
 * Axon on the service's own relational database (H2 file in the embedded default, PostgreSQL in production):
 * events in a table with a global sequence (tracking processors follow it with gap-aware tokens, so an event
 * whose transaction commits after a later one is still delivered), aggregates read through the unique
 * (aggregate, sequence) index, tracking tokens and sagas in the same database. The tables come from the
 * Flyway migrations in {@code db/migration/platform}. Axon's JDBC auto-configuration supplies the connection
 * provider, the saga store and the Spring transaction manager; this class sets what differs from its defaults.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"},
        afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
public class AxonStorageConfiguration {

    /**
     * @param fetchSize events read per query, by aggregate loads and by tracking processors alike: large enough for
     *                  the relay to catch up in few round trips
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Value("${platform.events.fetch-size:1000}") int fetchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .batchSize(fetchSize)
                .build();
    }

    /**
     * The owner this instance claims processor segments as. Axon's default (JVM name, pid@host) is shared by two
     * application contexts in one JVM, which then both believed they held the claim and both relayed every event
     * (TwoInstancesTest); a random suffix makes every instance its own owner.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 @Value("${spring.application.name:service}") String applicationName,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema())
                .claimTimeout(claimTimeout)
                .nodeId(applicationName + "@" + ManagementFactory.getRuntimeMXBean().getName() + "#"
                        + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    /** The aggregate caches a service names (see {@link AggregateCaches}). */
    @Bean(destroyMethod = "close")
    public AggregateCaches aggregateCaches(@Value("${spring.application.name:service}") String applicationName,
                                           Environment environment, ObjectProvider<EventStore> eventStore) {
        return new AggregateCaches(applicationName, environment, eventStore::getObject);
    }

    /** Commands are answered (DomainCommands) and events relayed once they are in the store's file. */
    @Bean
    public CommitsOnFile commitsOnFile(DataSource dataSource) {
        return new CommitsOnFile(dataSource);
    }

    /**
     * Every event processor of a service (projections, sagas) is a tracking processor that starts at the first
     * event and handles events in batches of {@code platform.events.processing-batch-size}, one database
     * transaction per batch: a projection's rows and its token commit together, so a view applies each event
     * exactly once.
     */
    @Bean
    public ConfigurerModule trackingProcessorsFromTheFirstEvent(
            @Value("${platform.events.processing-batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(batchSize)));
    }

    /**
     * A second writer of an aggregate's next sequence number is a concurrency conflict (a 409), not a store failure.
     * Axon's own JDBC resolver looks for {@link SQLIntegrityConstraintViolationException} in the causes only; H2 and
     * PostgreSQL report a failed batch insert as a {@link java.sql.BatchUpdateException} whose next exception carries
     * SQLSTATE 23505 (unique violation).
     */
    @Bean
    public PersistenceExceptionResolver duplicateKeyResolver() {
        return AxonStorageConfiguration::isDuplicateKey;
    }

    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if (e instanceof SQLIntegrityConstraintViolationException || "23505".equals(e.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider recordingContextProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_DEPARTMENT, MetadataKeys.OCCURRED_AT);
    }
}
