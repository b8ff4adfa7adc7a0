package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.HdrHistogram.Histogram;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This machine's raw limits, measured in the same run as the platform: the broker's own perf tools against the
 * platform's broker (a JVM of their own, on the classpath in {@code benchmark/target/kafka-tools}), and plain driver
 * inserts and point reads against the stores the services use — an H2 file database with the services' URL flags
 * (in the benchmark's JVM, as H2 runs inside each service's), PostgreSQL when one is given, and the platform's
 * mongo-java-server with the plain MongoDB driver.
 */
final class RawLimits {

    /** The rows and documents look like a stored event: ids, a type, a ~600-byte JSON payload. */
    private static final String PAYLOAD = "{\"classId\":\"%s\",\"personKey\":\"pk_%032x\",\"countyCode\":\"540321\","
            + "\"name\":\"扎西多吉\",\"township\":\"岗托镇\",\"trade\":\"电工\",\"enrolledOn\":\"2020-03-02\","
            + "\"registeredPoor\":true,\"consolidation\":false,\"relocation\":null,\"phone\":\"13908951234\","
            + "\"previousTrainingYears\":[2018],\"employmentStatus\":\"NOT_EMPLOYED\",\"attendance\":0.92,"
            + "\"metadata\":{\"actorId\":\"540321-hr-clerk\",\"actorDepartment\":\"江达县人社局\","
            + "\"occurredAt\":\"2020-03-02T02:00:00Z\",\"correlationId\":\"%s\",\"traceId\":\"%s\"}}";

    private static final Pattern PRODUCER = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private final Path work;
    private final Duration budget;

    RawLimits(Path work, Duration budget) {
        this.work = work;
        this.budget = budget;
    }

    static String payload(SplittableRandom random) {
        return String.format(PAYLOAD, UUID.randomUUID(), random.nextLong() & Long.MAX_VALUE, UUID.randomUUID(), UUID.randomUUID());
    }

    // ------------------------------------------------------------------------------------------ Kafka

