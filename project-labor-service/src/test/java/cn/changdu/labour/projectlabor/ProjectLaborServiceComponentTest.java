package cn.changdu.labour.projectlabor;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
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
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "project_labor_component")
class ProjectLaborServiceComponentTest {

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_project_and_a_wage_reach_kafka_exact_to_the_fen() throws Exception {
        ResponseEntity<String> registered = post("/api/projects", """
                {"name":"昌都市卡若区安置点建设项目","countyCode":"540302","department":"住建局",
                 "governmentInvested":true,"plannedWorkforce":120}""");
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String projectId = json.readTree(registered.getBody()).get("projectId").asText();

        ResponseEntity<String> paid = post("/api/projects/" + projectId + "/wages", """
                {"name":"格桑","residentId":"%s","period":"2020-06","amount":"5400.07","paidOn":"2020-07-05"}"""
                .formatted(TestPeople.residentId("540302", 3)));
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        List<EventEnvelope> events = TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.PROJECT_LABOR,
                        rs -> rs.stream().filter(r -> projectId.equals(r.key())).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> projectId.equals(r.key())).map(r -> EventJson.read(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("projectlabor.ProjectRegistered", "projectlabor.WagePaid");
        WagePaid wage = (WagePaid) events.get(1).payload();
        assertThat(wage.amount()).isEqualTo(new BigDecimal("5400.07"));
        assertThat(wage.period()).isEqualTo(YearMonth.of(2020, 6));
    }

    @Test
    void a_wage_of_a_fraction_of_a_fen_is_refused_and_an_unknown_project_is_404() throws Exception {
        ResponseEntity<String> refused = post("/api/projects/nope/wages", """
                {"name":"格桑","residentId":"%s","period":"2020-06","amount":"100.005","paidOn":"2020-07-05"}"""
                .formatted(TestPeople.residentId("540302", 4)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\"field\":\"amount\"", "\"rule\":\"Digits\"");

        ResponseEntity<String> missing = post("/api/projects/nope/wages", """
                {"name":"格桑","residentId":"%s","period":"2020-06","amount":"100.00","paidOn":"2020-07-05"}"""
                .formatted(TestPeople.residentId("540302", 4)));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "engineer-1");
        headers.set("X-Actor-Department", "zhujianju");
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
