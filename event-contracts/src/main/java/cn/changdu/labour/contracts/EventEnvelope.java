package cn.changdu.labour.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The one shape of every integration event on Kafka.
 *
 * @param eventId           id of the domain event in the source's event store: stable across redelivery, so
 *                          consumers deduplicate on it
 * @param type              {@link EventType#name()} of the payload
 * @param schemaVersion     {@link EventType#version()} of the payload
 * @param source            the service whose event store holds the event ({@link Sources})
 * @param aggregateId       the aggregate the event belongs to (also the Kafka record key)
 * @param aggregateSequence the event's sequence number within its aggregate
 * @param occurredAt        business time: when it happened (may be earlier than recordedAt for late entries)
 * @param recordedAt        when it was committed to the source's event store
 * @param actor             who recorded it
 * @param countyCode        GB/T 2260 code of the county the fact counts for
 * @param payload           the fact itself
 */
public record EventEnvelope(
        String eventId,
        String type,
        int schemaVersion,
        String source,
        String aggregateId,
        long aggregateSequence,
        Instant occurredAt,
        Instant recordedAt,
        Actor actor,
        String countyCode,
        IntegrationEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
    }

    /** Builds an envelope whose type and version are read from the payload's {@link EventType}. */
    public static EventEnvelope of(String eventId, String source, String aggregateId, long aggregateSequence,
                                   Instant occurredAt, Instant recordedAt, Actor actor, String countyCode,
                                   IntegrationEvent payload) {
        EventType type = EventTypes.typeOf(payload.getClass());
        return new EventEnvelope(eventId, type.name(), type.version(), source, aggregateId, aggregateSequence,
                occurredAt, recordedAt, actor, countyCode, payload);
    }

    /** The topic this envelope is published to. */
    public String topic() {
        return Topics.forSource(source);
    }
}
