package cn.changdu.labour.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The platform's broker as the benchmark sees it: records per topic (end − beginning offsets), its own topics. */
final class Kafka implements AutoCloseable {

    private final Admin admin;

    Kafka(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "benchmark");
        admin = Admin.create(p);
    }

    /**
     * Offsets on the topic: end − beginning summed over partitions. Without transactions that is the number of
     * records; with a transactional relay it also counts one commit marker per batch and partition.
     */
    long records(String topic) {
        return records(List.of(topic)).getOrDefault(topic, -1L);
    }

    Map<String, Long> records(Collection<String> topics) {
        Map<String, Long> out = new HashMap<>();
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            described.values().forEach(t -> t.partitions().forEach(p -> {
                latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.earliest());
            }));
            var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            var begins = admin.listOffsets(earliest).all().get(15, TimeUnit.SECONDS);
            ends.forEach((tp, info) -> out.merge(tp.topic(), info.offset() - begins.get(tp).offset(), Long::sum));
        } catch (Exception e) {
            // a topic not there yet counts as empty; an unreachable broker as unknown
            for (String t : topics) {
                out.putIfAbsent(t, e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException ? 0L : -1L);
            }
        }
        for (String t : topics) {
            out.putIfAbsent(t, 0L);
        }
        return out;
    }

    void create(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    void delete(String topic) {
        try {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // left behind on the benchmark's own broker: harmless
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
