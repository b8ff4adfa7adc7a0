package cn.changdu.labour.training;

import cn.changdu.labour.infra.test.IdempotencyCoverage;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries of training's writes through its real endpoints: a class filing sent three times files one class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "training_idempotency")
class IdempotencyComponentTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Test
    void a_class_filing_sent_three_times_with_one_key_files_one_class() {
        String key = UUID.randomUUID().toString();
        String filing = """
                {"countyCode":"540321","organiser":"江达县职业技能培训中心","trade":"电工","plannedSize":30,
                 "startDate":"2020-11-02","endDate":"2020-11-20","occurredAt":"2020-10-20T02:00:00Z"}""";
        long filedBefore = filed();

        List<ResponseEntity<String>> answers = List.of(post(filing, key), post(filing, key), post(filing, key));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
            assertThat(answer.getBody()).isEqualTo(answers.get(0).getBody()).contains("classId");
        });
        assertThat(answers).extracting(a -> a.getHeaders().getFirst("Idempotent-Replayed"))
                .containsExactly(null, "true", "true");
        assertThat(filed() - filedBefore).isEqualTo(1);

        // without a key each filing is a class of its own, as before
        post(filing, null);
        assertThat(filed() - filedBefore).isEqualTo(2);
    }

    @Test
    void every_unsafe_endpoint_goes_through_the_idempotency_filter() throws Exception {
        assertThat(IdempotencyCoverage.uncovered(context)).isEmpty();
    }

    private long filed() {
        return new StoredEvents(dataSource).all().stream().filter(e -> e.payloadType().endsWith("ClassFiledEvent")).count();
    }

    private ResponseEntity<String> post(String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "officer-7");
        headers.set("X-Actor-Department", "jiangda-renshe");
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return rest.postForEntity("/api/training/classes", new HttpEntity<>(body, headers), String.class);
    }
}
