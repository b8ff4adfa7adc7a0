package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.Topics;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Where the projection stands on each topic: the last event's business and recording time, and the lag
 * (records on Kafka not yet projected). Exposed in the API and as the gauge {@code platform.projection.lag}.
 */
@Component
public class Positions {

    static final String COLLECTION = "positions";
    private static final Logger log = LoggerFactory.getLogger(Positions.class);

    /** lag = -1 when Kafka could not be asked. */
    public record TopicPosition(String topic, Instant lastOccurredAt, Instant lastRecordedAt, Instant lastProjectedAt,
                                long projected, long lag) {
    }

    private final MongoCollection<Document> positions;
    private final Admin admin;
    private volatile Map<String, TopicPosition> latest = Map.of();

    public Positions(MongoDatabase reportingDatabase, Admin admin, MeterRegistry meters) {
        this.positions = reportingDatabase.getCollection(COLLECTION);
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

    /**
     * The position as last refreshed (at most a second old): what the dashboard shows, so that its readers do not each ask Kafka
     * for its offsets. Before the first refresh it is read at once.
     */
    public List<TopicPosition> latest() {
        Map<String, TopicPosition> cached = latest;
        return cached.isEmpty() ? current() : List.copyOf(cached.values());
    }

    public List<TopicPosition> current() {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, List<Document>> byTopic = positions.find().into(new java.util.ArrayList<>()).stream()
                .collect(Collectors.groupingBy(d -> d.getString("topic")));
        Map<String, TopicPosition> result = new java.util.LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            List<Document> docs = byTopic.getOrDefault(topic, List.of());
            Map<Integer, Long> next = new HashMap<>();
            docs.forEach(d -> next.put(d.getInteger("partition"), d.getLong("offset") + 1));
            long lag = -1;
            if (ends != null) {
                lag = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                        .mapToLong(e -> Math.max(0, e.getValue() - next.getOrDefault(e.getKey().partition(), 0L)))
                        .sum();
            }
            result.put(topic, new TopicPosition(topic, max(docs, "lastOccurredAt"), max(docs, "lastRecordedAt"),
                    max(docs, "projectedAt"), next.values().stream().mapToLong(Long::longValue).sum(), lag));
        }
        latest = result;
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

    private static Instant max(List<Document> docs, String field) {
        return docs.stream().map(d -> d.getDate(field)).filter(java.util.Objects::nonNull)
                .max(Date::compareTo).map(Date::toInstant).orElse(null);
    }
}
