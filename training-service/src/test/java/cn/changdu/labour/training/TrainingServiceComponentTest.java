package cn.changdu.labour.training;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.training.classes.api.EnrolTraineeCommand;
import cn.changdu.labour.training.classes.api.FileClassCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The training slice on the real broker and store: REST → command → event store → relay → Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@WithPlatformInfra(database = "training_component")
class TrainingServiceComponentTest {

    private static final Actor OFFICER = new Actor("officer-1", "江达县人社局");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DomainCommands commands;
    @Autowired
    PersonKeys personKeys;
    @Autowired
    javax.sql.DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_class_filed_and_a_trainee_enrolled_through_the_api_reach_kafka_without_personal_data() throws Exception {
        ResponseEntity<String> filed = post("/api/training/classes", """
                {"countyCode":"540321","organiser":"江达县职业技能培训中心","trade":"电工","plannedSize":30,
                 "startDate":"2020-06-01","endDate":"2020-06-20","occurredAt":"2020-05-20T02:00:00Z"}""");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String classId = json.readTree(filed.getBody()).get("classId").asText();

        String residentId = TestPeople.residentId("540321", 1);
        ResponseEntity<String> enrolled = post("/api/training/classes/" + classId + "/trainees",
                "{\"name\":\"扎西多吉\",\"residentId\":\"" + residentId + "\",\"township\":\"岗托镇\"}");
        assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String personKey = json.readTree(enrolled.getBody()).get("personKey").asText();

        List<EventEnvelope> events = envelopesOf(classId, 2);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("training.ClassFiled", "training.TraineeEnrolled");
        EventEnvelope first = events.get(0);
        assertThat(first.source()).isEqualTo("training-service");
        assertThat(first.aggregateId()).isEqualTo(classId);
        assertThat(first.aggregateSequence()).isZero();
        assertThat(first.countyCode()).isEqualTo("540321");
        assertThat(first.occurredAt()).hasToString("2020-05-20T02:00:00Z");
        assertThat(first.actor()).isEqualTo(new Actor("officer-1", "江达县人社局"));
        assertThat(events.get(1).payload()).isEqualTo(new TraineeEnrolled(classId, personKey, "540321", "电工"));
        String raw = readRaw(classId);
        assertThat(raw).doesNotContain(residentId, "扎西多吉");
    }

    @Test
    void invalid_input_is_a_problem_detail_naming_field_and_rule_and_stores_nothing() throws Exception {
        long before = storedEvents();
        ResponseEntity<String> refused = post("/api/training/classes", """
                {"countyCode":"110105","organiser":"","trade":"电工","plannedSize":0,
                 "startDate":"2020-06-01","endDate":"2020-06-20"}""");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(refused.getBody());
        Set<String> fieldsAndRules = new HashSet<>();
        problem.get("errors").forEach(e -> fieldsAndRules.add(e.get("field").asText() + "/" + e.get("rule").asText()));
        assertThat(fieldsAndRules).containsExactlyInAnyOrder("countyCode/Pattern", "organiser/NotBlank", "plannedSize/Positive");

        ResponseEntity<String> badId = post("/api/training/classes/nope/trainees",
                "{\"name\":\"扎西\",\"residentId\":\"540321199003150014\"}");
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody()).contains("\"field\":\"residentId\"", "ValidResidentId", "校验码不符");

