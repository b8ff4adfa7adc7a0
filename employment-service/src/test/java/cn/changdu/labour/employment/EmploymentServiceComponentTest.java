package cn.changdu.labour.employment;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "employment_component")
class EmploymentServiceComponentTest {

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_placement_reaches_kafka_by_person_key_and_a_second_active_one_is_refused() throws Exception {
        String residentId = TestPeople.residentId("540322", 7);
        String body = """
                {"name":"次仁","residentId":"%s","countyCode":"540322","channel":"SOCIAL_FORCES",
                 "destination":"OUT_OF_REGION","employer":"福建某电子厂","startDate":"2020-07-01",
                 "expectedMonthlyIncome":"4500.50","occurredAt":"2020-07-01T02:00:00Z"}""".formatted(residentId);
        ResponseEntity<String> placed = post(body);
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String personKey = json.readTree(placed.getBody()).get("personKey").asText();

        ResponseEntity<String> again = post(body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(again.getBody()).get("rule").asText()).isEqualTo("one-active-placement-per-person");

        List<EventEnvelope> events = TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.EMPLOYMENT,
                        rs -> rs.stream().anyMatch(r -> personKey.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> personKey.equals(r.key())).map(r -> EventJson.read(r.value())).toList();
        assertThat(events).hasSize(1);
        WorkerPlaced payload = (WorkerPlaced) events.get(0).payload();
        assertThat(payload.channel()).isEqualTo(TransferChannel.SOCIAL_FORCES);
        assertThat(payload.expectedMonthlyIncome()).isEqualTo(new BigDecimal("4500.50"));
        assertThat(events.get(0).countyCode()).isEqualTo("540322");
    }

    @Test
    void an_unknown_channel_is_a_problem_naming_the_field() {
        ResponseEntity<String> refused = post("""
                {"name":"次仁","residentId":"%s","countyCode":"540322","channel":"FRIENDS",
                 "destination":"IN_COUNTY","employer":"某公司","startDate":"2020-07-01"}"""
                .formatted(TestPeople.residentId("540322", 8)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\"field\":\"channel\"", "FRIENDS");
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "officer-2");
        headers.set("X-Actor-Department", "shi-rensheju");
        return rest.postForEntity("/api/employment/placements", new HttpEntity<>(body, headers), String.class);
    }
}
