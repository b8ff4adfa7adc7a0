package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

/**
 * One document per integration event, keyed by {@code eventId}: the projection's unit of idempotency. A
 * redelivered event hits the same key and is counted once. The payload is kept whole (under {@code p}, money as
 * decimal strings), so a new indicator over existing events needs no new projection code, only a definition.
 */
public final class Facts {

    public static final String COLLECTION = "facts";
    /** Quarters and years are those of China Standard Time (Tibet keeps Beijing time). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * The order to replay facts in: each aggregate's events in their sequence. Indicators that follow a case's
     * current state (open arrears) depend on it; the storage order of a collection is no order at all.
     */
    public static final Bson IN_STREAM_ORDER = Sorts.ascending("source", "aggregateId", "aggregateSequence");

    private Facts() {
    }

    public static Document of(EventEnvelope envelope, String topic) {
        Map<String, Object> payload = JSON.convertValue(envelope.payload(), MAP);
        ZonedDateTime local = envelope.occurredAt().atZone(ZONE);
        Object department = payload.get("department");
        return new Document("_id", envelope.eventId())
                .append("type", envelope.type())
                .append("source", envelope.source())
                .append("topic", topic)
                .append("aggregateId", envelope.aggregateId())
                .append("aggregateSequence", envelope.aggregateSequence())
                .append("countyCode", envelope.countyCode())
                // the owning department where the fact names one (projects), else the recording one
                .append("department", department != null ? department.toString() : envelope.actor().department())
                .append("actorDepartment", envelope.actor().department())
                .append("occurredAt", Date.from(envelope.occurredAt()))
                .append("recordedAt", Date.from(envelope.recordedAt()))
                .append("year", local.getYear())
                .append("quarter", (local.getMonthValue() - 1) / 3 + 1)
                .append("personKey", payload.get("personKey"))
                .append("p", new Document(payload));
    }
}
