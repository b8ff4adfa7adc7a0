package cn.changdu.labour.support.relay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many events of each domain type the relay has passed: published (acknowledged by Kafka) or internal (no
 * published form). Kept in the service's database and updated in the relay batch's own transaction, so the counts
 * are exact across restarts and retries; beside the events stored they make the reconciliation
 * {@code stored = published + internal} (see {@link Reconciliation}).
 */
public class RelayCounts {

    private static final String MERGE = """
            MERGE INTO relay_counts c
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT)))
                AS d (payload_type, published_type, published, internal)
            ON c.payload_type = d.payload_type
            WHEN MATCHED THEN UPDATE SET published = c.published + d.published, internal = c.internal + d.internal,
                published_type = COALESCE(d.published_type, c.published_type)
            WHEN NOT MATCHED THEN INSERT (payload_type, published_type, published, internal)
                VALUES (d.payload_type, d.published_type, d.published, d.internal)
            """;

    private final JdbcTemplate jdbc;

    public RelayCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One domain type's counts; {@code publishedType} is the integration event type it is published as, if any. */
    public record Count(String payloadType, String publishedType, long published, long internal) {
    }

    void add(Delta delta) {
        if (delta.counts.isEmpty()) {
            return;
        }
        List<Object[]> rows = delta.counts.values().stream()
                .map(c -> new Object[]{c.payloadType(), c.publishedType(), c.published(), c.internal()})
                .toList();
        jdbc.batchUpdate(MERGE, rows);
    }

    public Map<String, Count> all() {
        Map<String, Count> counts = new TreeMap<>();
        jdbc.query("SELECT payload_type, published_type, published, internal FROM relay_counts", rs -> {
            counts.put(rs.getString(1), new Count(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        });
        return counts;
    }

    /** The events in the store (a count of the primary index: cheap on H2, an index-only scan on PostgreSQL). */
    public long storedTotal() {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        return total == null ? 0 : total;
    }

    /** The events in the store, by domain type (a scan of the event table: for the operator's check, not meters). */
    public Map<String, Long> stored() {
        Map<String, Long> stored = new TreeMap<>();
        jdbc.query("SELECT payloadtype, COUNT(*) FROM domainevententry GROUP BY payloadtype",
                rs -> {
                    stored.put(rs.getString(1), rs.getLong(2));
                });
        return stored;
    }

    /** The counts of one batch, added to the table when the batch commits. */
    static final class Delta {
        private final Map<String, Count> counts = new LinkedHashMap<>();

        void published(String payloadType, String publishedType) {
            counts.merge(payloadType, new Count(payloadType, publishedType, 1, 0), Delta::sum);
        }

        void internal(String payloadType) {
            counts.merge(payloadType, new Count(payloadType, null, 0, 1), Delta::sum);
        }

        private static Count sum(Count a, Count b) {
            return new Count(a.payloadType(), a.publishedType() != null ? a.publishedType() : b.publishedType(),
                    a.published() + b.published(), a.internal() + b.internal());
        }
    }
}
