package cn.changdu.labour.support.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Axon on MongoDB: each service's events and tracking tokens live in its own database (the one named in
 * {@code spring.data.mongodb.uri}). axon-mongo has no auto-configuration of its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonMongoConfiguration {

    /** Metadata keys copied from a command to the events it causes: who recorded it and when it happened. */
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_DEPARTMENT = "actorDepartment";
    public static final String OCCURRED_AT = "occurredAt";

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.getMongoClientDatabase())
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * The owner this instance claims processor segments as. Axon's default (JVM name, pid@host) is shared by two
     * application contexts in one JVM, which then both believed they held the claim and both relayed every event
     * (TwoInstancesTest); a random suffix makes every instance its own owner.
     */
    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                 @Value("${spring.application.name:service}") String applicationName) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .nodeId(applicationName + "@" + ManagementFactory.getRuntimeMXBean().getName() + "#"
                        + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    /**
     * Every event processor of a service (projections, sagas) is a tracking processor that starts at the first
     * event: an explicit initial token, because token resets with MongoTrackingToken are broken in Axon 4.13
     * (AxonFramework#4453). Handlers must be idempotent: without transactions a crash between a projection's
     * write and the token update hands the same event over again.
     */
    @Bean
    public ConfigurerModule trackingProcessorsFromTheFirstEvent() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)));
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider recordingContextProvider() {
        return new SimpleCorrelationDataProvider(ACTOR_ID, ACTOR_DEPARTMENT, OCCURRED_AT);
    }
}