        ResponseEntity<String> backwards = post("/api/training/classes", """
                {"countyCode":"540321","organiser":"培训中心","trade":"电工","plannedSize":10,
                 "startDate":"2020-06-20","endDate":"2020-06-01"}""");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(backwards.getBody()).get("rule").asText()).isEqualTo("class-ends-after-it-starts");

        HttpHeaders noActor = new HttpHeaders();
        noActor.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> anonymous = rest.postForEntity("/api/training/classes", new HttpEntity<>("""
                {"countyCode":"540321","organiser":"培训中心","trade":"电工","plannedSize":10,
                 "startDate":"2020-06-01","endDate":"2020-06-20"}""", noActor), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(anonymous.getBody()).contains("X-Actor-Id");

        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * Many writers commit at once; the relay, tracking the event store, must put every single event on
     * Kafka. A tracking token that skipped a late-committing event would fail this.
     */
    @Test
    void under_concurrent_writers_every_event_reaches_kafka() throws Exception {
        int classes = 16, perClass = 150, writers = 8;
        String runTag = UUID.randomUUID().toString().substring(0, 8);
        List<String> classIds = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            String classId = runTag + "-class-" + c;
            commands.send(new FileClassCommand(classId, "540302", "卡若区培训中心", "焊工", perClass,
                    LocalDate.of(2020, 7, 1), LocalDate.of(2020, 7, 30)), OFFICER,
                    java.time.Instant.parse("2020-06-01T02:00:00Z"));
            classIds.add(classId);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                // each writer enrols into every class, interleaving with the others
                for (int i = writer; i < classes * perClass; i += writers) {
                    String classId = classIds.get(i % classes);
                    String residentId = TestPeople.residentId("540302", i);
                    commands.send(new EnrolTraineeCommand(classId, personKeys.keyOf(new ResidentId(residentId)),
                            "学员" + i, residentId, null, null), OFFICER, null);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        int expected = classes + classes * perClass;
        Set<String> classSet = Set.copyOf(classIds);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(
                TestInfra.shared().kafkaBootstrapServers(), Topics.TRAINING,
                rs -> rs.stream().filter(r -> classSet.contains(r.key())).map(this::eventId).distinct().count() >= expected,
                Duration.ofSeconds(120));
        List<EventEnvelope> ours = records.stream().filter(r -> classSet.contains(r.key()))
                .map(r -> EventJson.read(r.value())).toList();
        Map<String, Long> perAggregate = ours.stream().map(EventEnvelope::eventId).distinct().count() == expected
                ? Map.of() : ours.stream().collect(Collectors.groupingBy(EventEnvelope::aggregateId, Collectors.counting()));
        assertThat(ours.stream().map(EventEnvelope::eventId).distinct().count())
                .as("distinct events on Kafka (per aggregate: %s)", perAggregate).isEqualTo(expected);
        // and within each aggregate, in order
        Map<String, List<Long>> sequences = ours.stream().collect(Collectors.groupingBy(EventEnvelope::aggregateId,
                Collectors.mapping(EventEnvelope::aggregateSequence, Collectors.toList())));
        sequences.values().forEach(seq -> assertThat(seq).isSorted());
    }

    @Test
    void the_write_side_meters_are_exposed_to_prometheus() {
        post("/api/training/classes", """
                {"countyCode":"540330","organiser":"边坝县培训中心","trade":"藏式烹饪","plannedSize":20,
                 "startDate":"2020-08-01","endDate":"2020-08-20","occurredAt":"2020-07-20T02:00:00Z"}""");
        String metrics = rest.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains(
                "platform_events_appended_total{application=\"training-service\",service=\"training-service\"}",
                "platform_relay_lag_seconds{application=\"training-service\",service=\"training-service\"}",
                "platform_events_relayed_total{application=\"training-service\",service=\"training-service\",topic=\"changdu.training.events\"}");
        assertThat(metrics).as("Axon's dimensional metrics").containsPattern("(?m)^(axon|commandBus|eventStore)\\w*");
    }

    private String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("eventId").value());
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "officer-1");
        headers.set("X-Actor-Department", java.net.URLEncoder.encode("江达县人社局", java.nio.charset.StandardCharsets.UTF_8));
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private List<EventEnvelope> envelopesOf(String aggregateId, int count) {
        return TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.TRAINING,
                        rs -> rs.stream().filter(r -> aggregateId.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> aggregateId.equals(r.key())).map(r -> EventJson.read(r.value())).toList();
    }

    private String readRaw(String aggregateId) {
        return TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.TRAINING,
                        rs -> rs.stream().filter(r -> aggregateId.equals(r.key())).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> aggregateId.equals(r.key())).map(ConsumerRecord::value).collect(Collectors.joining("\n"));
    }

    private long storedEvents() {
        return new StoredEvents(dataSource).count();
    }
}
