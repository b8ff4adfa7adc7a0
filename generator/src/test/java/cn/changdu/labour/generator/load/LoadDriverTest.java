package cn.changdu.labour.generator.load;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.generator.load.Outcome.Kind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver against a small HTTP server that plays the gateway. */
class LoadDriverTest {

    private static final Actor CLERK = new Actor("540321-hr-clerk", "江达县人社局");
    private HttpServer server;
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger maxPerKey = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger lagging = new AtomicInteger(2);
    private final AtomicInteger things = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(Map.of("path", path, "body", body,
                "actor", String.valueOf(exchange.getRequestHeaders().getFirst("X-Actor-Id")),
                "department", URLDecoder.decode(String.valueOf(exchange.getRequestHeaders().getFirst("X-Actor-Department")), StandardCharsets.UTF_8),
                "key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                "type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
        int status = 201;
        String answer = "{}";
        if (path.equals("/things")) {
            answer = "{\"id\":\"T-" + things.incrementAndGet() + "\"}";
        } else if (path.equals("/broken")) {
            status = 500;
        } else if (path.equals("/lagging") && lagging.getAndDecrement() > 0) {
            status = 404;
        } else if (path.startsWith("/slow/")) {
            String key = path.substring(6, 7);
            int mine = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            maxPerKey.accumulateAndGet(mine, Math::max);
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            inFlight.get(key).decrementAndGet();
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private LoadDriver driver(int concurrency, double rate, Path journal) {
        LoadDriver.Options options = LoadDriver.Options.defaults(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .withConcurrency(concurrency).withRate(rate).withJournal(journal);
        return new LoadDriver(options, Credentials.actorHeaders());
    }

    private static Request post(long seq, String path, String json, List<String> keys, Request.Creates creates, boolean mayLag) {
        return new Request(seq, Instant.parse("2020-06-01T02:00:00Z").plusSeconds(seq), "training", "POST", path, path, CLERK,
                new Request.Json(json), keys, creates, new Request.Success(), mayLag, "key-" + seq);
    }

    @Test
    void ids_from_earlier_answers_fill_later_requests_and_a_failed_creator_skips_its_dependants(@TempDir Path dir) throws IOException {
        String residentId = "540321199003150018";
        List<Request> requests = List.of(
                post(1, "/things", "{}", List.of("a"), Request.Creates.field("thing/1", "id"), false),
                post(2, "/things/${thing/1}/parts", "{\"person\":\"${pk:" + residentId + "}\"}", List.of("a"), null, false),
                post(3, "/broken", "{}", List.of("b"), Request.Creates.field("thing/2", "id"), false),
                post(4, "/things/${thing/2}/parts", "{}", List.of("b"), null, false),
                post(5, "/lagging", "{}", List.of("c"), null, true));
        Path journal = dir.resolve("journal.jsonl");
        LoadResult result = driver(4, 0, journal).run(requests.stream());

        Map<String, String> part = seen.stream().filter(s -> s.get("path").endsWith("/parts")).findFirst().orElseThrow();
        assertThat(part.get("path")).isEqualTo("/things/T-1/parts");
        String personKey = new PersonKeys(LoadDriver.DEMO_PERSON_KEY_SECRET).keyOf(new ResidentId(residentId));
        assertThat(part.get("body")).isEqualTo("{\"person\":\"" + personKey + "\"}");
        assertThat(part.get("actor")).isEqualTo("540321-hr-clerk");
        assertThat(part.get("department")).isEqualTo("江达县人社局");
        assertThat(part.get("key")).isEqualTo("key-2");
        assertThat(part.get("type")).isEqualTo("application/json");

        assertThat(result.overall().requests()).isEqualTo(5);
        assertThat(result.overall().ok()).isEqualTo(3);
        assertThat(result.overall().unexpected()).isEqualTo(1);
        assertThat(result.overall().skipped()).isEqualTo(1);
        assertThat(result.overall().status5xx()).isEqualTo(1);
        assertThat(result.notAsMeant()).extracting(o -> o.request().seq(), Outcome::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(3L, Kind.UNEXPECTED), org.assertj.core.groups.Tuple.tuple(4L, Kind.SKIPPED));
        // the lagging read was tried again until it answered
        assertThat(seen.stream().filter(s -> s.get("path").equals("/lagging"))).hasSize(3);
        assertThat(result.overall().retries()).isEqualTo(2);
        assertThat(Files.readAllLines(journal)).hasSize(5).anyMatch(l -> l.contains("\"created\":{\"thing/1\":\"T-1\"}"));
        assertThat(result.byService()).containsKey("training");
    }

    @Test
    void requests_sharing_a_key_go_one_by_one_while_others_run_alongside() {
        List<Request> requests = new ArrayList<>();
        IntStream.range(0, 24).forEach(i -> {
            String key = String.valueOf((char) ('a' + i % 4));
            requests.add(post(i + 1, "/slow/" + key, "{}", List.of(key), null, false));
        });
        LoadResult result = driver(8, 0, null).run(requests.stream());
        assertThat(result.clean()).isTrue();
        assertThat(maxPerKey.get()).isEqualTo(1);
        assertThat(maxConcurrent.get()).isGreaterThan(1);
    }

    @Test
    void the_rate_is_held_and_measured() {
        List<Request> requests = IntStream.range(0, 30)
                .mapToObj(i -> post(i + 1, "/fast", "{}", List.of("k" + i), null, false)).toList();
        LoadResult result = driver(8, 50, null).run(requests.stream());
        // 30 requests at 50/s: the first 8 may burst, the rest are paced
        assertThat(result.elapsed().toMillis()).isGreaterThanOrEqualTo(400);
        assertThat(result.achievedRate()).isLessThanOrEqualTo(60);
        assertThat(result.overall().p50Ms()).isPositive();
        assertThat(result.latency("training").getTotalCount()).isEqualTo(30);
    }
}
