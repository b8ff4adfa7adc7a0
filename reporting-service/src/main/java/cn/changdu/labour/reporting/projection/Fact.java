package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.kernel.BusinessTime;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.EventTypes;
import cn.changdu.labour.contracts.IntegrationEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One integration event as the projection sees it: the envelope's metadata, its business year and quarter (Beijing
 * time), the typed payload ({@code event}: what the countings read) and the same payload as a map (money as decimal
 * strings: the form alerts and class duties store, unchanged). The payload is not stored with the fact: the topics
 * keep every event, and what a later view needs is kept in its rows.
 */
public record Fact(String eventId, String type, String source, String topic, int partition, long offset,
                   String aggregateId, long aggregateSequence, String countyCode, String department,
                   String actorId, String actorDepartment, Instant occurredAt, Instant recordedAt,
                   int year, int quarter, String personKey, Map<String, Object> payload, IntegrationEvent event) {

    /** A fact whose typed payload is read from its map (facts written by hand in tests). */
    public Fact(String eventId, String type, String source, String topic, int partition, long offset,
                String aggregateId, long aggregateSequence, String countyCode, String department,
                String actorId, String actorDepartment, Instant occurredAt, Instant recordedAt,
                int year, int quarter, String personKey, Map<String, Object> payload) {
        this(eventId, type, source, topic, partition, offset, aggregateId, aggregateSequence, countyCode, department,
                actorId, actorDepartment, occurredAt, recordedAt, year, quarter, personKey, payload,
                EventTypes.payloadClass(type, 1).map(c -> (IntegrationEvent) JSON.convertValue(payload, c)).orElse(null));
    }

    /** Quarters and years are those of China Standard Time (Tibet keeps Beijing time). */
    /** The whole city (GB/T 2260 code of Changdu). */
    public static final String CITY = "540300";
    /** The period of everything ever recorded. */
    public static final String ALL_TIME = "all";
    /** The period of current-state figures that have no period (relocated households with nobody employed). */
    public static final String NOW = "now";

    static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public static Fact of(EventEnvelope envelope, String topic, int partition, long offset) {
        Map<String, Object> payload = JSON.convertValue(envelope.payload(), MAP);
        ZonedDateTime local = envelope.occurredAt().atZone(BusinessTime.ZONE);
        Object department = payload.get("department");
        Object personKey = payload.get("personKey");
        return new Fact(envelope.eventId(), envelope.type(), envelope.source(), topic, partition, offset,
                envelope.aggregateId(), envelope.aggregateSequence(), envelope.countyCode(),
                // the owning department where the fact names one (projects), else the recording one
                department != null ? department.toString() : envelope.actor().department(),
                envelope.actor().id(), envelope.actor().department(), envelope.occurredAt(), envelope.recordedAt(),
                local.getYear(), (local.getMonthValue() - 1) / 3 + 1,
                personKey == null ? null : personKey.toString(), payload, envelope.payload());
    }

    /** The stream an aggregate sequence counts in. */
    public String streamKey() {
        return source + "|" + aggregateId;
    }

    /** The areas the fact counts in: the city, its county, its department. */
    public List<String> areas() {
        List<String> areas = new ArrayList<>(3);
        areas.add(CITY);
        if (countyCode != null) {
            areas.add(countyCode);
        }
        if (department != null) {
            areas.add("dept:" + department);
        }
        return areas;
    }

    /**
     * The periods a fact of a year and quarter counts in: the year, the quarter, each year-to-date from its quarter
     * on ({@code 2020YTD2} = Q1..Q2; the fourth is the year itself) and all time.
     */
    public static List<String> periods(int year, int quarter) {
        List<String> periods = new ArrayList<>(7);
        periods.add(String.valueOf(year));
        periods.add(year + "Q" + quarter);
        for (int n = quarter; n <= 3; n++) {
            periods.add(year + "YTD" + n);
        }
        periods.add(ALL_TIME);
        return periods;
    }

    /** The key of the year to date up to a quarter (the year itself for the fourth). */
    public static String yearToDate(int year, int quarter) {
        return quarter >= 4 ? String.valueOf(year) : year + "YTD" + quarter;
    }
}
