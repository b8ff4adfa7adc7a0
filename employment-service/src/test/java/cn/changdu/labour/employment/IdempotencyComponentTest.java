package cn.changdu.labour.employment;

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
import org.springframework.util.LinkedMultiValueMap;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries of employment's writes through its real endpoints: one placement per key, one import per file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "employment_idempotency")
class IdempotencyComponentTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_placement_sent_twice_with_one_key_places_once() {
        String key = UUID.randomUUID().toString();
        String placement = """
                {"name":"次仁","residentId":"%s","countyCode":"540325","channel":"LOCAL_INDUSTRY",
                 "destination":"IN_COUNTY","employer":"察雅县某合作社","startDate":"2020-07-01",
                 "occurredAt":"2020-07-01T02:00:00Z"}""".formatted(TestPeople.residentId("540325", 771));
        long before = placed();

        ResponseEntity<String> first = post(placement, key);
        ResponseEntity<String> second = post(placement, key);

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(placed() - before).isEqualTo(1);
    }

    @Test
    void an_import_file_resent_without_a_key_is_recorded_once() throws Exception {
        String csv = "姓名,身份证号,户籍县区代码,转移渠道,就业地域,用工单位,就业日期,预期月收入,中介机构编号\n"
                + "扎西,%s,540328,产业吸纳,县内,芒康县葡萄酒业有限公司,2020-07-01,3200.00,\n"
                .formatted(TestPeople.residentId("540328", 772))
                + "多吉,%s,540328,产业吸纳,县内,芒康县葡萄酒业有限公司,2020-07-01,3200.00,\n"
                .formatted(TestPeople.residentId("540328", 773));
        long before = placed();

        ResponseEntity<String> first = upload(csv);
        ResponseEntity<String> resent = upload(csv);

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(json.readTree(first.getBody()).get("applied").asInt()).isEqualTo(2);
        assertThat(resent.getStatusCode().value()).isEqualTo(200);
        assertThat(resent.getBody()).isEqualTo(first.getBody());
        assertThat(resent.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(placed() - before).isEqualTo(2);
    }

    @Test
    void every_unsafe_endpoint_goes_through_the_idempotency_filter() throws Exception {
        assertThat(IdempotencyCoverage.uncovered(context)).isEmpty();
    }

    private long placed() {
        return new StoredEvents(dataSource).all().stream().filter(e -> e.payloadType().endsWith("WorkerPlacedEvent")).count();
    }

    private ResponseEntity<String> post(String body, String key) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return rest.postForEntity("/api/employment/placements", new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> upload(String csv) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "placements.csv";
            }
        });
        return rest.postForEntity("/api/employment/placements/import", new HttpEntity<>(body, headers), String.class);
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Actor-Id", "officer-8");
        headers.set("X-Actor-Department", "shi-rensheju");
        return headers;
    }
}
