package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.projectlabor.WageArrearsCleared;
import cn.changdu.labour.contracts.projectlabor.WageArrearsDetected;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Wage arrears open an alert that users acknowledge and the stream closes when the wage is paid. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@WithPlatformInfra(database = "reporting_projection")
class AlertsTest {

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void wage_arrears_open_an_alert_acknowledged_by_a_user_and_closed_by_the_payment() throws Exception {
        String project = "p-alert-" + UUID.randomUUID();
        send(new WageArrearsDetected(project, "pk_w1", YearMonth.of(2020, 6), new BigDecimal("5400.00"),
                LocalDate.of(2020, 7, 10), true, "交通局"), "2020-07-11T02:00:00Z");
        String id = "wage-arrears:" + project + ":pk_w1:2020-06";
        JsonNode alert = await(a -> a != null);
        assertThat(alert.get("status").asText()).isEqualTo("OPEN");
        assertThat(alert.get("owner").asText()).isEqualTo("交通局");
        assertThat(alert.get("countyCode").asText()).isEqualTo("540326");
        assertThat(alert.get("ageDays").asLong()).isGreaterThan(2000);

        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Actor-Id", "inspector-3");
        headers.set("X-Actor-Department", URLEncoder.encode("市人社局", StandardCharsets.UTF_8));
        String path = "/api/reports/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        ResponseEntity<String> ack = rest.postForEntity(java.net.URI.create(path + "/acknowledge"), new HttpEntity<>(headers), String.class);
        assertThat(ack.getStatusCode()).as(ack.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ack.getBody()).contains("\"status\":\"ACKNOWLEDGED\"", "inspector-3 (市人社局)");
        assertThat(rest.postForEntity(java.net.URI.create(path + "/acknowledge"), new HttpEntity<>(headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> anonymous = rest.postForEntity(java.net.URI.create(path + "/close"), null, String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(anonymous.getBody()).contains("/problems/actor-required", "\"field\":\"X-Actor-Id\"", "\"rule\":\"required\"");

        send(new WageArrearsCleared(project, "pk_w1", YearMonth.of(2020, 6), true, "交通局"), "2020-07-20T02:00:00Z");
        JsonNode closed = await(a -> a != null && a.get("status").asText().equals("CLOSED"));
        assertThat(closed.get("closedBy").asText()).isEqualTo("stream: projectlabor.WageArrearsCleared");
    }

    private JsonNode await(Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode alert = null;
        while (System.currentTimeMillis() < deadline) {
            alert = null;
            for (JsonNode a : json.readTree(rest.getForObject("/api/reports/alerts?county=540326", String.class))) {
                if (a.get("kind").asText().equals("wage-arrears")) {
                    alert = a;
                }
            }
            if (done.test(alert)) {
                return alert;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("alert not in the expected state: " + alert);
    }

    private long sequence;

    private void send(IntegrationEvent payload, String occurredAt) throws Exception {
        EventEnvelope e = EventEnvelope.of("evt-" + UUID.randomUUID(), Sources.PROJECT_LABOR, "p-alert", sequence++,
                Instant.parse(occurredAt), Instant.now(), new Actor("o", "交通局"), "540326", payload);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
        }
    }
}
