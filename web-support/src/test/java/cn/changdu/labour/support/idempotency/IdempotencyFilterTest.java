package cn.changdu.labour.support.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter on a real Tomcat, as a client meets it: replay, a key reused for another body, a key in flight,
 * malformed keys, answers not kept, implicit keys of imports. The store is a map here (the domain services' store
 * is service-support's JdbcIdempotencyStore, tested there with its purge and abandoned claims).
 */
@SpringBootTest(classes = IdempotencyFilterTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyFilterTest {

    @Configuration
    @EnableAutoConfiguration
    @Import(Writes.class)
    static class App {
        @Bean
        MapStore idempotencyStore() {
            return new MapStore();
        }
    }

    /** The store's contract, in memory: a claim is in flight until kept or released. */
    static class MapStore implements IdempotencyStore {
        record Row(String fingerprint, String token, KeptAnswer answer) {
        }

        final Map<String, Row> rows = new ConcurrentHashMap<>();

        @Override
        public Claim claim(String id, String fingerprint) {
            String token = UUID.randomUUID().toString();
            Row existing = rows.putIfAbsent(id, new Row(fingerprint, token, null));
            if (existing == null) {
                return new Claimed(token);
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                return new Reused();
            }
            return existing.answer() == null ? new InFlight() : new Replay(existing.answer());
        }

        @Override
        public void keep(String id, String token, KeptAnswer answer) {
            rows.computeIfPresent(id, (k, row) -> row.token().equals(token) ? new Row(row.fingerprint(), token, answer) : row);
        }

        @Override
        public void release(String id, String token) {
            rows.computeIfPresent(id, (k, row) -> row.token().equals(token) && row.answer() == null ? null : row);
        }

        @Override
        public int purge() {
            int size = rows.size();
            rows.clear();
            return size;
        }
    }

    record Count(@Positive int by) {
    }

    @RestController
    static class Writes {
        final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger imports = new AtomicInteger();
        volatile CountDownLatch slow = new CountDownLatch(0);
        volatile CountDownLatch entered = new CountDownLatch(0);

        @PostMapping("/counters/{name}")
        ResponseEntity<Map<String, Integer>> count(@PathVariable String name, @Valid @RequestBody Count count) {
            int value = counters.computeIfAbsent(name, n -> new AtomicInteger()).addAndGet(count.by());
            return ResponseEntity.created(URI.create("/counters/" + name)).body(Map.of("count", value));
        }

        @PostMapping("/slow")
        Map<String, String> slow(@RequestBody Map<String, String> body) throws InterruptedException {
            entered.countDown();
            slow.await(10, TimeUnit.SECONDS);
            return body;
        }

        @PostMapping("/failing")
        ResponseEntity<String> failing(@RequestBody String body) {
            return failures.incrementAndGet() == 1 ? ResponseEntity.status(503).body("down")
                    : ResponseEntity.ok("up " + failures.get());
        }

        @PostMapping(path = "/things/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        ResponseEntity<Map<String, Object>> importThings(@RequestPart("file") MultipartFile file,
                                                         @RequestParam(defaultValue = "2020-06") String period)
                throws IOException {
            String content = new String(file.getBytes(), StandardCharsets.UTF_8);
            int run = imports.incrementAndGet();
            return content.contains("bad") ? ResponseEntity.unprocessableEntity().body(Map.of("run", run))
                    : ResponseEntity.ok(Map.of("run", run, "period", period));
        }
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Writes writes;
    @Autowired
    MapStore store;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void clean() {
        store.purge();
    }

    @Test
    void a_repeat_with_the_same_key_and_body_replays_the_answer_and_runs_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = post("/counters/a", "{\"by\":2}", key);
        ResponseEntity<String> second = post("/counters/a", "{\"by\":2}", key);
        ResponseEntity<String> third = post("/counters/a", "{\"by\":2}", "\"" + key + "\"");   // as a structured field

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        for (ResponseEntity<String> replay : new ResponseEntity[] {second, third}) {
            assertThat(replay.getStatusCode().value()).isEqualTo(201);
            assertThat(replay.getBody()).isEqualTo(first.getBody());
            assertThat(replay.getHeaders().getContentType()).isEqualTo(first.getHeaders().getContentType());
            assertThat(replay.getHeaders().getLocation()).isEqualTo(URI.create("/counters/a"));
            assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(writes.counters.get("a")).hasValue(2);

        // the key is the caller's: another actor with the same key is another request; no key, no idempotency
        assertThat(post("/counters/a", "{\"by\":2}", key, "officer-2").getBody()).contains("\"count\":4");
        assertThat(post("/counters/a", "{\"by\":2}", null).getBody()).contains("\"count\":6");
    }

    @Test
    void the_same_key_with_another_body_is_a_422_naming_the_header() throws Exception {
        String key = UUID.randomUUID().toString();
        post("/counters/b", "{\"by\":1}", key);
        ResponseEntity<String> reused = post("/counters/b", "{\"by\":5}", key);

        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(reused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(reused.getBody());
        assertThat(problem.get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        assertThat(problem.at("/errors/0/rule").asText()).isEqualTo("idempotency-key-reused");
        assertThat(writes.counters.get("b")).hasValue(1);
    }

    @Test
    void a_repeat_while_the_first_runs_is_a_409_with_retry_after() throws Exception {
        writes.slow = new CountDownLatch(1);
        writes.entered = new CountDownLatch(1);
        String key = UUID.randomUUID().toString();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ResponseEntity<String>> first = executor.submit(() -> post("/slow", "{\"a\":\"1\"}", key));
            assertThat(writes.entered.await(10, TimeUnit.SECONDS)).isTrue();

            ResponseEntity<String> meanwhile = post("/slow", "{\"a\":\"1\"}", key);
            assertThat(meanwhile.getStatusCode().value()).isEqualTo(409);
            assertThat(meanwhile.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(json.readTree(meanwhile.getBody()).get("type").asText()).endsWith("/idempotency-key-in-flight");

            writes.slow.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
            ResponseEntity<String> after = post("/slow", "{\"a\":\"1\"}", key);
            assertThat(after.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        } finally {
            writes.slow.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void a_malformed_key_is_a_400_naming_the_header_and_runs_nothing() throws Exception {
        for (String[] malformed : new String[][] {{"", "required"}, {"\"\"", "required"},
                {"k".repeat(256), "max-length"}, {"key\tone", "printable-ascii"}}) {
            ResponseEntity<String> refused = post("/counters/c", "{\"by\":1}", malformed[0]);
            assertThat(refused.getStatusCode().value()).as(malformed[0]).isEqualTo(400);
            JsonNode problem = json.readTree(refused.getBody());
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
            assertThat(problem.at("/errors/0/rule").asText()).isEqualTo(malformed[1]);
        }
        assertThat(post("/counters/c", "{\"by\":1}", "k".repeat(255)).getStatusCode().value()).isEqualTo(201);
        assertThat(writes.counters.get("c")).hasValue(1);
    }

    @Test
    void a_5xx_is_not_kept_so_a_retry_runs_again_while_a_validation_answer_is_kept() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post("/failing", "x", key).getStatusCode().value()).isEqualTo(503);
        ResponseEntity<String> retry = post("/failing", "x", key);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(post("/failing", "x", key).getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(writes.failures).hasValue(2);

        String invalidKey = UUID.randomUUID().toString();
        ResponseEntity<String> invalid = post("/counters/d", "{\"by\":0}", invalidKey);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> again = post("/counters/d", "{\"by\":0}", invalidKey);
        assertThat(again.getStatusCode().value()).isEqualTo(400);
        assertThat(again.getBody()).isEqualTo(invalid.getBody());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void an_import_without_a_key_runs_once_per_content_and_only_its_success_is_kept() {
        ResponseEntity<String> first = upload("/things/import?period=2020-07", "row 1\nrow 2", "a.csv");
        ResponseEntity<String> second = upload("/things/import?period=2020-07", "row 1\nrow 2", "a.csv");
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(writes.imports).hasValue(1);

        // another period (query) or another file is another import
        assertThat(upload("/things/import?period=2020-08", "row 1\nrow 2", "a.csv").getHeaders()
                .getFirst("Idempotent-Replayed")).isNull();
        assertThat(writes.imports).hasValue(2);

        // a refused file is not kept: sent again, it is checked again
        upload("/things/import", "bad row", "b.csv");
        ResponseEntity<String> refusedAgain = upload("/things/import", "bad row", "b.csv");
        assertThat(refusedAgain.getStatusCode().value()).isEqualTo(422);
        assertThat(refusedAgain.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(writes.imports).hasValue(4);
    }

    @Test
    void reads_are_not_filtered() {
        assertThat(IdempotencyFilter.covers("GET")).isFalse();
        assertThat(IdempotencyFilter.covers("HEAD")).isFalse();
        for (String unsafe : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(IdempotencyFilter.covers(unsafe)).isTrue();
        }
    }

    private ResponseEntity<String> post(String path, String body, String key) {
        return post(path, body, key, "officer-1");
    }

    private ResponseEntity<String> post(String path, String body, String key, String actor) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", actor);
        if (key != null) {
            headers.set(IdempotencyFilter.HEADER, key);
        }
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> upload(String path, String content, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Actor-Id", "officer-1");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    }
}
