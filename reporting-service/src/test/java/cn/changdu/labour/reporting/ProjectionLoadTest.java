package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.IncomeReported;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.WageArrearsCleared;
import cn.changdu.labour.contracts.projectlabor.WageArrearsDetected;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.contracts.training.PersonEnrolled;
import cn.changdu.labour.contracts.training.TraineeAssessed;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.infra.test.TestDatabases;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.reporting.projection.Positions;
import cn.changdu.labour.reporting.rebuild.Rebuild;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load tool (not part of the normal build): {@code -Dplatform.load.events=200000} publishes that many synthetic
 * envelopes of 2011 (a year's mix: enrolments, assessments, placements, income, roster joins, wages, arrears) to the
 * test broker, then measures live projection (catch-up from an empty store), a restart to serving with the full
 * store, dashboard latency, a rebuild, and the heap. Results on stdout and in target/load-results.txt.
 */
@WithPlatformInfra(database = "reporting_load")
@EnabledIfSystemProperty(named = "platform.load.events", matches = "\\d+")
class ProjectionLoadTest {

    private final Map<String, Long> sequences = new HashMap<>();
    private final List<String> results = new ArrayList<>();

    @Test
    void measure() throws Exception {
        int events = Integer.parseInt(System.getProperty("platform.load.events"));
        String run = UUID.randomUUID().toString().substring(0, 6);
        long t0 = System.nanoTime();
        Instant publishStart = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "1", "linger.ms", 20,
                "batch.size", 512 * 1024, "compression.type", "lz4"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                EventEnvelope e = synthetic(run, i);
                producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e)));
            }
            producer.flush();
        }
        Instant publishEnd = Instant.now();
        report("published %d envelopes in %.1f s", events, seconds(t0));

        TestDatabases.Database db = TestDatabases.shared().create("reporting_load");
        String group = "load-" + run;
        long t1 = System.nanoTime();
        try (ConfigurableApplicationContext context = InstancesTest.start(db, group, "--platform.projection.checkpoint-interval=PT2S")) {
            report("start-up on an empty store: %.1f s", seconds(t1));
            long t2 = System.nanoTime();
            long projected = awaitCaughtUp(context, true);
            double live = seconds(t2);
            report("live projection (catch-up from empty): %d records in %.1f s = %.0f events/s", projected, live, projected / live);
            heap("after live projection");
            store(db, context, "after live projection", events);
        }
        long t3 = System.nanoTime();
        try (ConfigurableApplicationContext context = InstancesTest.start(db, group, "--platform.projection.checkpoint-interval=PT2S")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/reports/dashboard?year=2011")).build(), HttpResponse.BodyHandlers.ofString());
            report("restart to serving (context up and the first dashboard answered) with %d facts: %.1f s (HTTP %d)",
                    facts(context), seconds(t3), first.statusCode());
            for (String path : List.of("/api/reports/dashboard?year=2011", "/api/reports/indicators?year=2011",
                    "/api/reports/alerts?status=OPEN&county=540321")) {
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    long s = System.nanoTime();
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - s) / 1_000_000);
                }
                Collections.sort(latencies);
                report("GET %s (100 sequential requests): p50 %d ms, p99 %d ms, max %d ms", path, latencies.get(50),
                        latencies.get(98), latencies.get(99));
            }
            long s = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/reports/quarterly?year=2011&quarter=2&format=xlsx")).build(), HttpResponse.BodyHandlers.discarding());
            report("quarter-end export (xlsx): %d ms", (System.nanoTime() - s) / 1_000_000);
            Thread.sleep(12_000); // the checkpoints of the publishing window (every 2 s of recording time, checked every 10 s)
            for (Instant moment : List.of(publishStart.plus(java.time.Duration.between(publishStart, publishEnd).dividedBy(2)),
                    publishEnd.plusSeconds(3))) {
                s = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/reports/dashboard?year=2011&recordedBefore=" + moment)).build(), HttpResponse.BodyHandlers.discarding());
                report("recordedBefore %s view: %d ms (checkpoints: %d)", moment, (System.nanoTime() - s) / 1_000_000,
                        context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM figure_checkpoint", Long.class));
            }
            // event → indicator: one enrolment at a time on the caught-up projection, until the figure shows it
            List<Long> visible = new ArrayList<>();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 20; i++) {
                    BigDecimal before = enrolments(jdbc);
                    long sent = System.nanoTime();
                    EventEnvelope e = envelope(Sources.TRAINING, "c-latency-" + run, "540330", LocalDate.of(2011, 12, 1),
                            new TraineeEnrolled("c-latency-" + run, "pk_latency_" + run + i, "540330", "电工"));
                    producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
                    while (enrolments(jdbc).compareTo(before) <= 0) {
                        Thread.sleep(2);
                    }
                    visible.add((System.nanoTime() - sent) / 1_000_000);
                }
            }
            Collections.sort(visible);
            report("event published → figure committed (20 single events): p50 %d ms, max %d ms", visible.get(10), visible.get(19));
            int before = jdbc.queryForObject("SELECT active_version FROM projection_state WHERE id = 1", Integer.class);
            Rebuild.Progress rebuilt = context.getBean(Rebuild.class).runNow();
            report("rebuild: %s, %d records, %.0f events/s", rebuilt.state(), rebuilt.done(), rebuilt.eventsPerSecond());
            heap("after the rebuild");
            assertThat(rebuilt.state()).isEqualTo(Rebuild.State.SWITCHED);
            long dropStart = System.nanoTime();
            while (jdbc.queryForObject("SELECT COUNT(*) FROM read_model_version WHERE version = ? AND state = 'RETIRED'", Integer.class, before) == 1
                    && jdbc.queryForObject("SELECT COUNT(*) FROM projected_type WHERE version = ?", Integer.class, before) > 0) {
                Thread.sleep(500);
            }
            report("the replaced version's rows deleted %.1f s after the switch", seconds(dropStart));
            store(db, context, "after the rebuild (old version deleted)", events);
        }
        Files.write(Path.of("target/load-results.txt"), results);
    }

    private long awaitCaughtUp(ConfigurableApplicationContext context, boolean progress) throws Exception {
        Positions positions = context.getBean(Positions.class);
        long deadline = System.currentTimeMillis() + 3_600_000;
        long lastReport = System.nanoTime();
        long lastProjected = 0;
        while (System.currentTimeMillis() < deadline) {
            List<Positions.TopicPosition> current = positions.current();
            long projected = current.stream().mapToLong(Positions.TopicPosition::projected).sum();
            if (current.stream().allMatch(p -> p.lag() == 0)) {
                return projected;
            }
            if (progress && System.nanoTime() - lastReport > 60_000_000_000L) {
                // the rate per minute of catching up: flat, or falling as the store grows
                report("  live projection at %d records: %.0f events/s in the last minute", projected,
                        (projected - lastProjected) / seconds(lastReport));
                lastReport = System.nanoTime();
                lastProjected = projected;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not caught up");
    }

    /** The store's size on disk: the H2 file (or the PostgreSQL database), per event published. */
    private void store(TestDatabases.Database db, ConfigurableApplicationContext context, String when, int events) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long bytes;
        if (db.url().startsWith("jdbc:h2:file:")) {
            String path = db.url().substring("jdbc:h2:file:".length());
            path = path.contains(";") ? path.substring(0, path.indexOf(';')) : path;
            bytes = Files.size(Path.of(path + ".mv.db"));
        } else {
            bytes = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
        }
        report("store %s: %d MB (%d bytes per event)", when, bytes >> 20, bytes / events);
    }

    private static BigDecimal enrolments(JdbcTemplate jdbc) {
        List<BigDecimal> v = jdbc.queryForList("SELECT f.amount FROM figure f JOIN projection_state s ON s.id = 1 AND "
                + "f.version = s.active_version WHERE f.indicator = 'enrolments' AND f.area = '540330' AND f.period_key = '2011'", BigDecimal.class);
        return v.isEmpty() ? BigDecimal.ZERO : v.get(0);
    }

    private static long facts(ConfigurableApplicationContext context) {
        Long n = context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM fact", Long.class);
        return n == null ? 0 : n;
    }

    private void heap(String when) {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        report("heap %s (after GC): used %d MB of max %d MB", when, heap.getUsed() >> 20, heap.getMax() >> 20);
    }

    private void report(String format, Object... args) {
        String line = String.format(format, args);
        results.add(line);
        System.out.println("LOAD " + line);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A year's mix: per ten events 3 training, 3 employment, 4 project labour, over 11 counties and many people. */
    private EventEnvelope synthetic(String run, int i) {
        String[] counties = {"540302", "540321", "540322", "540323", "540324", "540325", "540326", "540327", "540328", "540329", "540330"};
        String county = counties[i % counties.length];
        String person = "pk_" + run + "_" + (i / 10 % Math.max(1, 50_000));
        LocalDate day = LocalDate.of(2011, 1, 1).plusDays((i / 97) % 365);
        String classId = "c-" + run + "-" + (i / 300);
        String project = "p-" + run + "-" + (i / 2000);
        YearMonth month = YearMonth.from(day);
        return switch (i % 10) {
            case 0 -> envelope(Sources.TRAINING, classId, county, day, new TraineeEnrolled(classId, person, county, "电工"));
            case 1 -> envelope(Sources.TRAINING, person, county, day, new PersonEnrolled(person, classId, county, "电工", "FIVE_MAJOR",
                    i % 3 == 0, i % 4 == 0, false, null, null, day, day.plusDays(20)));
            case 2 -> envelope(Sources.TRAINING, classId, county, day, new TraineeAssessed(classId, person, county, i % 5 != 0, day));
            case 3 -> envelope(Sources.EMPLOYMENT, person, county, day, new WorkerPlaced("pl-" + run + i, person, county,
                    TransferChannel.values()[i % 5], Destination.IN_TIBET, "某企业", day, new BigDecimal("4000.00")));
            case 4 -> envelope(Sources.EMPLOYMENT, person, county, day, new IncomeReported("pl-" + run + (i - 1), person, county,
                    TransferChannel.values()[(i - 1) % 5], month, new BigDecimal("3900.50")));
            case 5 -> envelope(Sources.EMPLOYMENT, "pk_o" + run + i, county, day, new WorkerPlaced("pl-" + run + i, "pk_o" + run + i,
                    county, TransferChannel.SOCIAL_FORCES, Destination.OUT_OF_REGION, "区外企业", day, null));
            case 6 -> envelope(Sources.PROJECT_LABOR, project, county, day, new WorkerJoinedProject(project, person, i % 3 != 0,
                    county, "钢筋工", day, "交通局", true, 10, 20));
            case 7 -> envelope(Sources.PROJECT_LABOR, project, county, day, new WagePaid(project, "w-" + run + i, person, month,
                    new BigDecimal("5400.07"), day));
            case 8 -> envelope(Sources.PROJECT_LABOR, project, county, day, new WageArrearsDetected(project, person, month,
                    new BigDecimal("1200.00"), day, true, "交通局"));
            default -> i % 20 == 9
                    ? envelope(Sources.PROJECT_LABOR, project, county, day, new WageArrearsCleared(project, "pk_" + run + "_" + ((i - 1) / 10 % 50_000), month, true, "交通局"))
                    : envelope(Sources.PROJECT_LABOR, project, county, day, new WagePaid(project, "w-" + run + i, person, month,
                    new BigDecimal("100.00"), day));
        };
    }

    private EventEnvelope envelope(String source, String aggregate, String county, LocalDate day, IntegrationEvent payload) {
        long sequence = sequences.merge(source + aggregate, 1L, Long::sum) - 1;
        return EventEnvelope.of("evt-" + UUID.randomUUID(), source, aggregate, sequence,
                day.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(), Instant.now(),
                new Actor("o", "市人社局"), county, payload);
    }
}
