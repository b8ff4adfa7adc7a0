package cn.changdu.labour.support.relay;

import cn.changdu.labour.support.axon.CommitsOnFile;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires the Kafka relay of a domain service that declares an {@link IntegrationEventMapper}: its tracking
 * processor (batches of {@code platform.relay.batch-size}, errors propagate so a batch is retried, never skipped),
 * its topic, its counts and meters.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration"})
public class RelayConfiguration {

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    public IntegrationEventRelay integrationEventRelay(@Value("${spring.application.name}") String service,
                                                       @Value("${platform.relay.topic}") String topic,
                                                       IntegrationEventMapper mapper,
                                                       KafkaTemplate<String, String> kafka, RelayCounts counts,
                                                       RelayMetrics metrics,
                                                       @Value("${platform.relay.acknowledgement-timeout:30s}")
                                                       Duration acknowledgementTimeout, CommitsOnFile commitsOnFile) {
        return new IntegrationEventRelay(service, topic, mapper, kafka, counts, metrics, acknowledgementTimeout,
                commitsOnFile);
    }

    /**
     * The relay's transactional producers (settings from {@code spring.kafka.producer}). Kept apart from Spring
     * Boot's producer factory on purpose: with {@code spring.kafka.producer.transaction-id-prefix} set, Boot adds a
     * Kafka transaction manager that displaces the database's, and Axon would then run every unit of work in a
     * Kafka transaction instead of a database one.
     * <p>
     * The transactional ids are the same for every instance of a service: a restarted instance aborts at once what
     * its crashed predecessor left open (consumers reading committed records wait for an open transaction), and
     * when the relay's claim moves to another instance, the new owner fences the old one's producer. Which instance
     * relays is decided by the claim on the relay's token, not by these ids.
     */
    @Bean
    public ProducerFactory<String, String> relayProducerFactory(KafkaProperties kafka,
            @Value("${platform.relay.transactional-id-prefix}") String transactionalIdPrefix) {
        DefaultKafkaProducerFactory<String, String> producers =
                new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties());
        producers.setTransactionIdPrefix(transactionalIdPrefix);
        return producers;
    }

    @Bean
    public KafkaTemplate<String, String> relayKafkaTemplate(
            @Qualifier("relayProducerFactory") ProducerFactory<String, String> relayProducerFactory) {
        return new KafkaTemplate<>(relayProducerFactory);
    }

    /** The service's topic, created (or given more partitions) at start-up by Spring Kafka's admin. */
    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    public NewTopic integrationTopic(@Value("${platform.relay.topic}") String topic,
                                     @Value("${platform.relay.partitions:3}") int partitions,
                                     @Value("${platform.relay.replication:1}") short replication) {
        return TopicBuilder.name(topic).partitions(partitions).replicas(replication)
                // the integration events are the history the reporting projection is rebuilt from
                .config("retention.ms", "-1")
                .build();
    }

    @Bean
    public RelayCounts relayCounts(JdbcTemplate jdbc) {
        return new RelayCounts(jdbc);
    }

    @Bean
    public Reconciliation reconciliation(@Value("${spring.application.name}") String service, RelayCounts counts,
                                         ObjectProvider<EventProcessingConfiguration> processing, MeterRegistry meters) {
        return new Reconciliation(service, counts, () -> relayCaughtUp(processing.getIfAvailable()), meters);
    }

    @Bean
    public RelayMetrics relayMetrics(MeterRegistry registry, @Value("${spring.application.name}") String service,
                                     @Value("${platform.relay.topic}") String topic,
                                     ObjectProvider<EventProcessingConfiguration> processing) {
        return new RelayMetrics(registry, service, topic, () -> relayCaughtUp(processing.getIfAvailable()),
                Clock.systemUTC());
    }

    @Bean
    public ConfigurerModule relayProcessorConfigurer(@Value("${platform.relay.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(IntegrationEventRelay.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize))
                // the default handler logs and skips a failed event; the relay must retry instead
                .registerListenerInvocationErrorHandler(IntegrationEventRelay.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }

    /** Counts events once their unit of work has committed. */
    @Bean
    public SmartInitializingSingleton appendedEventsCounter(EventBus eventBus, RelayMetrics metrics) {
        return () -> eventBus.registerDispatchInterceptor(messages -> {
            int count = messages.size();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(uow -> metrics.appended(count));
            } else {
                metrics.appended(count);
            }
            return (index, message) -> message;
        });
    }

    private static boolean relayCaughtUp(EventProcessingConfiguration processing) {
        if (processing == null) {
            return true;
        }
        return processing.eventProcessor(IntegrationEventRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp))
                .orElse(true);
    }
}
