package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2019 as a plan year of its own (so other tests' 2020 data does not interfere): targets set through the API,
 * events of two quarters arriving out of order across topics, one entered late for a past quarter; the
 * dashboard with its pace colours, quarters by business time, and the quarter-end export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@WithPlatformInfra(database = "reporting_projection")
class DashboardAndExportTest {

    private static final Actor OFFICER = new Actor("officer-1", "市人社局");

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void indicators_by_quarter_against_targets_with_pace_and_the_quarter_end_export() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "planner-1");
        headers.set("X-Actor-Department", "%E5%B8%82%E4%BA%BA%E7%A4%BE%E5%B1%80");
        assertThat(put(headers, "[{\"year\":2019,\"indicator\":\"transfers\",\"area\":\"540300\",\"value\":100},"
                + "{\"year\":2019,\"indicator\":\"peopleTrained\",\"area\":\"540321\",\"value\":8}]").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> stale = put(headers,
                "[{\"year\":2019,\"indicator\":\"transfers\",\"area\":\"540300\",\"value\":90,\"expectedVersion\":0}]");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> unknown = put(headers, "[{\"year\":2019,\"indicator\":\"happiness\",\"area\":\"540300\",\"value\":1}]");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("/problems/validation", "\"field\":\"[0].indicator\"", "\"rule\":\"known-indicator\"");
        HttpHeaders noDepartment = new HttpHeaders();
        noDepartment.setContentType(MediaType.APPLICATION_JSON);
        noDepartment.set("X-Actor-Id", "planner-1");
        ResponseEntity<String> anonymous = put(noDepartment, "[{\"year\":2019,\"indicator\":\"transfers\",\"area\":\"540300\",\"value\":1}]");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(anonymous.getBody()).contains("\"field\":\"X-Actor-Department\"", "\"rule\":\"required\"");
        JsonNode history = json.readTree(rest.getForObject("/api/reports/targets/history?year=2019", String.class));
        assertThat(history.findValuesAsText("changedByDepartment")).contains("市人社局");

        List<EventEnvelope> events = List.of(
                envelope("2019-05-10T02:00:00Z", Sources.EMPLOYMENT, "pk_q2", new WorkerPlaced("pl-q2", "pk_q2", "540321",
                        TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, "牦牛合作社", LocalDate.of(2019, 5, 10), null)),
                envelope("2019-04-02T02:00:00Z", Sources.TRAINING, "c-19", new TraineeEnrolled("c-19", "pk_t1", "540321", "电工")),
                // entered in June for February: counts in the first quarter
                envelope("2019-02-20T02:00:00Z", Sources.TRAINING, "c-19", new TraineeEnrolled("c-19", "pk_t2", "540321", "电工")),
                // 17:00 UTC on 31 March is 1 April in Changdu (UTC+8): second quarter
                envelope("2019-03-31T17:00:00Z", Sources.EMPLOYMENT, "pk_q1", new WorkerPlaced("pl-q1", "pk_q1", "540321",
                        TransferChannel.PRIVATE_ENTERPRISE, Destination.IN_TIBET, "某企业", LocalDate.of(2019, 4, 1), null)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope e : events) {
                producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
            }
        }

        JsonNode view = await("/api/reports/dashboard?year=2019&asOf=2019-06-30",
                v -> indicator(v.get("city"), "transfers").get("value").asLong() == 2
                        && indicator(v.get("city"), "peopleTrained").get("value").asLong() == 2);
        JsonNode transfers = indicator(view.get("city"), "transfers");
        assertThat(transfers.get("target").asLong()).isEqualTo(100);
        // half the year gone, 2 of 100 done: red, and at this pace 4 by the year's end
        assertThat(transfers.at("/status/colour").asText()).isEqualTo("RED");
        assertThat(transfers.at("/status/forecast").asLong()).isEqualTo(4);
        assertThat(view.at("/rule/zh").asText()).contains("绿色", "红色");
        JsonNode quarters = view.get("quarters");
        assertThat(quarters.get(0).at("/values/transfers").asLong()).isZero();
        assertThat(quarters.get(1).at("/values/transfers").asLong()).isEqualTo(2);
        assertThat(quarters.get(0).at("/values/peopleTrained").asLong()).isEqualTo(1);
        assertThat(quarters.get(1).at("/values/peopleTrained").asLong()).isEqualTo(1);
        JsonNode jomda = area(view.get("counties"), "540321");
        assertThat(indicator(jomda.get("indicators"), "peopleTrained").get("ratio").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(indicator(jomda.get("indicators"), "transfersLocalIndustry").get("value").asLong()).isEqualTo(1);

        // the quarter-end report of Q1 for Jomda opens with POI and holds the first quarter only
        byte[] xlsx = rest.getForObject("/api/reports/quarterly?year=2019&quarter=1&area=540321&format=xlsx", byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("昌都市江达县2019年第1季度转移就业工作报告");
            Map<String, List<Object>> rows = new HashMap<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row.getCell(1) != null) {
                    rows.put(row.getCell(0).getStringCellValue(), List.of(row.getCell(1).getNumericCellValue(),
                            row.getCell(2).getNumericCellValue(), row.getCell(5).getStringCellValue()));
                }
            }
            // 1 of 8 by the end of March (a quarter gone, 2 expected): red
            assertThat(rows.get("农牧民技能培训人数")).containsExactly(1.0, 1.0, "RED");
            assertThat(rows.get("转移就业人数")).containsExactly(0.0, 0.0, "NONE");
        }
        String csv = rest.getForObject("/api/reports/quarterly?year=2019&quarter=2&area=540321&format=csv", String.class);
        assertThat(csv).contains("\"农牧民技能培训人数\",1,2,8,25.0,");
        assertThat(rest.getForEntity("/api/reports/quarterly?year=2019&quarter=5", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // auditors: the figures as they stood before these events were recorded
        JsonNode before = json.readTree(rest.getForObject("/api/reports/dashboard?year=2019&recordedBefore=2000-01-01T00:00:00Z", String.class));
        assertThat(indicator(before.get("city"), "transfers").get("value").asLong()).isZero();
    }

    @Test
    void county_targets_are_loaded_from_a_csv_file_all_lines_or_none() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Actor-Id", "planner-2");
        headers.set("X-Actor-Department", "%E5%B8%82%E4%BA%BA%E7%A4%BE%E5%B1%80");
        // every bad line names its column and rule; counts of people are whole numbers, yuan exact to the fen
        ResponseEntity<String> refused = upload(headers, "year,indicator,area,value\n2034,transfers,540302,100\n"
                + "2034,nonsense,540302,1\n2034,transfers,999999,1\n2034,peopleTrained,540302,1.234\n"
                + "2015,transfers,540302,1\n2034,transferIncome,540302,100.005\n2034,passRate,540302,120\n"
                + "2034,transfers,540302\nx,transfers,540302,1\n2034,transfers,540302,many\n");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode lineErrors = json.readTree(refused.getBody()).get("errors");
        assertThat(lineErrors.findValuesAsText("line")).containsExactly("3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(lineErrors.findValuesAsText("rule")).containsExactly("known-indicator", "known-area", "whole-number",
                "year-range", "money-scale", "percent-range", "four-columns", "type", "type");
        assertThat(lineErrors.get(2).get("field").asText()).isEqualTo("value");
        assertThat(lineErrors.get(3).get("field").asText()).isEqualTo("year");
        assertThat(json.readTree(rest.getForObject("/api/reports/targets?year=2034", String.class))).isEmpty();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> fraction = put(headers, "[{\"year\":2034,\"indicator\":\"peopleTrained\",\"area\":\"540302\",\"value\":1.5}]");
        assertThat(fraction.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(fraction.getBody()).at("/errors/0/field").asText()).isEqualTo("[0].value");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        assertThat(upload(headers, "year,indicator,area,value\n2034,transfers,540302,100\n2034,peopleTrained,dept:住建局,7\n"
                + "2034,transferIncome,540302,100.50\n2034,passRate,540302,82.5\n")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode targets = json.readTree(rest.getForObject("/api/reports/targets?year=2034", String.class));
        assertThat(targets.findValuesAsText("area")).containsExactlyInAnyOrder("540302", "dept:住建局", "540302", "540302");
        assertThat(targets.findValuesAsText("changedBy")).containsOnly("planner-2");
    }

    @Test
    void a_bad_query_parameter_is_named_and_an_unknown_alert_is_404() throws Exception {
        for (String[] bad : List.of(new String[]{"/api/reports/dashboard?asOf=yesterday", "asOf"},
                new String[]{"/api/reports/dashboard?asOf=2020-02-30", "asOf"},
                new String[]{"/api/reports/dashboard?year=twenty", "year"},
                new String[]{"/api/reports/indicators?year=2020.5", "year"},
                new String[]{"/api/reports/targets?year=x", "year"},
                new String[]{"/api/reports/dashboard?recordedBefore=today", "recordedBefore"},
                new String[]{"/api/reports/quarterly?year=2020&quarter=first", "quarter"},
                new String[]{"/api/reports/quarterly?quarter=2", "year"})) {
            ResponseEntity<String> answer = rest.getForEntity(bad[0], String.class);
            assertThat(answer.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).as(bad[0]).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json.readTree(answer.getBody());
            assertThat(problem.at("/errors/0/field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(problem.at("/errors/0/rule").asText()).as(bad[0]).isIn("type", "required");
        }

        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Actor-Id", "officer-1");
        headers.set("X-Actor-Department", "%E5%B8%82%E4%BA%BA%E7%A4%BE%E5%B1%80");
        for (String action : List.of("acknowledge", "close")) {
            ResponseEntity<String> unknown = rest.postForEntity("/api/reports/alerts/no-such-alert/" + action,
                    new HttpEntity<>(headers), String.class);
            assertThat(unknown.getStatusCode()).as(action).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(unknown.getBody()).get("detail").asText()).contains("no-such-alert");
        }
    }

    private ResponseEntity<String> upload(HttpHeaders headers, String csv) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "targets.csv";
            }
        });
        return rest.postForEntity("/api/reports/targets/import", new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> put(HttpHeaders headers, String body) {
        return rest.exchange("/api/reports/targets", HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    /** Each aggregate's events in sequence (the projection recognises a redelivery by its sequence). */
    private final Map<String, Long> sequences = new HashMap<>();

    private EventEnvelope envelope(String occurredAt, String source, String aggregateId, IntegrationEvent payload) {
        long sequence = sequences.merge(source + aggregateId, 1L, Long::sum) - 1;
        return EventEnvelope.of("evt-" + UUID.randomUUID(), source, aggregateId, sequence, Instant.parse(occurredAt),
                Instant.now(), OFFICER, "540321", payload);
    }

    private static JsonNode indicator(JsonNode list, String id) {
        for (JsonNode i : list) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    private static JsonNode area(JsonNode list, String area) {
        for (JsonNode a : list) {
            if (a.get("area").asText().equals(area)) {
                return a;
            }
        }
        throw new AssertionError("no area " + area);
    }

    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode node = null;
        while (System.currentTimeMillis() < deadline) {
            node = json.readTree(rest.getForObject(path, String.class));
            if (done.test(node)) {
                return node;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not reached: " + node);
    }
}
