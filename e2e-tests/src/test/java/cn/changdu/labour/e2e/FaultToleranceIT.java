package cn.changdu.labour.e2e;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.generator.files.FileFormat;
import cn.changdu.labour.generator.load.Credentials;
import cn.changdu.labour.generator.load.LoadDriver;
import cn.changdu.labour.generator.load.LoadResult;
import cn.changdu.labour.generator.load.Outcome;
import cn.changdu.labour.generator.load.Requests;
import cn.changdu.labour.generator.model.Scale;
import cn.changdu.labour.generator.model.Year;
import cn.changdu.labour.infra.test.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under a steady generated load (issue 10): every service killed (SIGKILL) and started again in turn, the
 * Kafka broker and the store stopped and started, a second reporting instance joining mid-stream (a consumer
 * rebalance) and leaving, and an unreadable record put on each topic. Then the platform is reconciled from the
 * outside: every request answered 2xx left its record in the service's store; every stored event of a published
 * type is on Kafka, in each aggregate's order; every event on Kafka is counted by the projection exactly once;
 * the poison records are parked on the dead-letter topic and everything after them flowed on.
 * <p>
 * CI runs a small year ({@code -Dplatform.faults.scale}, default 0.005 ≈ 4,000 requests); locally the full size is
 * {@code ./mvnw -pl e2e-tests verify -Dit.test=FaultToleranceIT -Dplatform.faults.scale=1 -Dplatform.faults.rate=300}.
 */
class FaultToleranceIT {

    private static final double SCALE = Double.parseDouble(System.getProperty("platform.faults.scale", "0.005"));
    private static final double RATE = Double.parseDouble(System.getProperty("platform.faults.rate", "30"));
    private static final Map<String, String> TOPIC_OF = Map.of(
            "training-service", Topics.TRAINING, "employment-service", Topics.EMPLOYMENT,
            "project-labor-service", Topics.PROJECT_LABOR);
    private static final Pattern ID = Pattern.compile("[0-9a-zA-Z_:.-]{8,}");

