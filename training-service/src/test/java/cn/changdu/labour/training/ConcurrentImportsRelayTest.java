package cn.changdu.labour.training;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loss county offices met (issue 11): several roster imports at once, each row writing two aggregates (the
 * class and the person's record) from concurrent request threads, thousands of events. A tracking token that
 * orders by timestamp skipped events whose transaction committed after a later-stamped one; the relay then said
 * it had caught up. On a large store commits are slow (an aggregate load took seconds on mongo-java-server); here
 * the imports commit one after the other, a second apart, after their last events were created, the way a slow
 * store makes them: their events' timestamps overlap, their commits do not. Every event in
 * the store must then be on Kafka, exactly in each aggregate's order, and the reconciliation must show nothing
 * stored that was not relayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "training_concurrent_imports")
class ConcurrentImportsRelayTest {

    private static final int IMPORTS = 6;
    private static final int ROWS = 250;

    @TestConfiguration
    static class SlowCommits {
        @Bean
        SmartInitializingSingleton someCommitsLate(CommandBus commandBus) {
            AtomicInteger imports = new AtomicInteger();
            return () -> commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
                if (unitOfWork.isRoot() && unitOfWork.getMessage().getPayloadType().getSimpleName().equals("EnrolTraineesCommand")) {
                    int nth = imports.incrementAndGet();
                    unitOfWork.onPrepareCommit(u -> sleep(Duration.ofMillis(1000L * nth)));
                }
                return chain.proceed();
            });
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void parallel_roster_imports_reach_kafka_whole_and_in_order_per_aggregate() throws Exception {
        List<String> classIds = new ArrayList<>();
        for (int c = 0; c < IMPORTS; c++) {
            ResponseEntity<String> filed = post("/api/training/classes", """
                    {"countyCode":"540321","organiser":"江达县职业技能培训中心","trade":"砌筑工","plannedSize":%d,
                     "startDate":"2020-07-06","endDate":"2020-07-31","occurredAt":"2020-06-22T02:00:00Z"}"""
                    .formatted(ROWS));
            assertThat(filed.getStatusCode().is2xxSuccessful()).as(filed.getBody()).isTrue();
            classIds.add(json.readTree(filed.getBody()).get("classId").asText());
        }

        ExecutorService offices = Executors.newFixedThreadPool(IMPORTS);
        List<Future<ResponseEntity<String>>> imports = new ArrayList<>();
        for (int c = 0; c < IMPORTS; c++) {
            String classId = classIds.get(c);
            byte[] roster = roster(c);
            imports.add(offices.submit(() -> upload(classId, roster)));
        }
        for (Future<ResponseEntity<String>> done : imports) {
            ResponseEntity<String> response = done.get();
            assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
            assertThat(json.readTree(response.getBody()).get("applied").asInt()).isEqualTo(ROWS);
        }
        offices.shutdown();

        // what the store holds: IMPORTS classes, each with its filing and ROWS enrolments, and ROWS person records each
        List<StoredEvents.Row> stored = new StoredEvents(dataSource).all();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(IMPORTS * (1 + 2 * ROWS));
        Map<String, List<Long>> storedSequences = stored.stream().collect(Collectors.groupingBy(
                StoredEvents.Row::aggregateId, LinkedHashMap::new,
                Collectors.mapping(StoredEvents.Row::sequence, Collectors.toList())));

        // on Kafka: every one of them (first occurrences; a retried batch may repeat some), in each aggregate's order
        // this test's aggregates only: the topic is shared with the other tests of the JVM
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(),
                Topics.TRAINING, rs -> firstOccurrences(ours(rs, storedSequences.keySet())).values().stream()
                        .mapToInt(List::size).sum() >= stored.size(), Duration.ofSeconds(120));
        records = ours(records, storedSequences.keySet());
        Map<String, List<Long>> published = firstOccurrences(records);
        Map<String, Integer> missing = new HashMap<>();
        storedSequences.forEach((aggregate, sequences) -> {
            List<Long> onKafka = published.getOrDefault(aggregate, List.of());
            if (!onKafka.equals(sequences)) {
                missing.put(aggregate, sequences.size() - onKafka.size());
            }
        });
        assertThat(missing.size()).as("aggregates whose events on Kafka differ from the store, e.g. (missing count) %s",
                missing.entrySet().stream().limit(5).toList()).isZero();

        // and the operator's check agrees: every stored event passed the relay
        JsonNode reconciliation = reconciliation();
        for (long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
             reconciliation.get("notRelayed").asLong() != 0 && System.nanoTime() < giveUp; ) {
            Thread.sleep(200);   // the last batch's counts commit just after Kafka acknowledged it
            reconciliation = reconciliation();
        }
        assertThat(reconciliation.get("notRelayed").asLong()).isZero();
        assertThat(reconciliation.get("stored").asLong()).isEqualTo(stored.size());
    }

    private JsonNode reconciliation() throws Exception {
        return json.readTree(rest.getForObject("/actuator/reconciliation", String.class));
    }

    private static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records,
                                                             Set<String> aggregates) {
        return records.stream().filter(r -> aggregates.contains(r.key())).toList();
    }

    /** Per aggregate, the sequence numbers of its events in the order they first appear on the topic. */
    private static Map<String, List<Long>> firstOccurrences(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Long>> sequences = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope envelope = EventJson.read(record.value());
            if (seen.add(envelope.eventId())) {
                sequences.computeIfAbsent(envelope.aggregateId(), a -> new ArrayList<>()).add(envelope.aggregateSequence());
            }
        }
        return sequences;
    }

    private static byte[] roster(int office) {
        StringBuilder csv = new StringBuilder("姓名,身份证号,乡镇,村,手机号,建档立卡\n");
        for (int i = 0; i < ROWS; i++) {
            int n = office * 10_000 + i;
            csv.append("学员").append(n).append(',').append(TestPeople.residentId("540321", 600_000 + n))
                    .append(",岗托镇,一村,").append("139").append(String.format("%08d", n)).append(",否\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = headers(MediaType.APPLICATION_JSON);
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> upload(String classId, byte[] bytes) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "roster.csv";
            }
        });
        return rest.postForEntity("/api/training/classes/" + classId + "/trainees/import?partial=false",
                new HttpEntity<>(form, headers(MediaType.MULTIPART_FORM_DATA)), String.class);
    }

    private static HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.set("X-Actor-Id", "officer-jd");
        headers.set("X-Actor-Department", URLEncoder.encode("江达县人社局", StandardCharsets.UTF_8));
        return headers;
    }
}
