package cn.changdu.labour.projectlabor;

import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.infra.test.TestDatabases;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.projectlabor.project.api.PayCycle;
import cn.changdu.labour.projectlabor.project.api.PaymentChannel;
import cn.changdu.labour.projectlabor.project.api.PayrollLine;
import cn.changdu.labour.projectlabor.project.api.PayrollSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectDetails;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerJoinedProjectEvent;
import cn.changdu.labour.projectlabor.project.query.ProjectViews;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project with a year of history (380 workers, a payroll and a payment per worker every month: 4,953 events):
 * a command on it with and without the Project aggregate cache, how fast the read model takes the history in, and
 * the reads of it. The history is appended to the event store directly (as the commands would have written it),
 * so the test does not spend minutes writing it; the measured commands go through the API. Prints its figures
 * ({@code [project-labor] long project: ...}); they are in the README.
 */
// a property of its own gives it an application context of its own: Spring's test context cache would otherwise
// hand it TwoInstancesTest's, which is on that test's database
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.aggregate-caches.projects.max-entries=64")
@WithPlatformInfra(database = "project_labor_long_project")
class LongProjectTest {

    private static final int WORKERS = 380;
    private static final int MONTHS = 12;
    private static final int EVENTS = 1 + WORKERS + MONTHS * (1 + WORKERS);
    private static final int MEASURED = 30;

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PersonKeys personKeys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_command_on_a_project_with_a_year_of_history_with_and_without_the_aggregate_cache() throws Exception {
        String engine = TestDatabases.shared().postgres() ? "PostgreSQL" : "H2";
        String cachedProject = UUID.randomUUID().toString();
        String uncachedProject = UUID.randomUUID().toString();
        long appending = System.nanoTime();
        appendHistory(cachedProject, 1);
        appendHistory(uncachedProject, 2);
        double appended = seconds(appending);
        Map<String, Double> caughtUp = awaitProcessorsCaughtUp(appending);
        assertThat(payments(cachedProject, null)).hasSize(WORKERS * MONTHS);

        // the read model at this volume: each read several times, the median
        String reads = String.join(", ",
                timed("one project", "/api/projects/" + cachedProject),
                timed("its roster (380)", "/api/projects/" + cachedProject + "/roster"),
                timed("its payroll of a month (380 lines, 380 payments)",
                        "/api/projects/" + cachedProject + "/payroll?period=2020-06"),
                timed("its payroll of the year (4,560 lines, 4,560 payments)",
                        "/api/projects/" + cachedProject + "/payroll"),
                timed("the project list", "/api/projects"),
                timed("open arrears city-wide", "/api/projects/arrears"),
                timed("department shares", "/api/projects/departments"));

        try (ConfigurableApplicationContext withoutCache = new SpringApplicationBuilder(ProjectLaborApplication.class)
                .run("--server.port=0", "--platform.aggregate-caches.projects.max-entries=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""))) {
            int uncachedPort = ((ServletWebServerApplicationContext) withoutCache).getWebServer().getPort();
            // both instances warmed up on a small project of their own first
            warmUp(port);
            warmUp(uncachedPort);

            long[] cached = commands(port, cachedProject, 1, MEASURED + 1);
            long first = cached[0]; // the cache is empty: this one reads the whole history
            cached = Arrays.copyOfRange(cached, 1, cached.length);
            long[] uncached = commands(uncachedPort, uncachedProject, 2, MEASURED);
            Arrays.sort(cached);
            Arrays.sort(uncached);
            System.out.printf("[project-labor] long project (%s, %,d events each): appended 2 projects in %.1f s; "
                            + "caught up, seconds after the first append: %s; "
                            + "a wage payment through the API without the aggregate cache: median %.1f ms, p90 %.1f ms, "
                            + "max %.1f ms; with it: first (loads the history) %.1f ms, then median %.1f ms, p90 %.1f ms, "
                            + "max %.1f ms; reads: %s%n",
                    engine, EVENTS, appended, caughtUp,
                    ms(median(uncached)), ms(p90(uncached)), ms(uncached[uncached.length - 1]),
                    ms(first), ms(median(cached)), ms(p90(cached)), ms(cached[cached.length - 1]), reads);
            assertThat(median(cached)).as("a cached project is not read again").isLessThan(median(uncached));
        }
        awaitProcessorsCaughtUp(System.nanoTime());
        assertThat(payments(cachedProject, "2020-12")).hasSize(WORKERS + MEASURED + 1);
        assertThat(payments(uncachedProject, "2020-12")).hasSize(WORKERS + MEASURED);

        // the views alone: rebuilt from the first event (the reset handler empties them), as an operator would
        String before = get("/api/projects/" + cachedProject + "/payroll").toString();
        TrackingEventProcessor views = processing.eventProcessor(ProjectViews.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        views.shutDown();
        long rebuilding = System.nanoTime();
        views.resetTokens();
        views.start();
        double rebuilt = awaitProcessorsCaughtUp(rebuilding).get(ProjectViews.PROCESSING_GROUP);
        System.out.printf("[project-labor] long project (%s): the views rebuilt from %,d events in %.1f s (%,.0f events/s)%n",
                engine, stored, rebuilt, stored / rebuilt);
        assertThat(get("/api/projects/" + cachedProject + "/payroll").toString()).isEqualTo(before);
    }

    /** The year of one project, appended in chunks straight to the event store. */
    private void appendHistory(String projectId, int project) {
        MetaData meta = MetaData.with("actorId", "officer-1").and("actorDepartment", "住建局");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(projectId, events.size(), new ProjectRegisteredEvent(projectId, "江达县岗托镇安置点建设项目" + project,
                "540321", "住建局", true, 400, ProjectDetails.none()), meta));
        List<String[]> people = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            String residentId = TestPeople.residentId("540321", worker(project, i));
            String personKey = personKeys.keyOf(new ResidentId(residentId));
            people.add(new String[]{personKey, residentId});
            boolean local = i % 3 == 0;
            events.add(event(projectId, events.size(), new WorkerJoinedProjectEvent(projectId, personKey, "工人" + i,
                    residentId, "13800000000", local, local ? "540321" : null, "钢筋工", new BigDecimal("5000.00"),
                    PayCycle.MONTHLY, true, LocalDate.of(2020, 1, 1), "540321", "住建局", true, i / 3 + 1, i + 1), meta));
        }
        for (int m = 1; m <= MONTHS; m++) {
            YearMonth period = YearMonth.of(2020, m);
            List<PayrollLine> lines = people.stream()
                    .map(p -> new PayrollLine(p[0], null, new BigDecimal("5000.00"))).toList();
            events.add(event(projectId, events.size(), new PayrollSubmittedEvent(projectId, period, lines,
                    new BigDecimal("5000.00").multiply(BigDecimal.valueOf(WORKERS)), period.plusMonths(1).atDay(15),
                    period.plusMonths(1).atDay(5), "540321", "住建局"), meta));
            for (String[] p : people) {
                events.add(event(projectId, events.size(), new WagePaidEvent(projectId, UUID.randomUUID().toString(),
                        p[0], "工人", p[1], period, new BigDecimal("5000.00"), period.plusMonths(1).atDay(8), "540321",
                        PaymentChannel.WAGE_SPECIAL_ACCOUNT, true), meta));
            }
        }
        assertThat(events).hasSize(EVENTS);
        for (int from = 0; from < events.size(); from += 500) {
            List<DomainEventMessage<?>> chunk = events.subList(from, Math.min(events.size(), from + 500));
            transactions.executeInTransaction(() -> eventStore.publish(chunk));
        }
    }