    private static Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform(true);
        platform.startAll();
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void under_load_crashes_restarts_a_rebalance_and_poison_records_lose_and_double_nothing() throws Exception {
        Year year = Year.generate(new Scale(SCALE, LocalDate.of(2020, 12, 31), 11));
        ConcurrentLinkedQueue<Outcome> answered = new ConcurrentLinkedQueue<>();
        LoadDriver driver = new LoadDriver(LoadDriver.Options.defaults(URI.create(platform.gateway()))
                // a killed service is back within a minute here: requests to it are resent for about that long
                // (500 ms more before each of 16 resends), not failed, so what depends on them is still sent
                .withRate(RATE).withConcurrency(8).withRetries(16), Credentials.actorHeaders())
                .listener(outcome -> {
                    if (outcome.kind() == Outcome.Kind.OK) {
                        answered.add(outcome);
                    }
                });
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<LoadResult> load = background.submit(() -> driver.run(new Requests(year, FileFormat.MIXED, null).stream()));

        List<String> faults = new ArrayList<>();
        fault(faults, "kill -9 training-service", () -> platform.crashAndRestart("training-service"));
        fault(faults, "kill -9 employment-service", () -> platform.crashAndRestart("employment-service"));
        fault(faults, "poison records", this::poisonEveryTopic);
        fault(faults, "kill -9 project-labor-service", () -> platform.crashAndRestart("project-labor-service"));
        fault(faults, "kill -9 reporting-service", () -> platform.crashAndRestart("reporting-service"));
        fault(faults, "Kafka broker stopped 10 s", () -> {
            platform.stop("kafka");
            Thread.sleep(10_000);
            platform.startInfra("kafka");
        });
        fault(faults, "store (MongoDB) stopped 5 s", () -> {
            platform.stop("mongo");
            Thread.sleep(5_000);
            platform.startInfra("mongo");
        });
        fault(faults, "second reporting instance joins", () -> platform.startInstance("reporting-service", "reporting-service-2"));
        fault(faults, "kill -9 gateway", () -> platform.crashAndRestart("gateway"));
        fault(faults, "second reporting instance leaves", () -> platform.stop("reporting-service-2"));

        LoadResult result = load.get();
        background.shutdown();
        System.out.printf("[faults] %s%n[faults] %s%n%s", faults, year.scale(), result.table());

        Map<String, Long> relayed = awaitRelaysCaughtUp();
        Kafka kafka = Kafka.read(platform.kafkaBootstrapServers());
        Map<String, Long> projected = awaitProjected(kafka.distinctByType());

        // --- reconciliation -------------------------------------------------------------------------------------
        Map<String, Stores> stores = new LinkedHashMap<>();
        for (String service : TOPIC_OF.keySet()) {
            platform.stop(service);     // the H2 file is the service's; read it once the service has let go
            stores.put(service, Stores.read(platform.dataDir().resolve(service).resolve("store")));
        }
        List<String> problems = new ArrayList<>();
        // 1. every 2xx answer's record is in its service's store
        Map<String, Set<String>> idsIn = new HashMap<>();
        stores.forEach((service, store) -> idsIn.put(service, store.ids()));
        long createdChecked = 0;
        for (Outcome outcome : answered) {
            String service = outcome.request().service() + "-service";
            if (!idsIn.containsKey(service)) {
                continue;   // reporting (targets)
            }
            for (String id : outcome.created().values()) {
                createdChecked++;
                if (!idsIn.get(service).contains(id)) {
                    problems.add("answered 2xx but not stored: " + outcome.request().endpoint() + " created " + id);
                }
            }
        }
        // 2. every stored event of a published type is on Kafka, once counted, in its aggregate's order
        long storedPublished = 0;
        for (Map.Entry<String, Stores> entry : stores.entrySet()) {
            Stores store = entry.getValue();
            Map<String, List<Long>> published = store.publishedSequences();
            Map<String, List<Long>> onKafka = kafka.firstOccurrences(TOPIC_OF.get(entry.getKey()), store.sometimesPublished());
            for (Map.Entry<String, List<Long>> aggregate : published.entrySet()) {
                storedPublished += aggregate.getValue().size();
                List<Long> seen = onKafka.getOrDefault(aggregate.getKey(), List.of());
                if (!seen.equals(aggregate.getValue())) {
                    problems.add(entry.getKey() + " aggregate " + aggregate.getKey() + ": stored " + aggregate.getValue()
                            + ", on Kafka " + seen);
                }
            }
            long notRelayed = store.stored() - store.passed();
            if (notRelayed != 0) {
                problems.add(entry.getKey() + ": " + notRelayed + " stored events the relay did not pass");
            }
        }
        // 3. every event on Kafka projected exactly once
        Map<String, Long> onKafka = kafka.distinctByType();
        Set<String> types = new java.util.TreeSet<>(onKafka.keySet());
        types.addAll(projected.keySet());
        for (String type : types) {
            long expected = onKafka.getOrDefault(type, 0L);
            long counted = projected.getOrDefault(type, 0L);
            if (expected != counted) {
                problems.add(type + ": " + expected + " distinct on Kafka, " + counted + " projected");
            }
        }
        // 4. the poison records are parked, the rest flowed on (3. includes what came after them)
        long parked = kafka.records("changdu.reporting.dlt");
        if (parked != 3) {
            problems.add("dead-letter topic holds " + parked + " records, expected the 3 poison records");
        }

        System.out.printf("[faults] reconciled: %d created ids, %d stored published events, %d distinct events on "
                        + "Kafka (%d records, %d repeats), projected %d, relays passed %s, parked %d; problems: %d%n",
                createdChecked, storedPublished, onKafka.values().stream().mapToLong(Long::longValue).sum(),
                kafka.total(), kafka.repeats(), projected.values().stream().mapToLong(Long::longValue).sum(), relayed,
                parked, problems.size());
        problems.stream().limit(20).forEach(p -> System.out.println("[faults]   " + p));
        assertThat(result.overall().ok()).as("the load got through").isPositive();
        assertThat(problems).as("lost or doubled").isEmpty();
    }

    // --- faults ---------------------------------------------------------------------------------------------------

    private interface Fault {
        void run() throws Exception;
    }

    /** Lets the load run a while, then applies the fault and notes how long it took. */
    private static void fault(List<String> done, String name, Fault fault) throws Exception {
        Thread.sleep(Duration.ofSeconds(8).toMillis());
        long started = System.nanoTime();
        fault.run();
        done.add(name + " (" + Math.round((System.nanoTime() - started) / 1e9) + " s)");
        System.out.println("[faults] " + done.get(done.size() - 1));
    }

    private void poisonEveryTopic() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", platform.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String topic : Topics.ALL) {
                producer.send(new ProducerRecord<>(topic, "poison", "{\"this is\": \"not an event\"")).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- waiting for the platform to settle -------------------------------------------------------------------------

    /** Until every relay has caught up and passed every stored event; its totals per service. */
    private Map<String, Long> awaitRelaysCaughtUp() throws Exception {
        Map<String, Long> passed = new TreeMap<>();
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (String service : TOPIC_OF.keySet()) {
            while (true) {
                JsonNode report = json.readTree(get(platform.direct(service) + "/actuator/reconciliation"));
                if (report.get("relayCaughtUp").asBoolean() && report.get("notRelayed").asLong() == 0) {
                    passed.put(service, report.get("published").asLong() + report.get("internal").asLong());
                    break;
                }
                assertThat(System.nanoTime()).as(service + " relay did not catch up: " + report).isLessThan(giveUp);
                Thread.sleep(500);
            }
        }
        return passed;
    }

    /** Reporting's projected counts per type, once they stop changing and match Kafka (or time runs out). */
    private Map<String, Long> awaitProjected(Map<String, Long> onKafka) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Map<String, Long> projected;
        do {
            projected = new TreeMap<>();
            for (JsonNode count : json.readTree(get(platform.direct("reporting-service")
                    + "/api/reports/reconciliation/projected"))) {
                projected.merge(count.get("source").asText() + "/" + count.get("type").asText(),
                        count.get("count").asLong(), Long::sum);
            }
            if (projected.equals(onKafka)) {
                return projected;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < giveUp);
        return projected;
    }