    ObjectNode kafka(Path toolsDir, Kafka admin, String bootstrap, long records) {
        ObjectNode n = Json.object();
        String topic = "benchmark.raw." + System.currentTimeMillis();
        try {
            if (!Files.isDirectory(toolsDir)) {
                n.put("error", "no Kafka tools in " + toolsDir + " (build the benchmark module)");
                return n;
            }
            Files.createDirectories(work);
            Path payloads = work.resolve("kafka-payloads.txt");
            SplittableRandom random = new SplittableRandom(11);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                lines.add(payload(random));
            }
            Files.write(payloads, lines, StandardCharsets.UTF_8);
            admin.create(topic, 3);
            n.put("topic", topic + " (3 partitions, deleted afterwards)");
            n.put("records", records);
            n.put("recordBytes", lines.get(0).getBytes(StandardCharsets.UTF_8).length);
            // the relays' producer settings (platform-defaults.yml): a like-for-like ceiling for the relay
            String producerProps = "bootstrap.servers=" + bootstrap + " acks=all enable.idempotence=true linger.ms=5 "
                    + "batch.size=262144 compression.type=lz4";
            n.put("producerProps", producerProps);
            Tool producer = tool(toolsDir, "kafka-producer-perf", "org.apache.kafka.tools.ProducerPerformance",
                    List.of("--topic", topic, "--num-records", String.valueOf(records), "--throughput", "-1",
                            "--payload-file", payloads.toString(), "--producer-props"), producerProps.split(" "));
            ObjectNode p = n.putObject("producer");
            Matcher m = null;
            for (String line : producer.output().split("\n")) {
                Matcher candidate = PRODUCER.matcher(line);
                if (candidate.find()) {
                    m = candidate;
                }
            }
            if (m == null) {
                p.put("error", "no result line (exit " + producer.exit() + "): " + last(producer.output(), 600));
            } else {
                Json.put(p, "recordsPerSecond", Double.parseDouble(m.group(2)));
                Json.put(p, "mbPerSecond", Double.parseDouble(m.group(3)));
                Json.put(p, "avgLatencyMs", Double.parseDouble(m.group(4)));
                Json.put(p, "p50Ms", Double.parseDouble(m.group(6)));
                Json.put(p, "p99Ms", Double.parseDouble(m.group(8)));
                Json.put(p, "seconds", producer.seconds());
            }
            Tool consumer = tool(toolsDir, "kafka-consumer-perf", "org.apache.kafka.tools.ConsumerPerformance",
                    List.of("--bootstrap-server", bootstrap, "--topic", topic, "--messages", String.valueOf(records),
                            "--timeout", "60000", "--group", "benchmark-raw-" + System.currentTimeMillis()));
            ObjectNode c = n.putObject("consumer");
            Map<String, String> row = consumerRow(consumer.output());
            if (row.isEmpty()) {
                c.put("error", "no result line (exit " + consumer.exit() + "): " + last(consumer.output(), 600));
            } else {
                // fetch.* leaves out the group's rebalance time: the rate of reading itself
                Json.put(c, "recordsPerSecond", parse(row.get("fetch.nMsg.sec")));
                Json.put(c, "mbPerSecond", parse(row.get("fetch.MB.sec")));
                Json.put(c, "recordsPerSecondWithRebalance", parse(row.get("nMsg.sec")));
                Json.put(c, "records", parse(row.get("data.consumed.in.nMsg")));
                Json.put(c, "seconds", consumer.seconds());
            }
        } catch (Exception e) {
            n.put("error", e.toString());
        } finally {
            admin.delete(topic);
        }
        return n;
    }

    static Map<String, String> consumerRow(String output) {
        String[] lines = output.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("start.time")) {
                String[] names = lines[i].split(",\\s*");
                String[] values = lines[i + 1].split(",\\s*");
                Map<String, String> row = new LinkedHashMap<>();
                for (int k = 0; k < Math.min(names.length, values.length); k++) {
                    row.put(names[k].strip(), values[k].strip());
                }
                return row;
            }
        }
        return Map.of();
    }

    private static double parse(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private record Tool(int exit, double seconds, String output) {
    }

    private Tool tool(Path toolsDir, String name, String mainClass, List<String> args, String... more) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", toolsDir.toAbsolutePath() + "/*", mainClass));
        command.addAll(args);
        command.addAll(List.of(more));
        Path log = work.resolve(name + ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(budget.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Tool(p.isAlive() ? -1 : p.exitValue(), seconds, Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String last(String text, int chars) {
        String flat = text.replace('\n', ' ');
        return flat.length() > chars ? flat.substring(flat.length() - chars) : flat;
    }

    // ------------------------------------------------------------------------------------------ JDBC

    /** The services' embedded store: an H2 file with their URL flags, fresh, deleted afterwards. */
    ObjectNode h2(int rows) {
        Path dir = work.resolve("h2");
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/raw;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        ObjectNode n;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            n = jdbc(c, "raw_event", rows);
            n.put("url", url.replace(dir.toAbsolutePath().toString(), "<data>/benchmark-raw/h2"));
        } catch (SQLException e) {
            n = Json.object();
            n.put("error", e.toString());
        }
        deleteTree(dir);
        return n;
    }

    ObjectNode postgres(String url, int rows) {
        ObjectNode n;
        String table = "benchmark_raw_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url)) {
            try {
                n = jdbc(c, table, rows);
            } finally {
                try (Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
            }
            n.put("url", url.replaceAll("password=[^&]*", "password=…"));
        } catch (SQLException e) {
            n = Json.object();
            n.put("error", e.toString());
        }
        return n;
    }

    /**
     * Inserts in batches of 100 rows a transaction (rows/s), then one row a transaction (commits/s: the ceiling
     * of one transaction per command), then point reads by primary key (reads/s, latency).
     */
    private ObjectNode jdbc(Connection c, String table, int rows) throws SQLException {
        ObjectNode n = Json.object();
        SplittableRandom random = new SplittableRandom(7);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, aggregate_id VARCHAR NOT NULL, "
                    + "sequence_number BIGINT NOT NULL, type VARCHAR NOT NULL, payload VARCHAR NOT NULL, "
                    + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("CREATE UNIQUE INDEX " + table + "_aggregate ON " + table + " (aggregate_id, sequence_number)");
        }
        String insert = "INSERT INTO " + table + " (id, aggregate_id, sequence_number, type, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?)";
        c.setAutoCommit(false);
        // the first fifth warms the JIT and the file up and is not timed
        int warm = rows / 5;
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (int i = 1; i <= rows; i++) {
                if (i == warm + 1) {
                    t0 = System.nanoTime();
                }
                bind(ps, i, random);
                ps.addBatch();
                if (i % 100 == 0 || i == rows) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        double batched = (System.nanoTime() - t0) / 1e9;
        ObjectNode b = n.putObject("batchedInserts");
        b.put("rows", rows - warm);
        b.put("rowsPerTransaction", 100);
        Json.put(b, "rowsPerSecond", (rows - warm) / batched);

        c.setAutoCommit(true);
        int single = 0;
        long deadline = System.nanoTime() + 5_000_000_000L;
        t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            while (single < rows / 2 && System.nanoTime() < deadline) {
                bind(ps, rows + 1 + single, random);
                ps.executeUpdate();
                single++;
            }
        }
        double singleSeconds = (System.nanoTime() - t0) / 1e9;
        ObjectNode sc = n.putObject("singleRowTransactions");
        sc.put("rows", single);
        Json.put(sc, "commitsPerSecond", single / singleSeconds);

        int total = rows + single;
        Histogram h = new Histogram(60_000_000L, 3);
        int reads = 0;
        deadline = System.nanoTime() + 5_000_000_000L;
        t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM " + table + " WHERE id = ?")) {
            while (reads < 50_000 && System.nanoTime() < deadline) {
                long r0 = System.nanoTime();
                ps.setLong(1, 1 + random.nextInt(total));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rs.getString(1);
                }
                h.recordValue(Math.max(1, (System.nanoTime() - r0) / 1000));
                reads++;
            }
        }
        n.set("pointReads", reads(h, reads, (System.nanoTime() - t0) / 1e9));
        return n;
    }

    private static void bind(PreparedStatement ps, long id, SplittableRandom random) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, UUID.randomUUID().toString());
        ps.setLong(3, 0);
        ps.setString(4, "cn.changdu.labour.training.classes.api.TraineeEnrolledEvent");
        ps.setString(5, payload(random));
        ps.setTimestamp(6, Timestamp.from(Instant.now()));
    }

    private static ObjectNode reads(Histogram h, int reads, double seconds) {
        ObjectNode r = Json.object();
        r.put("reads", reads);
        Json.put(r, "readsPerSecond", reads / seconds);
        Json.put(r, "p50Ms", h.getValueAtPercentile(50) / 1000.0);
        Json.put(r, "p99Ms", h.getValueAtPercentile(99) / 1000.0);
        return r;
    }

    // ------------------------------------------------------------------------------------------ MongoDB

    /** The platform's mongo-java-server with the plain driver: insertMany of 1,000, insertOne, find by _id. */
    ObjectNode mongo(int port, int documents) {
        ObjectNode n = Json.object();
        String name = "benchmark_raw_" + System.currentTimeMillis();
        SplittableRandom random = new SplittableRandom(5);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase db = client.getDatabase(name);
            try {
                MongoCollection<Document> events = db.getCollection("events");
                long t0 = System.nanoTime();
                int warm = documents / 5;
                List<Document> batch = new ArrayList<>(1000);
                for (int i = 1; i <= documents; i++) {
                    if (i == warm + 1) {
                        t0 = System.nanoTime();
                    }
                    batch.add(document(i, random));
                    if (batch.size() == 1000 || i == documents || i == warm) {
                        events.insertMany(batch);
                        batch.clear();
                    }
                }
                ObjectNode b = n.putObject("batchedInserts");
                b.put("documents", documents - warm);
                b.put("documentsPerInsertMany", 1000);
                Json.put(b, "rowsPerSecond", (documents - warm) / ((System.nanoTime() - t0) / 1e9));

                int single = 0;
                long deadline = System.nanoTime() + 3_000_000_000L;
                t0 = System.nanoTime();
                while (single < documents / 2 && System.nanoTime() < deadline) {
                    events.insertOne(document(documents + 1 + single, random));
                    single++;
                }
                ObjectNode sc = n.putObject("singleRowTransactions");
                sc.put("documents", single);
                Json.put(sc, "commitsPerSecond", single / ((System.nanoTime() - t0) / 1e9));

                int total = documents + single;
                Histogram h = new Histogram(60_000_000L, 3);
                int reads = 0;
                deadline = System.nanoTime() + 5_000_000_000L;
                t0 = System.nanoTime();
                while (reads < 20_000 && System.nanoTime() < deadline) {
                    long r0 = System.nanoTime();
                    events.find(Filters.eq("_id", (long) (1 + random.nextInt(total)))).first();
                    h.recordValue(Math.max(1, (System.nanoTime() - r0) / 1000));
                    reads++;
                }
                n.set("pointReads", reads(h, reads, (System.nanoTime() - t0) / 1e9));
            } finally {
                db.drop();
            }
        } catch (RuntimeException e) {
            n.put("error", e.toString());
        }
        return n;
    }

    private static Document document(long id, SplittableRandom random) {
        return new Document("_id", id).append("aggregateIdentifier", UUID.randomUUID().toString())
                .append("sequenceNumber", 0L).append("type", "TraineeEnrolledEvent")
                .append("serializedPayload", payload(random)).append("timestamp", Instant.now().toString());
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
