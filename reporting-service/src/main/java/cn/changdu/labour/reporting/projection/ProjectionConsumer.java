package cn.changdu.labour.reporting.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live projection: each batch the listener container polls from the three topics is applied in one
 * transaction ({@link Projection}); on partition assignment the consumer is moved to the offsets the relational
 * store holds, so the store, not Kafka's committed offsets, says where the projection stands. A record this build
 * cannot read is parked in {@code unprocessable}, published to {@value #DEAD_LETTERS} and counted; any other failure
 * rolls the batch back and the container retries it.
 */
@Component
public class ProjectionConsumer implements ConsumerAwareRebalanceListener,
        org.springframework.kafka.listener.BatchConsumerAwareMessageListener<String, String> {

    public static final String DEAD_LETTERS = "changdu.reporting.dlt";
    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);

    private final Projection projection;
    private final ReadModel readModel;
    private final KafkaTemplate<String, String> kafka;
    private final MongoCollection<Document> unprocessable;
    private final MeterRegistry meters;
    private final Clock clock;
    /** Looked up at the first batch: some listeners (the figure cache) depend on beans that depend on this one. */
    private final ObjectProvider<ProjectionListener> listenerBeans;
    private volatile List<ProjectionListener> listeners;
    /** Records received since start (including those below the stored offsets): what a restart re-read. */
    private final AtomicLong received = new AtomicLong();
    /**
     * The consumer's position per assigned partition after the last batch or idle poll: past the relay's transaction
     * markers, which are no records, so a caught-up partition shows no lag although its last record is one below.
     */
    private final Map<TopicPartition, Long> consumed = new java.util.concurrent.ConcurrentHashMap<>();

    public ProjectionConsumer(Projection projection, ReadModel readModel, ObjectProvider<ProjectionListener> listeners,
                              KafkaTemplate<String, String> kafka, MongoDatabase reportingDatabase, MeterRegistry meters,
                              Clock clock) {
        this.projection = projection;
        this.readModel = readModel;
        this.listenerBeans = listeners;
        this.kafka = kafka;
        this.unprocessable = reportingDatabase.getCollection("unprocessable");
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        onBatch(records);
        remember(consumer);
    }

    /** An idle poll (published on the consumer thread): the positions may have moved past transaction markers. */
    @org.springframework.context.event.EventListener
    public void onIdle(org.springframework.kafka.event.ListenerContainerIdleEvent idle) {
        remember(idle.getConsumer());
    }

    private void remember(Consumer<?, ?> consumer) {
        if (consumer == null) {
            return;
        }
        try {
            for (TopicPartition tp : consumer.assignment()) {
                consumed.put(tp, consumer.position(tp, java.time.Duration.ofMillis(200)));
            }
        } catch (RuntimeException e) {
            log.debug("positions not read: {}", e.toString());
        }
    }

    /** The consumer's position on a partition this instance consumes (null: not known here). */
    public Long consumedUpTo(String topic, int partition) {
        return consumed.get(new TopicPartition(topic, partition));
    }

    /** Applies one polled batch (called by the listener container; a failure makes it retry the batch). */
    public Projection.Result onBatch(List<ConsumerRecord<String, String>> records) {
        received.addAndGet(records.size());
        List<Incoming> incoming = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> r : records) {
            incoming.add(Incoming.of(r.topic(), r.partition(), r.offset(), r.value()));
        }
        Projection.Result result = projection.apply(readModel.active(), incoming, true, this::beforeCommit);
        Map<String, Integer> unprocessable = new java.util.HashMap<>();
        Map<String, Integer> projected = new java.util.HashMap<>();
        Map<String, Integer> duplicates = new java.util.HashMap<>();
        result.unreadable().forEach(r -> unprocessable.merge(r.topic(), 1, Integer::sum));
        result.facts().forEach(f -> projected.merge(f.topic(), 1, Integer::sum));
        result.duplicates().forEach(f -> duplicates.merge(f.topic(), 1, Integer::sum));
        unprocessable.forEach((topic, n) -> counter("platform.events.unprocessable", topic).increment(n));
        projected.forEach((topic, n) -> counter("platform.events.projected", topic).increment(n));
        duplicates.forEach((topic, n) -> counter("platform.events.duplicates", topic).increment(n));
        if (!result.records().isEmpty()) {
            listeners().forEach(l -> l.committed(result));
        }
        return result;
    }

    /** Inside the batch's transaction: parked records (and the listeners' work) are idempotent, so a retried batch repeats them safely. */
    private void beforeCommit(Projection.Result result) {
        for (Incoming r : result.unreadable()) {
            log.warn("parking unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), r.unreadable());
            unprocessable.replaceOne(Filters.eq("_id", r.topic() + "-" + r.partition() + "@" + r.offset()),
                    new Document("topic", r.topic()).append("partition", r.partition()).append("offset", r.offset())
                            .append("reason", r.unreadable()).append("record", r.record())
                            .append("parkedAt", Date.from(clock.instant())),
                    new ReplaceOptions().upsert(true));
            ProducerRecord<String, String> dead = new ProducerRecord<>(DEAD_LETTERS, r.topic() + "-" + r.partition(), r.record());
            dead.headers().add("reason", String.valueOf(r.unreadable()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("original", (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
            try {
                kafka.send(dead).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot publish to " + DEAD_LETTERS, e);
            }
        }
        listeners().forEach(l -> l.applied(result));
    }

    private List<ProjectionListener> listeners() {
        List<ProjectionListener> known = listeners;
        if (known == null) {
            known = listenerBeans.orderedStream().toList();
            listeners = known;
        }
        return known;
    }

    /** The stored offsets of the active version, not Kafka's, decide where each assigned partition resumes. */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<String, Map<Integer, Long>> stored = projection.offsets(readModel.active());
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = stored.getOrDefault(tp.topic(), Map.of()).get(tp.partition());
            if (next == null) {
                fromStart.add(tp);
            } else {
                consumer.seek(tp, next);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
        log.info("partitions assigned: {} (resuming from the stored offsets)", partitions);
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(consumed::remove);
    }

    public long received() {
        return received.get();
    }

    private Counter counter(String name, String topic) {
        return Counter.builder(name).tag("topic", topic).register(meters);
    }
}
