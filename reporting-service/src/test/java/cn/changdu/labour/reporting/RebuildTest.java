package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.reporting.indicators.Figures;
import cn.changdu.labour.reporting.projection.ReadModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild from the Kafka topics yields exactly the live read model, then serves in its place. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@WithPlatformInfra(database = "reporting_projection")
class RebuildTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReadModel store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Figures figures;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_rebuild_from_the_topics_equals_the_live_read_model_and_takes_over() throws Exception {
        // a seeded stream: some enrolments (and whatever the other tests of this JVM projected before)
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 50; i++) {
                send(producer, "pk_rebuild_" + i);
            }
        }
        awaitLagZero();
        int liveCollection = store.active();
        Map<?, java.math.BigDecimal> liveFigures = nonZero(figures.all(liveCollection));
        JsonNode live2020 = figures("/api/reports/dashboard?year=2020&asOf=2020-12-31");
        JsonNode live2019 = figures("/api/reports/dashboard?year=2019&asOf=2019-12-31");
        Set<Map<String, Object>> liveFacts = facts(liveCollection);

        assertThat(rest.postForEntity("/api/reports/rebuild", null, String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode progress = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            progress = json.readTree(rest.getForObject("/api/reports/rebuild", String.class));
            if (!progress.get("state").asText().equals("RUNNING")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(progress.get("state").asText()).as(progress.toString()).isEqualTo("SWITCHED");
        assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong()).isPositive();

        assertThat(store.active()).isNotEqualTo(liveCollection);
        assertThat(facts(store.active())).isEqualTo(liveFacts);
        assertThat(nonZero(figures.all(store.active()))).isEqualTo(liveFigures);
        assertThat(figures("/api/reports/dashboard?year=2020&asOf=2020-12-31")).isEqualTo(live2020);
        assertThat(figures("/api/reports/dashboard?year=2019&asOf=2019-12-31")).isEqualTo(live2019);

        // and the new version keeps projecting
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "pk_after_rebuild");
        }
        awaitLagZero();
        assertThat(facts(store.active())).hasSize(liveFacts.size() + 1);
    }

    private long sequence;

    private void send(KafkaProducer<String, String> producer, String personKey) throws Exception {
        EventEnvelope e = EventEnvelope.of("evt-" + UUID.randomUUID(), Sources.TRAINING, "c-rebuild", sequence++,
                Instant.parse("2020-08-01T02:00:00Z"), Instant.now(), new Actor("o", "市人社局"), "540324",
                new TraineeEnrolled("c-rebuild", personKey, "540324", "焊工"));
        producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** The figures only: what the read model says, not when it was asked or where the consumers stand. */
    private JsonNode figures(String path) throws Exception {
        ObjectNode view = (ObjectNode) json.readTree(rest.getForObject(path, String.class));
        view.remove(List.of("position", "facts"));
        return view;
    }

    /** A version's facts as stored (all but the version and the effects, which follow processing order). */
    private Set<Map<String, Object>> facts(int version) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM fact WHERE version = ?", version);
        rows.forEach(r -> {
            r.remove("version");
            r.remove("effects");
        });
        return new HashSet<>(rows);
    }

    private static <K> Map<K, java.math.BigDecimal> nonZero(Map<K, java.math.BigDecimal> figures) {
        Map<K, java.math.BigDecimal> result = new java.util.HashMap<>();
        figures.forEach((k, v) -> {
            if (v.signum() != 0) {
                result.put(k, v.stripTrailingZeros());
            }
        });
        return result;
    }

    private void awaitLagZero() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode report = json.readTree(rest.getForObject("/api/reports/indicators", String.class));
            if (report.get("position").findValues("lag").stream().allMatch(l -> l.asLong() == 0)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("projection did not catch up");
    }
}
