package cn.changdu.labour.reporting.rebuild;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.reporting.indicators.Ledger;
import cn.changdu.labour.reporting.projection.FactStore;
import cn.changdu.labour.reporting.projection.Facts;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the read model from the Kafka topics into a new version while the current one keeps serving, then
 * switches to it (blue/green). The topics are read from their beginning up to where they ended when the rebuild
 * started; everything projected meanwhile goes into both versions (see {@link FactStore}).
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    public enum State { IDLE, RUNNING, SWITCHED, FAILED }

    public record Progress(State state, String target, long done, long total, double eventsPerSecond,
                           Long etaSeconds, Instant startedAt, Instant finishedAt, long unreadable, String error) {
    }

    /** A second rebuild while one runs. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("重建正在进行中");
        }
    }

    private final FactStore store;
    private final Ledger ledger;
    private final KafkaProperties kafka;
    private final Clock clock;
    private volatile Progress progress = new Progress(State.IDLE, null, 0, 0, 0, null, null, null, 0, null);

    public Rebuild(FactStore store, Ledger ledger, KafkaProperties kafka, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.kafka = kafka;
        this.clock = clock;
    }

    public Progress progress() {
        return progress;
    }

    public synchronized Progress start() {
        if (progress.state() == State.RUNNING) {
            throw new AlreadyRunning();
        }
        MongoCollection<Document> target = store.startBuilding();
        Instant started = clock.instant();
        progress = new Progress(State.RUNNING, target.getNamespace().getCollectionName(), 0, 0, 0, null, started, null, 0, null);
        Thread worker = new Thread(() -> run(target, started), "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    private void run(MongoCollection<Document> target, Instant started) {
        String name = target.getNamespace().getCollectionName();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> ends.get(p) - begins.get(p)).sum();
            long done = 0;
            long unreadable = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        EventEnvelope envelope = EventJson.read(record.value());
                        FactStore.insert(target, Facts.of(envelope, record.topic()));
                    } catch (EventJson.UnreadableEventException e) {
                        unreadable++;
                    }
                    done++;
                }
                double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
                double rate = done / seconds;
                progress = new Progress(State.RUNNING, name, done, total, rate,
                        rate > 0 ? Math.round((total - done) / rate) : null, started, null, unreadable, null);
            }
            store.switchTo(target);
            ledger.reload(target.find().sort(Facts.IN_STREAM_ORDER));
            double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
            progress = new Progress(State.SWITCHED, name, done, total, done / seconds, 0L, started, clock.instant(),
                    unreadable, null);
            log.info("read model rebuilt into {}: {} records in {} s", name, done, seconds);
        } catch (RuntimeException e) {
            log.error("rebuild into {} failed; the current read model keeps serving", name, e);
            store.abandonBuilding();
            progress = new Progress(State.FAILED, name, progress.done(), progress.total(), 0, null, started,
                    clock.instant(), progress.unreadable(), e.toString());
        }
    }
}