    private String get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    // --- what Kafka holds ---------------------------------------------------------------------------------------

    /** Every record of the platform's topics (committed ones), read once from the beginning to their end. */
    record Kafka(Map<String, List<ConsumerRecord<String, String>>> byTopic) {

        static Kafka read(String bootstrapServers) {
            Map<String, List<ConsumerRecord<String, String>>> byTopic = new HashMap<>();
            List<String> topics = new ArrayList<>(Topics.ALL);
            topics.add("changdu.reporting.dlt");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    "bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                    "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    byTopic.put(topic, new ArrayList<>());
                    consumer.partitionsFor(topic, Duration.ofSeconds(10))
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> byTopic.get(r.topic()).add(r));
                }
            }
            return new Kafka(byTopic);
        }

        long records(String topic) {
            return byTopic.getOrDefault(topic, List.of()).size();
        }

        long total() {
            return Topics.ALL.stream().mapToLong(this::records).sum();
        }

        /** Readable events of a topic, in order. */
        private List<EventEnvelope> events(String topic) {
            List<EventEnvelope> events = new ArrayList<>();
            for (ConsumerRecord<String, String> record : byTopic.get(topic)) {
                try {
                    events.add(EventJson.read(record.value()));
                } catch (RuntimeException poison) {
                    // the test's own poison records
                }
            }
            return events;
        }

        /** Per aggregate, the sequence numbers of its events (but those of some types) in the order they first appear. */
        Map<String, List<Long>> firstOccurrences(String topic, Set<String> exceptTypes) {
            Map<String, List<Long>> sequences = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (EventEnvelope event : events(topic)) {
                if (seen.add(event.eventId()) && !exceptTypes.contains(event.type())) {
                    sequences.computeIfAbsent(event.aggregateId(), a -> new ArrayList<>()).add(event.aggregateSequence());
                }
            }
            return sequences;
        }

        /** Distinct events per "source/type". */
        Map<String, Long> distinctByType() {
            Map<String, Long> counts = new TreeMap<>();
            for (String topic : Topics.ALL) {
                Set<String> seen = new HashSet<>();
                for (EventEnvelope event : events(topic)) {
                    if (seen.add(event.eventId())) {
                        counts.merge(event.source() + "/" + event.type(), 1L, Long::sum);
                    }
                }
            }
            return counts;
        }

        long repeats() {
            long repeats = 0;
            for (String topic : Topics.ALL) {
                List<EventEnvelope> events = events(topic);
                repeats += events.size() - events.stream().map(EventEnvelope::eventId).distinct().count();
            }
            return repeats;
        }
    }

    // --- what a service's store holds -----------------------------------------------------------------------------

    /**
     * A domain service's H2 file, read with plain JDBC once the service has stopped: per aggregate the sequences of
     * its events of the domain types that are always published, the published types of domain types that are
     * published only sometimes (compared by count, not by sequence), stored and passed totals, and every id the
     * events hold.
     */
    record Stores(Map<String, List<Long>> publishedSequences, Set<String> sometimesPublished, long stored, long passed,
                  Set<String> ids) {

        static Stores read(Path store) throws Exception {
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store + TestDatabases.H2_FLAGS,
                    "sa", ""); Statement statement = connection.createStatement()) {
                Set<String> publishedTypes = new HashSet<>();
                Set<String> sometimes = new HashSet<>();
                long passed = 0;
                try (ResultSet rs = statement.executeQuery(
                        "SELECT payload_type, published_type, published, internal FROM relay_counts")) {
                    while (rs.next()) {
                        if (rs.getLong(3) > 0 && rs.getLong(4) == 0) {
                            publishedTypes.add(rs.getString(1));
                        } else if (rs.getLong(3) > 0) {
                            sometimes.add(rs.getString(2));
                        }
                        passed += rs.getLong(3) + rs.getLong(4);
                    }
                }
                Map<String, List<Long>> sequences = new HashMap<>();
                Set<String> ids = new HashSet<>();
                long stored = 0;
                try (ResultSet rs = statement.executeQuery("SELECT aggregateidentifier, sequencenumber, payloadtype, payload"
                        + " FROM domainevententry ORDER BY aggregateidentifier, sequencenumber")) {
                    while (rs.next()) {
                        stored++;
                        String aggregate = rs.getString(1);
                        ids.add(aggregate);
                        if (publishedTypes.contains(rs.getString(3))) {
                            sequences.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(rs.getLong(2));
                        }
                        Matcher tokens = ID.matcher(new String(rs.getBytes(4), StandardCharsets.UTF_8));
                        while (tokens.find()) {
                            ids.add(tokens.group());
                        }
                    }
                }
                return new Stores(sequences, sometimes, stored, passed, ids);
            }
        }
    }
}
