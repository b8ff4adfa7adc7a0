package cn.changdu.labour.reporting.rebuild;

import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.reporting.projection.Incoming;
import cn.changdu.labour.reporting.projection.Projection;
import cn.changdu.labour.reporting.projection.ReadModel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the read model from the Kafka topics into a new version while the current one keeps serving, then
 * switches to it (blue/green): the topics are read from their beginning up to where they ended at the start, in
 * large batches (one transaction each); then up to the live version's stored offsets, and the switch happens in one
 * transaction that checks both versions stand at the same offsets. The old version's rows are deleted afterwards.
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

    private final ReadModel readModel;
    private final Projection projection;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final int batchSize;
    private volatile Progress progress = new Progress(State.IDLE, null, 0, 0, 0, null, null, null, 0, null);

    public Rebuild(ReadModel readModel, Projection projection, KafkaProperties kafka, Clock clock,
                   @Value("${platform.rebuild.batch-size:5000}") int batchSize) {
        this.readModel = readModel;
        this.projection = projection;
        this.kafka = kafka;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public Progress progress() {
        return progress;
    }

    public synchronized Progress start() {
        if (progress.state() == State.RUNNING) {
            throw new AlreadyRunning();
        }
        int target = readModel.startBuilding();
        Instant started = clock.instant();
        progress = new Progress(State.RUNNING, "v" + target, 0, 0, 0, null, started, null, 0, null);
        Thread worker = new Thread(() -> run(target, started), "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    /** Runs a rebuild in the calling thread (the load tool measures it). */
    public Progress runNow() {
        int target = readModel.startBuilding();
        Instant started = clock.instant();
        progress = new Progress(State.RUNNING, "v" + target, 0, 0, 0, null, started, null, 0, null);
        run(target, started);
        return progress;
    }

    private void run(int target, Instant started) {
        String name = "v" + target;
        long[] counts = {0, 0};
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize,
                // what the consumer buffers stays within the service's heap next to the batches in flight
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024), new StringDeserializer(), new StringDeserializer())) {
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
            readUpTo(consumer, partitions, ends, target, counts, total, started, name);
            // then up to where the live version stands, and switch once both stand at the same offsets
            int from = readModel.active();
            boolean switched = false;
            for (int attempt = 0; attempt < 100 && !switched; attempt++) {
                Map<TopicPartition, Long> live = new HashMap<>();
                Map<String, Long> stored = readModel.offsets(from);
                for (TopicPartition p : partitions) {
                    live.put(p, stored.getOrDefault(p.topic() + "-" + p.partition(), 0L));
                }
                readUpTo(consumer, partitions, live, target, counts, Math.max(total, counts[0]), started, name);
                switched = readModel.switchTo(target, from);
                if (!switched && readModel.active() != from) {
                    throw new IllegalStateException("the active version changed during the rebuild");
                }
            }
            if (!switched) {
                throw new IllegalStateException("the live projection kept moving; not switched");
            }
            double seconds = seconds(started);
            progress = new Progress(State.SWITCHED, name, counts[0], Math.max(total, counts[0]), counts[0] / seconds, 0L,
                    started, clock.instant(), counts[1], null);
            log.info("read model rebuilt into version {}: {} records in {} s ({} /s)", target, counts[0], seconds,
                    Math.round(counts[0] / seconds));
            Thread cleaner = new Thread(() -> readModel.drop(from), "read-model-drop-v" + from);
            cleaner.setDaemon(true);
            cleaner.start();
        } catch (RuntimeException e) {
            log.error("rebuild into version {} failed; the current read model keeps serving", target, e);
            try {
                readModel.abandon(target);
            } catch (RuntimeException ignored) {
                // dropped by the next rebuild
            }
            progress = new Progress(State.FAILED, name, progress.done(), progress.total(), 0, null, started,
                    clock.instant(), progress.unreadable(), e.toString());
        }
    }

    /**
     * Reads every partition up to (excluding) the given offsets into the version, one transaction per poll. A reader
     * thread polls and parses the next batch while this one applies the last (at most one batch waits between them).
     */
    private void readUpTo(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                          Map<TopicPartition, Long> until, int target, long[] counts, long total, Instant started, String name) {
        BlockingQueue<List<Incoming>> parsed = new ArrayBlockingQueue<>(1);
        List<Incoming> end = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get() && partitions.stream().anyMatch(p -> consumer.position(p) < until.get(p))) {
                    List<Incoming> batch = new ArrayList<>();
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() < until.get(tp)) {
                            batch.add(Incoming.of(record.topic(), record.partition(), record.offset(), record.value()));
                        }
                    }
                    // records polled past the limit are read again from the limit
                    for (TopicPartition p : partitions) {
                        if (consumer.position(p) > until.get(p)) {
                            consumer.seek(p, until.get(p));
                        }
                    }
                    if (!batch.isEmpty()) {
                        hand(parsed, batch, stop);
                    }
                }
            } catch (RuntimeException e) {
                failed.set(e);
            } finally {
                hand(parsed, end, stop);
            }
        }, "read-model-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                List<Incoming> batch = parsed.take();
                if (batch == end) {
                    break;
                }
                Projection.Result result = projection.apply(target, batch, false, r -> {
                });
                counts[0] += batch.size();
                counts[1] += result.unreadable().size();
                double rate = counts[0] / seconds(started);
                progress = new Progress(State.RUNNING, name, counts[0], total, rate,
                        rate > 0 ? Math.round(Math.max(0, total - counts[0]) / rate) : null, started, null, counts[1], null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            stop.set(true);
            parsed.clear();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    /** Hands a parsed batch over, waiting while the last one is still being applied (unless the rebuild stopped). */
    private static void hand(BlockingQueue<List<Incoming>> queue, List<Incoming> batch, AtomicBoolean stop) {
        try {
            while (!stop.get() && !queue.offer(batch, 200, TimeUnit.MILLISECONDS)) {
                // the applier is busy
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double seconds(Instant started) {
        return Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
    }
}
