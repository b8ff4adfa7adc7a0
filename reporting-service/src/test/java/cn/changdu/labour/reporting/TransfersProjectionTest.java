package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers are counted once per person per year across services: a construction worker both placed by
 * employment and on a project's roster is one transfer, in the channel, county and quarter of the first record.
 * The year 2018 keeps this test apart from the others in the same store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@WithPlatformInfra(database = "reporting_projection")
class TransfersProjectionTest {

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_worker_recorded_by_both_services_is_one_transfer_in_the_quarter_of_the_first_record() throws Exception {
        // the placement arrives first but the roster join is dated earlier: the join counts (2018Q1, Gonjo)
        send(Sources.EMPLOYMENT, "pk_both", new WorkerPlaced("pl-b", "pk_both", "540321", TransferChannel.CONSTRUCTION_PROJECT,
                Destination.IN_COUNTY, "建筑公司", LocalDate.of(2018, 5, 2), new BigDecimal("4000.00")), "2018-05-02T02:00:00Z");
        send(Sources.PROJECT_LABOR, "p-18", new WorkerJoinedProject("p-18", "pk_both", true, "540322", "钢筋工",
                LocalDate.of(2018, 3, 20), "交通局", true, 1, 1), "2018-03-20T02:00:00Z");
        // not a local farmer or herder: no transfer
        send(Sources.PROJECT_LABOR, "p-18", new WorkerJoinedProject("p-18", "pk_outsider", false, null, "焊工",
                LocalDate.of(2018, 3, 21), "交通局", true, 1, 2), "2018-03-21T02:00:00Z");
        // a person placed twice in the year through different channels: once, in the first channel
        send(Sources.EMPLOYMENT, "pk_twice", new WorkerPlaced("pl-t1", "pk_twice", "540330", TransferChannel.LOCAL_INDUSTRY,
                Destination.IN_COUNTY, "合作社", LocalDate.of(2018, 6, 1), null), "2018-06-01T02:00:00Z");
        send(Sources.EMPLOYMENT, "pk_twice", new WorkerPlaced("pl-t2", "pk_twice", "540330", TransferChannel.PRIVATE_ENTERPRISE,
                Destination.IN_TIBET, "企业", LocalDate.of(2018, 9, 1), null), "2018-09-01T02:00:00Z");

        JsonNode view = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            view = json.readTree(rest.getForObject("/api/reports/dashboard?year=2018", String.class));
            if (value(view.get("city"), "localWorkers") == 1 && value(view.get("city"), "transfers") == 2
                    && value(view.get("city"), "projectWorkers") == 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(value(view.get("city"), "transfers")).isEqualTo(2);
        assertThat(value(view.get("city"), "transfersConstruction")).isEqualTo(1);
        assertThat(value(view.get("city"), "transfersLocalIndustry")).isEqualTo(1);
        assertThat(value(view.get("city"), "transfersPrivateEnterprise")).isZero();
        assertThat(value(area(view, "540322"), "transfers")).isEqualTo(1);
        assertThat(value(area(view, "540321"), "transfers")).isZero();
        assertThat(view.get("quarters").get(0).at("/values/transfers").asLong()).isEqualTo(1);
        assertThat(view.get("quarters").get(1).at("/values/transfers").asLong()).isEqualTo(1);
        // the roster's local share: 1 of 2 workers
        assertThat(ratio(view.get("city"), "localLabourShare")).isEqualByComparingTo("50.0");
    }

    private static long value(JsonNode indicators, String id) {
        return find(indicators, id).get("value").asLong();
    }

    private static BigDecimal ratio(JsonNode indicators, String id) {
        return find(indicators, id).get("value").decimalValue();
    }

    private static JsonNode find(JsonNode indicators, String id) {
        for (JsonNode i : indicators) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    private static JsonNode area(JsonNode view, String code) {
        for (JsonNode a : view.get("counties")) {
            if (a.get("area").asText().equals(code)) {
                return a.get("indicators");
            }
        }
        throw new AssertionError("no county " + code);
    }

    private long sequence;

    private void send(String source, String aggregateId, IntegrationEvent payload, String occurredAt) throws Exception {
        EventEnvelope e = EventEnvelope.of("evt-" + UUID.randomUUID(), source, aggregateId, sequence++,
                Instant.parse(occurredAt), Instant.now(), new Actor("o", "市人社局"), "540322", payload);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
        }
    }
}
