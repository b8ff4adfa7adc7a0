package cn.changdu.labour.projectlabor;

import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one event store, writing the same project at the same moment: each request is
 * either recorded (201) or refused as a concurrent modification (409, the client reloads and retries), never lost
 * and never half-recorded; every recorded payment reaches Kafka, and (with one relay owner at a time) none twice.
 * Each instance has its own cache of Project aggregates (ProjectCacheConfiguration), so each often holds a project
 * the other has written since: it reads the project again when it sees that (requests alternating between the two
 * are all recorded), and when the other writes in between, the result is a 409 too, never a lost or doubled write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "project_labor_two_instances")
class TwoInstancesTest {

    private static final int PAYMENTS_PER_INSTANCE = 25;

    @LocalServerPort
    int portA;
    @Autowired
    javax.sql.DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    Environment environment;

    /** The second instance, on the same database, Kafka and topic; started once for the class. */
    private static ConfigurableApplicationContext second;

    private int portB() {
        if (second == null) {
            // the first instance's database by name (this JVM's system properties may point at a later test's)
            second = new SpringApplicationBuilder(ProjectLaborApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
        }
        return ((ServletWebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void requests_alternating_between_the_instances_are_recorded_although_each_caches_the_project() throws Exception {
        int portB = portB();
        String projectId = json.readTree(post(portA, "/api/projects", """
                {"name":"江达县岗托镇供水工程","countyCode":"540321","department":"水利局",
                 "governmentInvested":true,"plannedWorkforce":20}""").body()).get("projectId").asText();
        // one after the other, as a clerk's requests reach the two instances behind one address: A caches the
        // project after its own writes, then B writes it, so A's copy is stale (and then B's): each instance sees
        // that the store has moved on and reads the project again instead of refusing or conflicting
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> paid = post(i % 2 == 1 ? portA : portB, "/api/projects/" + projectId + "/wages", wage(i));
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        }

        List<StoredEvents.Row> stored = new StoredEvents(dataSource).ofAggregate(projectId);
        assertThat(stored).extracting(StoredEvents.Row::payloadType).containsExactly(
                ProjectRegisteredEvent.class.getName(), WagePaidEvent.class.getName(), WagePaidEvent.class.getName(),
                WagePaidEvent.class.getName(), WagePaidEvent.class.getName());
        assertThat(stored).extracting(StoredEvents.Row::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        // and Kafka carries the four payments, none twice
        Pattern wagePaid = Pattern.compile("\"type\"\\s*:\\s*\"projectlabor.WagePaid\"");
        java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> ours =
                r -> projectId.equals(r.key()) && wagePaid.matcher(r.value()).find();
        String kafka = TestInfra.shared().kafkaBootstrapServers();
        assertThat(TopicReader.readUntil(kafka, Topics.PROJECT_LABOR, rs -> rs.stream().filter(ours).count() >= 4,
                        Duration.ofSeconds(60)).stream().filter(ours).map(r -> EventJson.read(r.value()).eventId()).toList())
                .hasSize(4).doesNotHaveDuplicates();
    }

    private static String wage(int worker) {
        return """
                {"name":"工人%d","residentId":"%s","period":"2020-06","amount":"4000.00","paidOn":"2020-07-05"}"""
                .formatted(worker, TestPeople.residentId("540321", 910_000 + worker));
    }

    @Test
    void concurrent_writes_to_one_project_from_two_instances_are_recorded_or_refused_with_409_never_lost() throws Exception {
        int portB = portB();
        String projectId = json.readTree(post(portA, "/api/projects", """
                {"name":"江达县县城道路改造工程","countyCode":"540321","department":"交通局",
                 "governmentInvested":true,"plannedWorkforce":80}""").body()).get("projectId").asText();

        // both instances pay wages on the same project at once, starting together
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 2 * PAYMENTS_PER_INSTANCE; i++) {
            int port = i % 2 == 0 ? portA : portB;
            String body = """
                    {"name":"工人%d","residentId":"%s","period":"2020-06","amount":"4000.00","paidOn":"2020-07-05"}"""
                    .formatted(i, TestPeople.residentId("540321", 900_000 + i));
            responses.add(pool.submit(() -> {
                start.await();
                return post(port, "/api/projects/" + projectId + "/wages", body);
            }));
        }
        start.countDown();
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        for (Future<HttpResponse<String>> response : responses) {
            HttpResponse<String> r = response.get();
            assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
            if (r.statusCode() == 409) {
                assertThat(r.body()).contains("concurrent-modification");
            }
            byStatus.merge(r.statusCode(), 1, Integer::sum);
        }
        pool.shutdown();
        int recorded = byStatus.getOrDefault(201, 0);
        System.out.printf("[project-labor] two instances, %d concurrent payments on one project: %s%n",
                2 * PAYMENTS_PER_INSTANCE, byStatus);

        // the event store holds exactly the recorded payments, in one gap-free sequence
        List<StoredEvents.Row> stored = new StoredEvents(dataSource).ofAggregate(projectId);
        assertThat(stored.stream().filter(e -> e.payloadType().endsWith("WagePaidEvent"))).hasSize(recorded);
        assertThat(stored.stream().map(StoredEvents.Row::sequence).sorted().toList())
                .isEqualTo(java.util.stream.LongStream.range(0, stored.size()).boxed().toList());

        // and Kafka carries each recorded payment, none twice: read until all arrived, then on for a while, so a
        // second relay's late copies would be seen too
        Pattern wagePaid = Pattern.compile("\"type\"\\s*:\\s*\"projectlabor.WagePaid\"");
        java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> ours =
                r -> projectId.equals(r.key()) && wagePaid.matcher(r.value()).find();
        String kafka = TestInfra.shared().kafkaBootstrapServers();
        TopicReader.readUntil(kafka, Topics.PROJECT_LABOR, rs -> rs.stream().filter(ours).count() >= recorded,
                Duration.ofSeconds(60));
        Thread.sleep(3000);
        List<String> published = TopicReader.readUntil(kafka, Topics.PROJECT_LABOR, rs -> false, Duration.ofSeconds(10))
                .stream().filter(ours).map(r -> EventJson.read(r.value()).eventId()).toList();
        assertThat(published).hasSize(recorded).doesNotHaveDuplicates();
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Actor-Id", "engineer-1")
                .header("X-Actor-Department", "jiaotongju")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
