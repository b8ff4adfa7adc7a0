package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
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
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection on the real broker and store: duplicates counted once, unreadable records parked (year 2016, apart from the other tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@WithPlatformInfra(database = "reporting_projection")
class ReportingProjectionTest {

    private static final Actor OFFICER = new Actor("officer-1", "市人社局");
    private static final AtomicLong SEQ = new AtomicLong();

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_event_is_counted_once_even_when_delivered_twice() throws Exception {
        EventEnvelope classFiled = envelope(Sources.TRAINING, "c-1", "540321",
                new ClassFiled("c-1", "540321", "江达县职业技能培训中心", "电工", 30, LocalDate.of(2016, 6, 1), LocalDate.of(2016, 6, 20)));
        EventEnvelope enrolledA = envelope(Sources.TRAINING, "c-1", "540321", new TraineeEnrolled("c-1", "pk_a", "540321", "电工"));
        EventEnvelope enrolledB = envelope(Sources.TRAINING, "c-1", "540321", new TraineeEnrolled("c-1", "pk_b", "540321", "电工"));
        EventEnvelope enrolledAAgain = envelope(Sources.TRAINING, "c-2", "540322", new TraineeEnrolled("c-2", "pk_a", "540322", "焊工"));
        EventEnvelope placed = envelope(Sources.EMPLOYMENT, "pk_c", "540322", new WorkerPlaced("pl-1", "pk_c", "540322",
                TransferChannel.CONSTRUCTION_PROJECT, Destination.IN_COUNTY, "贡觉县建筑公司", LocalDate.of(2016, 7, 1), new BigDecimal("4500.00")));
        EventEnvelope project = envelope(Sources.PROJECT_LABOR, "p-1", "540302",
                new ProjectRegistered("p-1", "安置点建设项目", "540302", "住建局", true, 120));
        EventEnvelope wage1 = envelope(Sources.PROJECT_LABOR, "p-1", "540302",
                new WagePaid("p-1", "w-1", "pk_c", YearMonth.of(2016, 6), new BigDecimal("5400.07"), LocalDate.of(2016, 7, 5)));
        EventEnvelope wage2 = envelope(Sources.PROJECT_LABOR, "p-1", "540302",
                new WagePaid("p-1", "w-2", "pk_d", YearMonth.of(2016, 6), new BigDecimal("0.03"), LocalDate.of(2016, 7, 5)));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope e : new EventEnvelope[]{classFiled, enrolledA, enrolledB, enrolledAAgain, placed, project,
                    wage1, wage2, /* redelivered: */ enrolledA, wage1, placed}) {
                producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
            }
            producer.send(new ProducerRecord<>(Topics.TRAINING, "junk", "{\"not\":\"an event\"}")).get();
        }

        JsonNode report = awaitReport(r -> r.at("/position").findValues("lag").stream().allMatch(l -> l.asLong() == 0)
                && r.at("/city/wagePayments").asLong() == 2 && r.at("/city/workersPlaced").asLong() == 1);
        JsonNode city = report.get("city");
        assertThat(city.get("classesFiled").asLong()).isEqualTo(1);
        assertThat(city.get("traineesEnrolled").asLong()).isEqualTo(3);
        assertThat(city.get("peopleTrained").asLong()).isEqualTo(2);
        assertThat(city.get("workersPlaced").asLong()).isEqualTo(1);
        assertThat(city.at("/placementsByChannel/CONSTRUCTION_PROJECT").asLong()).isEqualTo(1);
        assertThat(city.get("projectsRegistered").asLong()).isEqualTo(1);
        assertThat(city.get("wagePayments").asLong()).isEqualTo(2);
        assertThat(new BigDecimal(city.get("wagesPaid").asText())).isEqualByComparingTo("5400.10");

        JsonNode jomda = county(report, "540321");
        assertThat(jomda.get("countyName").asText()).isEqualTo("江达县");
        assertThat(jomda.at("/figures/traineesEnrolled").asLong()).isEqualTo(2);
        JsonNode gonjo = county(report, "540322");
        assertThat(gonjo.at("/figures/peopleTrained").asLong()).isEqualTo(1);
        assertThat(gonjo.at("/figures/workersPlaced").asLong()).isEqualTo(1);
        assertThat(report.get("counties")).hasSize(11);
        assertThat(report.get("position").findValuesAsText("topic")).containsExactlyElementsOf(Topics.ALL);

        String metrics = rest.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("platform_events_projected_total", "platform_events_duplicates_total",
                "platform_events_unprocessable_total", "platform_projection_lag_events");
    }

    private JsonNode county(JsonNode report, String code) {
        for (JsonNode county : report.get("counties")) {
            if (county.get("countyCode").asText().equals(code)) {
                return county;
            }
        }
        throw new AssertionError("no county " + code);
    }

    private JsonNode awaitReport(java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode report = null;
        while (System.currentTimeMillis() < deadline) {
            report = json.readTree(rest.getForObject("/api/reports/indicators?year=2016", String.class));
            if (done.test(report)) {
                return report;
            }
            Thread.sleep(250);
        }
        return report;
    }

    private static EventEnvelope envelope(String source, String aggregateId, String county, IntegrationEvent payload) {
        return EventEnvelope.of("evt-" + SEQ.incrementAndGet() + "-" + System.nanoTime(), source, aggregateId,
                SEQ.get(), Instant.parse("2016-07-05T02:00:00Z"), Instant.now(), OFFICER, county, payload);
    }
}
