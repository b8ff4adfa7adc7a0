package cn.changdu.labour.support.relay;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.support.axon.AxonStorageConfiguration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays every committed domain event that has a published form to the service's Kafka topic, in event-store
 * order, keyed by aggregate id. It runs in its own tracking processor, a batch of events per unit of work: each
 * event is handed to the producer at once, and the batch commits (its token, its counts) only when Kafka has
 * acknowledged every send of it. A failed send fails the whole batch, which is sent again from the last stored
 * token: nothing is skipped, and an aggregate's events reach its partition in order (consumers drop the repeats
 * of a retried batch by aggregate sequence).
 */
@ProcessingGroup(IntegrationEventRelay.PROCESSING_GROUP)
public class IntegrationEventRelay {

    public static final String PROCESSING_GROUP = "integration-relay";
    private static final String SENDS = IntegrationEventRelay.class.getName() + ".sends";

    private final String source;
    private final String topic;
    private final IntegrationEventMapper mapper;
    private final KafkaTemplate<String, String> kafka;
    private final RelayCounts counts;
    private final RelayMetrics metrics;
    private final Duration acknowledgementTimeout;

    public IntegrationEventRelay(String source, String topic, IntegrationEventMapper mapper,
                                 KafkaTemplate<String, String> kafka, RelayCounts counts, RelayMetrics metrics,
                                 Duration acknowledgementTimeout) {
        this.source = source;
        this.topic = topic;
        this.mapper = mapper;
        this.kafka = kafka;
        this.counts = counts;
        this.metrics = metrics;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @EventHandler
    public void on(Object domainEvent, EventMessage<?> message) {
        Batch batch = currentBatch();
        String domainType = message.getPayloadType().getName();
        mapper.map(domainEvent).ifPresentOrElse(outgoing -> {
            EventEnvelope envelope = envelope(message, outgoing);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.aggregateId(),
                    EventJson.write(envelope));
            record.headers().add(new RecordHeader("eventId", envelope.eventId().getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("eventType", envelope.type().getBytes(StandardCharsets.UTF_8)));
            batch.sends.add(kafka.send(record));
            batch.counts.published(domainType, envelope.type());
        }, () -> batch.counts.internal(domainType));
        batch.lastTimestamp = message.getTimestamp();
    }

    /** The sends of this unit of work's batch; the first event of a batch registers the wait for them. */
    private Batch currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(SENDS, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> complete(batch));
            return batch;
        });
    }

    private void complete(Batch batch) {
        kafka.flush();
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        try {
            for (CompletableFuture<?> send : batch.sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayFailedException("Kafka did not acknowledge every event of a batch of "
                    + batch.sends.size() + "; the batch is sent again", e);
        }
        // in the batch's transaction: the counts commit with the token, exactly once per relayed event
        counts.add(batch.counts);
        metrics.relayed(batch.sends.size(), batch.lastTimestamp);
    }

    EventEnvelope envelope(EventMessage<?> message, IntegrationEventMapper.Outgoing outgoing) {
        MetaData meta = message.getMetaData();
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object occurredAt = meta.get(AxonStorageConfiguration.OCCURRED_AT);
        Actor actor = new Actor(
                String.valueOf(meta.getOrDefault(AxonStorageConfiguration.ACTOR_ID, "system")),
                String.valueOf(meta.getOrDefault(AxonStorageConfiguration.ACTOR_DEPARTMENT, "system")));
        return EventEnvelope.of(message.getIdentifier(), source, aggregateId, sequence,
                occurredAt != null ? Instant.parse(occurredAt.toString()) : message.getTimestamp(),
                message.getTimestamp(), actor, outgoing.countyCode(), outgoing.payload());
    }

    private static final class Batch {
        final List<CompletableFuture<?>> sends = new ArrayList<>();
        final RelayCounts.Delta counts = new RelayCounts.Delta();
        Instant lastTimestamp;
    }

    /** A batch could not be relayed whole; the processor retries it from its last token. */
    public static class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
