package cn.changdu.labour.projectlabor;

import cn.changdu.labour.infra.test.IdempotencyCoverage;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries of project-labor's writes through its real endpoints: a key records once, a payroll file resent once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "project_labor_idempotency")
class IdempotencyComponentTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_wage_payment_sent_three_times_with_one_key_is_paid_once_and_answered_alike() throws Exception {
        String projectId = projectId();
        String key = UUID.randomUUID().toString();
        String wage = """
                {"name":"格桑","residentId":"%s","period":"2020-06","amount":"5400.07","paidOn":"2020-07-05"}"""
                .formatted(TestPeople.residentId("540302", 31));

        List<ResponseEntity<String>> answers = List.of(post("/api/projects/" + projectId + "/wages", wage, key),
                post("/api/projects/" + projectId + "/wages", wage, key),
                post("/api/projects/" + projectId + "/wages", wage, key));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
            assertThat(answer.getBody()).isEqualTo(answers.get(0).getBody());
            assertThat(answer.getHeaders().getContentType()).isEqualTo(answers.get(0).getHeaders().getContentType());
        });
        assertThat(answers).extracting(a -> a.getHeaders().getFirst("Idempotent-Replayed"))
                .containsExactly(null, "true", "true");
        assertThat(new StoredEvents(dataSource).ofAggregate(projectId))
                .filteredOn(e -> e.payloadType().endsWith("WagePaidEvent")).hasSize(1);
        // the kept answer is a row of the service's own database (so it outlives a restart)
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "select status from idempotency_keys where status is not null", Integer.class)).contains(201);

        // the same key with another body is refused and pays nothing
        ResponseEntity<String> reused = post("/api/projects/" + projectId + "/wages", wage.replace("5400.07", "1.00"), key);
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(reused.getBody()).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        assertThat(new StoredEvents(dataSource).ofAggregate(projectId))
                .filteredOn(e -> e.payloadType().endsWith("WagePaidEvent")).hasSize(1);
    }

    @Test
    void the_same_payroll_file_for_the_same_project_and_period_sent_twice_without_a_key_records_once() throws Exception {
        String projectId = projectId();
        String worker = TestPeople.residentId("540302", 32);
        ResponseEntity<String> roster = upload("/api/projects/" + projectId + "/roster/import", """
                姓名,身份证号,本地农牧民,户籍县区代码,工种,工资标准,计薪方式,进场日期
                次仁,%s,是,540302,钢筋工,5000.00,MONTHLY,2020-04-01
                """.formatted(worker));
        assertThat(roster.getStatusCode().value()).as(roster.getBody()).isEqualTo(200);
        String payroll = """
                姓名,身份证号,出勤天数,应发工资
                次仁,%s,,5000.00
                """.formatted(worker);

        ResponseEntity<String> first = upload("/api/projects/" + projectId + "/payrolls/import?period=2020-04", payroll);
        ResponseEntity<String> second = upload("/api/projects/" + projectId + "/payrolls/import?period=2020-04", payroll);

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(new StoredEvents(dataSource).ofAggregate(projectId))
                .filteredOn(e -> e.payloadType().endsWith("PayrollSubmittedEvent")).hasSize(1);

        // another period is another payroll
        ResponseEntity<String> may = upload("/api/projects/" + projectId + "/payrolls/import?period=2020-05", payroll);
        assertThat(may.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void every_unsafe_endpoint_goes_through_the_idempotency_filter() throws Exception {
        assertThat(IdempotencyCoverage.uncovered(context)).isEmpty();
    }

    private String projectId() throws Exception {
        ResponseEntity<String> registered = post("/api/projects", """
                {"name":"昌都市卡若区安置点建设项目","countyCode":"540302","department":"住建局",
                 "governmentInvested":true,"plannedWorkforce":120}""", null);
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        return json.readTree(registered.getBody()).get("projectId").asText();
    }

    private ResponseEntity<String> post(String path, String body, String key) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> upload(String path, String content) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "file.csv";
            }
        });
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Actor-Id", "engineer-7");
        headers.set("X-Actor-Department", "zhujianju");
        return headers;
    }
}
