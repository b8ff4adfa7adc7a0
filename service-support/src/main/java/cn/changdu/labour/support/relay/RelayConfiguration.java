package cn.changdu.labour.support.relay;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Wires the Kafka relay of a domain service that declares an {@link IntegrationEventMapper}. */
@AutoConfiguration
public class RelayConfiguration {

    /** Events per relay batch: one token update in MongoDB per batch; a failed batch is sent again whole. */
    static final int BATCH_SIZE = 50;

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    public IntegrationEventRelay integrationEventRelay(@Value("${spring.application.name}") String service,
                                                       IntegrationEventMapper mapper, StreamBridge streamBridge,
                                                       RelayMetrics metrics) {
        return new IntegrationEventRelay(service, mapper, streamBridge, metrics);
    }

    @Bean
    public RelayMetrics relayMetrics(MeterRegistry registry, @Value("${spring.application.name}") String service,
                                     @Value("${platform.relay.topic}") String topic,
                                     ObjectProvider<EventProcessingConfiguration> processing) {
        return new RelayMetrics(registry, service, topic, () -> relayCaughtUp(processing.getIfAvailable()),
                Clock.systemUTC());
    }

    @Bean
    public ConfigurerModule relayProcessorConfigurer() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(IntegrationEventRelay.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                // explicit initial token: from the very first event (AxonFramework#4453)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
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
