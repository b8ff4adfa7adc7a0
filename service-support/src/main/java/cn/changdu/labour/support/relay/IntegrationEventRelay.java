package cn.changdu.labour.support.relay;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.support.axon.AxonMongoConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Instant;

/**
 * Relays every committed domain event that has a published form to the service's Kafka topic, in event-store
 * order, keyed by aggregate id. It runs in its own tracking processor whose errors propagate: a failed send is
 * retried from the last stored token, never skipped (consumers deduplicate on {@code eventId}).
 */
@ProcessingGroup(IntegrationEventRelay.PROCESSING_GROUP)
public class IntegrationEventRelay {

    public static final String PROCESSING_GROUP = "integration-relay";
    /** The Spring Cloud Stream output binding; its destination is the service's topic. */
    public static final String BINDING = "integrationEvents-out-0";

    private final String source;
    private final IntegrationEventMapper mapper;
    private final StreamBridge streamBridge;
    private final RelayMetrics metrics;

    public IntegrationEventRelay(String source, IntegrationEventMapper mapper, StreamBridge streamBridge,
                                 RelayMetrics metrics) {
        this.source = source;
        this.mapper = mapper;
        this.streamBridge = streamBridge;
        this.metrics = metrics;
    }

    @EventHandler
    public void on(Object domainEvent, EventMessage<?> message) {
        mapper.map(domainEvent).ifPresent(outgoing -> {
            EventEnvelope envelope = envelope(message, outgoing);
            Message<String> record = MessageBuilder.withPayload(EventJson.write(envelope))
                    .setHeader(KafkaHeaders.KEY, envelope.aggregateId())
                    .setHeader("eventId", envelope.eventId())
                    .setHeader("eventType", envelope.type())
                    .build();
            // the binding is synchronous: send returns after the broker acknowledged (acks=all) or throws
            if (!streamBridge.send(BINDING, record)) {
                throw new IllegalStateException("Kafka did not accept event " + envelope.eventId());
            }
            metrics.relayed();
        });
        metrics.seen(message.getTimestamp());
    }

    EventEnvelope envelope(EventMessage<?> message, IntegrationEventMapper.Outgoing outgoing) {
        MetaData meta = message.getMetaData();
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object occurredAt = meta.get(AxonMongoConfiguration.OCCURRED_AT);
        Actor actor = new Actor(
                String.valueOf(meta.getOrDefault(AxonMongoConfiguration.ACTOR_ID, "system")),
                String.valueOf(meta.getOrDefault(AxonMongoConfiguration.ACTOR_DEPARTMENT, "system")));
        return EventEnvelope.of(message.getIdentifier(), source, aggregateId, sequence,
                occurredAt != null ? Instant.parse(occurredAt.toString()) : message.getTimestamp(),
                message.getTimestamp(), actor, outgoing.countyCode(), outgoing.payload());
    }
}