    /** The number of the {@code i}th worker of the {@code project}th project (their resident IDs differ). */
    private static int worker(int project, int i) {
        return 500_000 + project * 1000 + i;
    }

    private static DomainEventMessage<?> event(String projectId, long sequence, Object payload, MetaData meta) {
        return new GenericDomainEventMessage<>("Project", projectId, sequence, payload, meta);
    }

    /**
     * Until every tracking processor of this instance (views, relay) has handled the last stored event; when each got
     * there, in seconds after {@code since}.
     */
    private Map<String, Double> awaitProcessorsCaughtUp(long since) throws InterruptedException {
        long last = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        Map<String, Double> caughtUp = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof TrackingEventProcessor p && !caughtUp.containsKey(name)
                        && !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                        .allMatch(s -> s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= last)) {
                    caughtUp.put(name, seconds(since));
                }
            });
            if (caughtUp.size() == processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance).count()) {
                return caughtUp;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("processors did not catch up: " + caughtUp + " of " + processing.eventProcessors().keySet());
    }

    private void warmUp(int port) throws Exception {
        String projectId = json.readTree(post(port, "/api/projects", """
                {"name":"预热项目","countyCode":"540321","department":"住建局","governmentInvested":false,
                 "plannedWorkforce":5}""").body()).get("projectId").asText();
        commands(port, projectId, 9, 10);
        for (int i = 0; i < 5; i++) {
            get("/api/projects/" + projectId + "/payroll");
        }
    }

    /** Wage payments to workers on the roster, one after the other; the time of each, in nanoseconds. */
    private long[] commands(int port, String projectId, int project, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String body = """
                    {"name":"工人","residentId":"%s","period":"2020-12","amount":"100.00","paidOn":"2021-01-05"}"""
                    .formatted(TestPeople.residentId("540321", worker(project, i)));
            long start = System.nanoTime();
            HttpResponse<String> response = post(port, "/api/projects/" + projectId + "/wages", body);
            nanos[i] = System.nanoTime() - start;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        return nanos;
    }

    private String timed(String what, String path) throws Exception {
        long[] nanos = new long[7];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            get(path);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return "%s %.1f ms".formatted(what, ms(median(nanos)));
    }

    private JsonNode payments(String projectId, String period) throws Exception {
        return get("/api/projects/" + projectId + "/payroll" + (period == null ? "" : "?period=" + period)).get("payments");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Actor-Id", "engineer-1")
                .header("X-Actor-Department", "zhujianju")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static long p90(long[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
