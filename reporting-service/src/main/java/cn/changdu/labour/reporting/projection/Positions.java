package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the projection stands on each topic: the last event's business and recording time, and the lag
 * (records on Kafka not yet projected), from the offsets the active version stored. Exposed in the API and as the
 * gauge {@code platform.projection.lag}.
 */
@Component
public class Positions {

    private static final Logger log = LoggerFactory.getLogger(Positions.class);

    /** lag = -1 when Kafka could not be asked. */
    public record TopicPosition(String topic, Instant lastOccurredAt, Instant lastRecordedAt, Instant lastProjectedAt,
                                long projected, long lag) {
    }

    /** One partition: the next offset to project and the end of the log (-1 unknown). */
    public record PartitionPosition(String topic, int partition, long next, long end, Instant lastRecordedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ReadModel readModel;
    private final Admin admin;
    private final ProjectionConsumer consumer;
    private volatile Map<String, TopicPosition> latest = Map.of();
    private volatile List<PartitionPosition> partitions = List.of();

    public Positions(JdbcTemplate jdbc, ReadModel readModel, Admin admin, MeterRegistry meters, ProjectionConsumer consumer) {
        this.jdbc = jdbc;
        this.consumer = consumer;
        this.readModel = readModel;
        this.admin = admin;
        for (String topic : Topics.ALL) {
            Gauge.builder("platform.projection.lag", () -> {
                        TopicPosition p = latest.get(topic);
                        return p == null ? Double.NaN : p.lag();
                    })
                    .tag("topic", topic).baseUnit("events")
                    .description("records on the topic not yet projected").register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${platform.projection.lag-refresh:PT1S}")
    void refresh() {
        current();
    }

    /** The position as last refreshed (at most a second old); before the first refresh it is read at once. */
    public List<TopicPosition> latest() {
        Map<String, TopicPosition> cached = latest;
        return cached.isEmpty() ? current() : List.copyOf(cached.values());
    }

    /** Per partition, as last refreshed. */
    public List<PartitionPosition> partitions() {
        return partitions;
    }

    public List<TopicPosition> current() {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, TopicPosition> result = new LinkedHashMap<>();
        List<PartitionPosition> parts = new java.util.ArrayList<>();
        Map<String, Map<Integer, Object[]>> stored = new HashMap<>();
        jdbc.query("SELECT topic, part, next_offset, last_occurred_at, last_recorded_at, projected_at FROM projection_offset WHERE version = ?",
                rs -> {
                    stored.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getInt(2), new Object[]{rs.getLong(3),
                            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))});
                }, readModel.active());
        for (String topic : Topics.ALL) {
            Map<Integer, Object[]> rows = stored.getOrDefault(topic, Map.of());
            long lag = ends == null ? -1 : 0;
            if (ends != null) {
                for (var e : ends.entrySet()) {
                    if (e.getKey().topic().equals(topic)) {
                        Object[] row = rows.get(e.getKey().partition());
                        long next = row == null ? 0 : (Long) row[0];
                        Long consumed = consumer.consumedUpTo(topic, e.getKey().partition());
                        if (consumed != null && consumed > next && row != null) {
                            // only transaction markers between the last projected record and the consumer's position
                            next = consumed;
                        }
                        lag += Math.max(0, e.getValue() - next);
                        parts.add(new PartitionPosition(topic, e.getKey().partition(), next, e.getValue(),
                                row == null ? null : (Instant) row[2]));
                    }
                }
            }
            long projected = rows.values().stream().mapToLong(r -> (Long) r[0]).sum();
            result.put(topic, new TopicPosition(topic, max(rows, 1), max(rows, 2), max(rows, 3), projected, lag));
        }
        latest = result;
        partitions = List.copyOf(parts);
        return List.copyOf(result.values());
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            topics.values().forEach(t -> t.partitions().forEach(p ->
                    request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            // a topic not created yet, or Kafka unreachable: report lag as unknown, never fail the caller
            log.debug("cannot read end offsets: {}", e.toString());
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Instant max(Map<Integer, Object[]> rows, int column) {
        return rows.values().stream().map(r -> (Instant) r[column]).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }
}
