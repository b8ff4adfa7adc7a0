package cn.changdu.labour.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one JSON form of an {@link EventEnvelope}: envelope fields at the top level, the payload under
 * {@code payload}; times as ISO-8601 strings, money as decimal strings read back as exact BigDecimal.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            // money travels as a decimal string ("5400.10"): no consumer in any language reads it as a double
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .build()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a newer producer may add optional payload fields; an older consumer must still read the event
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise event " + envelope.eventId(), e);
        }
    }

    /**
     * Reads an envelope.
     *
     * @throws UnreadableEventException when the text is not an envelope or its type/version is unknown here
     */
    public static EventEnvelope read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            String type = text(root, "type");
            int version = root.path("schemaVersion").asInt(-1);
            Class<? extends IntegrationEvent> payloadClass = EventTypes.payloadClass(type, version)
                    .orElseThrow(() -> new UnreadableEventException("unknown event type " + type + " v" + version));
            JsonNode actor = root.path("actor");
            return new EventEnvelope(
                    text(root, "eventId"), type, version, text(root, "source"), text(root, "aggregateId"),
                    root.path("aggregateSequence").asLong(),
                    Instant.parse(text(root, "occurredAt")), Instant.parse(text(root, "recordedAt")),
                    new Actor(text(actor, "id"), text(actor, "department")),
                    root.path("countyCode").isTextual() ? root.get("countyCode").asText() : null,
                    MAPPER.treeToValue(root.path("payload"), payloadClass));
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof UnreadableEventException u) {
                throw u;
            }
            throw new UnreadableEventException("unreadable event: " + e.getMessage(), e);
        }
    }

    /** The shared mapper, for tests and tools that need the same JSON conventions. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UnreadableEventException("missing field " + field);
        }
        return value.asText();
    }

    /** An event that cannot be read by this build: consumers park it instead of retrying forever. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }

        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
