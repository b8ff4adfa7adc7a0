package cn.changdu.labour.support.relay;

import cn.changdu.labour.kernel.MetadataKeys;
import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.support.axon.CommitsOnFile;
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
 * order, keyed by aggregate id. It runs in its own tracking processor, a batch of events per unit of work, and
 * sends each batch in one Kafka transaction when the batch commits: all its records at once, then it waits for
 * Kafka's acknowledgements, then the batch's token and counts commit. A failed send aborts the transaction (its
 * consumers, reading committed records only, never see a part of a batch — RelayBatchFailureTest showed that
 * without it a send failing midway let the later events of an aggregate overtake the failed one) and fails the
 * batch, which is sent again whole from the last stored token: nothing is skipped or reordered. A crash between
 * Kafka's commit and the store's repeats a whole batch, which consumers drop by aggregate sequence. The
 * transactional id also fences an instance that lost the relay's claim from publishing further.
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
    private final CommitsOnFile commitsOnFile;

    public IntegrationEventRelay(String source, String topic, IntegrationEventMapper mapper,
                                 KafkaTemplate<String, String> kafka, RelayCounts counts, RelayMetrics metrics,
                                 Duration acknowledgementTimeout, CommitsOnFile commitsOnFile) {
        this.source = source;
        this.topic = topic;
        this.mapper = mapper;
        this.kafka = kafka;
        this.counts = counts;
        this.metrics = metrics;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.commitsOnFile = commitsOnFile;
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
            batch.records.add(record);
            batch.counts.published(domainType, envelope.type());
        }, () -> batch.counts.internal(domainType));
        batch.lastTimestamp = message.getTimestamp();
    }

    /** This unit of work's batch; its first event registers the sending of the batch when it commits. */
    private Batch currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(SENDS, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> complete(batch));
            return batch;
        });
    }

    private void complete(Batch batch) {
        if (!batch.records.isEmpty()) {
            // never publish what a killed process could still lose from the store
            commitsOnFile.await();
            kafka.executeInTransaction(operations -> {
                List<CompletableFuture<?>> sends = new ArrayList<>(batch.records.size());
                batch.records.forEach(record -> sends.add(operations.send(record)));
                operations.flush();
                awaitAll(sends);
                return null;
            });
        }
        // in the store's transaction of the batch: the counts commit with the token, once per relayed event
        counts.add(batch.counts);
        metrics.relayed(batch.records.size(), batch.lastTimestamp);
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        try {
            for (CompletableFuture<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayFailedException("Kafka did not acknowledge every event of a batch of " + sends.size()
                    + "; the batch's transaction is aborted and the batch sent again", e);
        }
    }

    EventEnvelope envelope(EventMessage<?> message, IntegrationEventMapper.Outgoing outgoing) {
        MetaData meta = message.getMetaData();
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object occurredAt = meta.get(MetadataKeys.OCCURRED_AT);
        Actor actor = new Actor(
                String.valueOf(meta.getOrDefault(MetadataKeys.ACTOR_ID, "system")),
                String.valueOf(meta.getOrDefault(MetadataKeys.ACTOR_DEPARTMENT, "system")));
        return EventEnvelope.of(message.getIdentifier(), source, aggregateId, sequence,
                occurredAt != null ? Instant.parse(occurredAt.toString()) : message.getTimestamp(),
                message.getTimestamp(), actor, outgoing.countyCode(), outgoing.payload());
    }

    private static final class Batch {
        final List<ProducerRecord<String, String>> records = new ArrayList<>();
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
