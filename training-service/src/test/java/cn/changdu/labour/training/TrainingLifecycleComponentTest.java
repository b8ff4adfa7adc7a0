package cn.changdu.labour.training;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.contracts.training.ClassCompleted;
import cn.changdu.labour.contracts.training.DuplicateTrainingAttempted;
import cn.changdu.labour.contracts.training.FollowUpRecorded;
import cn.changdu.labour.contracts.training.PersonEnrolled;
import cn.changdu.labour.contracts.training.SubsidyPaid;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.training.classes.TrainingClassCacheConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole training programme through the API on the real broker and store: filing with the working-day rule,
 * enrolment with the rules across classes, attendance, inspections, assessment, completion, subsidies, after-training
 * work, queries with masking, and the bulk roster import.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "training_lifecycle")
class TrainingLifecycleComponentTest {

    private static final String COUNTY = "540327";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    @Qualifier(TrainingClassCacheConfiguration.TRAINING_CLASS_CACHE)
    Cache classCache;
    /** 0: the class cache is off ({@code -Dplatform.aggregate-caches.training-classes.max-entries=0} measures the commands without it). */
    @Value("${platform.aggregate-caches.training-classes.max-entries:64}")
    long classCacheEntries;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_full_class_life_cycle_through_the_api_reaches_kafka_and_every_refusal_names_its_rule_and_stores_nothing()
            throws Exception {
        // --- filing: 5 working days before 1 June 2020 is 25 May; late filing only with an approval
        refused(() -> post("/api/training/classes", classJson("电工", "2020-06-01", "2020-06-20", "2020-05-28T02:00:00Z", 3, "")),
                "class-filed-5-working-days-before-start");
        String lateId = id(post("/api/training/classes", classJson("焊工", "2020-06-01", "2020-06-20", "2020-05-28T02:00:00Z", 3,
                ",\"lateFilingApproval\":{\"reason\":\"企业订单临时下达\",\"approver\":\"局长\"}")), "classId");
        refused(() -> post("/api/training/classes", classJson("算命", "2020-06-01", "2020-06-20", "2020-05-20T02:00:00Z", 3, "")),
                "trade-in-catalogue");
        String classId = id(post("/api/training/classes", classJson("电工", "2020-06-01", "2020-06-20", "2020-05-20T02:00:00Z", 3,
                ",\"orderDirected\":true,\"employer\":\"华能澜沧江水电\",\"subsidyStandard\":\"1500.00\"")), "classId");

        // --- enrolment
        String a = TestPeople.residentId(COUNTY, 600_001), b = TestPeople.residentId(COUNTY, 600_002),
                c = TestPeople.residentId(COUNTY, 600_003), d = TestPeople.residentId(COUNTY, 600_004);
        String keyA = id(post(trainees(classId), person("扎西多吉", a, ",\"registeredPoor\":true,\"consolidationTraining\":true,"
                + "\"previousTrainingYear\":2018,\"employmentStatus\":\"NOT_EMPLOYED\",\"phone\":\"13800001111\"")), "personKey");
        String keyB = id(post(trainees(classId), person("次仁卓玛", b, "")), "personKey");
        String keyC = id(post(trainees(classId), person("格桑", c, "")), "personKey");
        refused(() -> post(trainees(classId), person("达瓦", d, "")), "class-size-within-plan");
        refused(() -> post(trainees(classId), person("次仁卓玛", b, "")), "trainee-enrolled-once-per-class");
        ok(post("/api/training/classes/" + classId + "/planned-size", "{\"plannedSize\":4,\"reason\":\"报名踊跃\"}"));
        refused(() -> post(trainees(classId), person("达瓦", d, ",\"consolidationTraining\":true")), "consolidation-training-eligible");
        String keyD = id(post(trainees(classId), person("达瓦", d, "")), "personKey");
        ok(post("/api/training/classes/" + classId + "/trainees/" + keyD + "/withdrawal", "{\"reason\":\"外出务工\"}"));
        // across classes: overlapping dates and duplicate training are refused on the person's record
        String overlapping = id(post("/api/training/classes", classJson("藏式烹饪", "2020-06-15", "2020-07-05",
                "2020-05-20T02:00:00Z", 10, "")), "classId");
        refused(() -> post(trainees(overlapping), person("扎西多吉", a, "")), "no-overlapping-classes");
        String again = id(post("/api/training/classes", classJson("电工", "2020-09-01", "2020-09-20", "2020-08-01T02:00:00Z", 10, "")),
                "classId");
        // duplicate training stores nothing of the enrolment, but the attempt is recorded on the person's record
        refused(() -> post(trainees(again), person("次仁卓玛", b, "")), "no-duplicate-training", 1);
        // the same attempt again, in a roster file: refused as well, and recorded once
        long beforeRow = storedEvents();
        ResponseEntity<String> duplicateRow = upload(again, "roster.csv",
                ("姓名,身份证号\n次仁卓玛," + b + "\n").getBytes(StandardCharsets.UTF_8), false);
        assertThat(duplicateRow.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(storedEvents()).isEqualTo(beforeRow);
        assertThat(json.readTree(duplicateRow.getBody()).at("/errors/0/rule").asText()).isEqualTo("no-duplicate-training");
        ok(post(trainees(again), person("达瓦", d, "")));  // withdrawn from the first: free to train

        // --- during the class
        for (int day = 2; day <= 6; day++) {
            String present = day <= 4 ? "\"%s\",\"%s\",\"%s\"".formatted(keyA, keyB, keyC) : "\"%s\",\"%s\"".formatted(keyA, keyB);
            ok(post("/api/training/classes/" + classId + "/attendance",
                    "{\"date\":\"2020-06-0" + day + "\",\"presentPersonKeys\":[" + present + "]}"));
        }
        refused(() -> post(inspections(classId), inspection("2020-05-30")), "inspection-within-class-dates");
        ok(post(inspections(classId), inspection("2020-06-05")));
        for (String key : List.of(keyA, keyB, keyC)) {
            ok(post("/api/training/classes/" + classId + "/trainees/" + key + "/assessment",
                    "{\"passed\":true,\"occurredAt\":\"2020-06-20T08:00:00Z\"}"));
        }
        refused(() -> post("/api/training/classes/" + classId + "/completion", "{\"occurredAt\":\"2020-06-21T02:00:00Z\"}"),
                "class-inspected-at-least-twice");
        ok(post(inspections(classId), inspection("2020-06-15")));
        ok(post("/api/training/classes/" + classId + "/completion", "{\"occurredAt\":\"2020-06-21T02:00:00Z\"}"));

        // --- subsidy: standard 1500 + 450 general curriculum; C was present 3 of 5 days (< 80 %)
        String subsidyA = "/api/training/classes/" + classId + "/trainees/" + keyA + "/subsidy";
        ok(post(subsidyA, "{\"occurredAt\":\"2020-06-25T02:00:00Z\"}", "clerk-1"));
        refused(() -> post(subsidyA, "{}", "clerk-1"), "subsidy-once-per-person-per-class");
        refused(() -> post(subsidyA + "/approval", "{}", "clerk-1"), "subsidy-approved-by-another");
        ok(post(subsidyA + "/approval", "{\"occurredAt\":\"2020-06-26T02:00:00Z\"}", "head-1"));
        ok(post(subsidyA + "/payment", "{\"occurredAt\":\"2020-06-30T02:00:00Z\"}", "cashier-1"));
        refused(() -> post("/api/training/classes/" + classId + "/trainees/" + keyC + "/subsidy", "{}", "clerk-1"),
                "subsidy-attendance-threshold");

        // --- after training
        ok(post("/api/training/classes/" + classId + "/trainees/" + keyA + "/recommendations",
                "{\"employer\":\"华能澜沧江水电\",\"position\":\"电工\",\"occurredAt\":\"2020-06-28T02:00:00Z\"}"));
        ok(post("/api/training/classes/" + classId + "/trainees/" + keyA + "/follow-ups",
                "{\"employmentStatus\":\"EMPLOYED\",\"employer\":\"华能澜沧江水电\",\"occurredAt\":\"2020-07-10T02:00:00Z\"}"));
        ok(post("/api/training/classes/" + classId + "/trainees/" + keyA + "/follow-ups",
                "{\"employmentStatus\":\"EMPLOYED\",\"occurredAt\":\"2020-09-20T02:00:00Z\"}"));
        refused(() -> post("/api/training/classes/" + classId + "/trainees/nobody/follow-ups", "{\"employmentStatus\":\"EMPLOYED\"}"),
                "trainee-enrolled-in-class");

        // --- every fact on Kafka, in order, without personal data
        List<EventEnvelope> events = envelopes(classId, 24);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(
                "training.ClassFiled", "training.TraineeEnrolled", "training.TraineeEnrolled", "training.TraineeEnrolled",
                "training.PlannedSizeChanged", "training.TraineeEnrolled", "training.TraineeWithdrawn",
                "training.AttendanceRecorded", "training.AttendanceRecorded", "training.AttendanceRecorded",
                "training.AttendanceRecorded", "training.AttendanceRecorded", "training.ClassInspected",
                "training.TraineeAssessed", "training.TraineeAssessed", "training.TraineeAssessed", "training.ClassInspected",
                "training.ClassCompleted", "training.SubsidyClaimed", "training.SubsidyApproved", "training.SubsidyPaid",
                "training.JobRecommended", "training.FollowUpRecorded", "training.FollowUpRecorded");
        ClassCompleted completed = (ClassCompleted) events.get(17).payload();
        assertThat(completed.passed()).isEqualTo(3);
        assertThat(completed.passRate()).isEqualByComparingTo("1");
        assertThat(completed.inspections()).isEqualTo(2);
        assertThat(completed.orderDirected()).isTrue();
        assertThat(((SubsidyPaid) events.get(20).payload()).amount()).isEqualTo(new BigDecimal("1950.00"));
        assertThat(events.get(20).occurredAt()).hasToString("2020-06-30T02:00:00Z");
        assertThat(((FollowUpRecorded) events.get(23).payload()).employmentStatus()).isEqualTo("EMPLOYED");
        assertThat(events).allSatisfy(e -> assertThat(e.countyCode()).isEqualTo(COUNTY));
        assertThat(envelopes(lateId, 2)).extracting(EventEnvelope::type)
                .containsExactly("training.ClassFiled", "training.LateFilingApproved");
        List<EventEnvelope> personA = envelopes(keyA, 1);
        PersonEnrolled enrolledA = (PersonEnrolled) personA.get(0).payload();
        assertThat(enrolledA.consolidationTraining()).isTrue();
        assertThat(enrolledA.registeredPoor()).isTrue();
        assertThat(enrolledA.orderDirected()).isTrue();
        assertThat(enrolledA.category()).isEqualTo("RAILWAY_RESERVE");
        List<EventEnvelope> personB = envelopes(keyB, 2);
        assertThat(personB).extracting(EventEnvelope::type).containsExactly("training.PersonEnrolled",
                "training.DuplicateTrainingAttempted");
        DuplicateTrainingAttempted attempt = (DuplicateTrainingAttempted) personB.get(1).payload();
        assertThat(attempt).isEqualTo(new DuplicateTrainingAttempted(keyB, again, COUNTY, "电工",
                java.time.LocalDate.parse("2020-09-01"), classId, COUNTY, java.time.LocalDate.parse("2020-06-01")));
        assertThat(personB.get(1).actor().id()).isEqualTo("officer-1");
        String raw = String.join("\n", raw(classId)) + String.join("\n", raw(keyA)) + String.join("\n", raw(keyB));
        assertThat(raw).doesNotContain(a, b, "扎西多吉", "次仁卓玛", "13800001111");

        // --- queries: class detail masked unless the caller may see personal data; history; overdue after-training work
        JsonNode detail = await("/api/training/classes/" + classId, n -> n.path("status").asText().equals("COMPLETED")
                && n.path("trainees").size() == 4 && n.at("/trainees").toString().contains("followedUpOn")
                && n.toString().contains("PAID"), "");
        assertThat(detail.get("enrolled").asInt()).isEqualTo(3);
        assertThat(detail.get("inspectionCount").asInt()).isEqualTo(2);
        assertThat(detail.toString()).doesNotContain(a, "扎西多吉").contains("扎***");
        JsonNode full = get("/api/training/classes/" + classId, "personal-data");
        assertThat(full.toString()).contains(a, "扎西多吉");
        // a history by resident ID is a read with the ID in the body (never in the URL); by person key a GET
        long storedBeforeReads = storedEvents();
        JsonNode history = await(() -> historyOf(d, ""), n -> n.path("classes").size() == 2, "history of d");
        assertThat(history.get("residentId").asText()).isNotEqualTo(d).endsWith(d.substring(17));
        assertThat(history.get("classes").toString()).contains("WITHDRAWN", "ENROLLED");
        assertThat(historyOf(d, "personal-data").get("residentId").asText()).isEqualTo(d);
        JsonNode historyB = await("/api/training/people/" + keyB + "/history",
                n -> n.path("duplicateTrainingAttempts").size() == 1, "");
        assertThat(historyB.at("/duplicateTrainingAttempts/0/earlierClassId").asText()).isEqualTo(classId);
        ResponseEntity<String> badId = rest.postForEntity("/api/training/people/history",
                jsonEntity("{\"residentId\":\"" + d.substring(0, 17) + (d.endsWith("0") ? "1" : "0") + "\"}"), String.class);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badId.getBody()).at("/errors/0/field").asText()).isEqualTo("residentId");
        assertThat(json.readTree(badId.getBody()).at("/errors/0/rule").asText()).isEqualTo("ValidResidentId");
        // a resident ID where the key belongs is refused without being echoed
        ResponseEntity<String> idInPath = rest.getForEntity("/api/training/people/" + d + "/history", String.class);
        assertThat(idInPath.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(idInPath.getBody()).at("/errors/0/field").asText()).isEqualTo("personKey");
        assertThat(json.readTree(idInPath.getBody()).at("/errors/0/rule").asText()).isEqualTo("person-key");
        assertThat(json.readTree(idInPath.getBody()).path("detail").asText()
                + json.readTree(idInPath.getBody()).path("errors")).doesNotContain(d);
        assertThat(storedEvents()).isEqualTo(storedBeforeReads);
        JsonNode list = get("/api/training/classes?countyCode=" + COUNTY + "&status=COMPLETED&from=2020-06-01&to=2020-06-01", "");
        assertThat(list.findValuesAsText("classId")).contains(classId).doesNotContain(again, lateId);
        JsonNode overdue = get("/api/training/after-training/overdue?countyCode=" + COUNTY, "");
        List<String> overdueKeys = overdue.findValuesAsText("personKey");
        assertThat(overdueKeys).contains(keyB, keyC).doesNotContain(keyA);
    }

    @Test
    void a_2000_row_roster_with_20_bad_rows_returns_exactly_those_errors_and_is_applied_only_when_partial_is_asked()
            throws Exception {
        String classId = id(post("/api/training/classes", classJson("砌筑工", "2020-07-06", "2020-07-31",
                "2020-06-22T02:00:00Z", 2000, "")), "classId");
        await("/api/training/classes/" + classId, n -> n.has("classId"), "");
        StringBuilder csv = new StringBuilder("姓名,身份证号,乡镇,村,手机号,建档立卡\n");
        Set<Integer> badRows = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            int row = i + 2;
            String id = TestPeople.residentId("540329", 700_000 + i);
            String name = "学员" + i;
            String phone = "139" + String.format("%08d", i);
            if (i % 100 == 7) {             // 20 bad rows, of four kinds
                badRows.add(row);
                switch ((i / 100) % 4) {
                    case 0 -> id = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');  // wrong check digit
                    case 1 -> name = "";                                                         // no name
                    case 2 -> phone = "12345";                                                   // not a mobile number
                    default -> id = TestPeople.residentId("540329", 700_000 + i - 1);          // listed twice
                }
            }
            csv.append(name).append(',').append(id).append(",孜托镇,一村,").append(phone).append(',').append(i % 3 == 0 ? "是" : "否")
                    .append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        long before = storedEvents();

        ResponseEntity<String> refused = upload(classId, "roster.csv", file, false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("rows").asInt()).isEqualTo(2000);
        Set<Integer> errorRows = new TreeSet<>();
        problem.get("errors").forEach(e -> errorRows.add(e.get("row").asInt()));
        assertThat(problem.get("errors").size()).isEqualTo(20);
        assertThat(errorRows).isEqualTo(badRows);
        assertThat(problem.get("errors").toString()).contains("ValidResidentId", "NotBlank", "Pattern", "trainee-listed-once");
        assertThat(storedEvents()).as("nothing half-applied").isEqualTo(before);

        long started = System.nanoTime();
        ResponseEntity<String> applied = upload(classId, "roster.csv", file, true);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[training] partial import of 2,000 rows (1,980 applied): %.1f s%n", seconds);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(applied.getBody());
        assertThat(report.get("applied").asInt()).isEqualTo(1980);
        assertThat(report.get("errors").size()).isEqualTo(20);
        // each enrolment is on the roster and on the person's record
        assertThat(storedEvents() - before).isEqualTo(2 * 1980);
        await("/api/training/classes/" + classId, n -> n.path("enrolled").asInt() == 1980, "");
        // importing the same file again: every good row is now already enrolled
        ResponseEntity<String> twice = upload(classId, "roster.csv", file, false);
        // the answer lists the first 1,000 errors and counts them all
        JsonNode again = json.readTree(twice.getBody());
        assertThat(again.get("errorCount").asInt()).isEqualTo(2000);
        assertThat(again.get("errors").size()).isEqualTo(1000);

        // the class now holds 1,981 events; with the aggregate cache a command on it does not read them all again
        if (classCacheEntries > 0) {
            assertThat(classCache.containsKey(classId)).as("the class, cached when the import committed").isTrue();
        }
        long singles = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            ok(post(trainees(classId), person("学员" + (2000 + i), TestPeople.residentId("540329", 790_000 + i), "")));
        }
        System.out.printf("[training] single enrolment into the class of 1,980 trainees (class cache %s): %.0f ms each%n",
                classCacheEntries > 0 ? "on" : "off", (System.nanoTime() - singles) / 1e6 / 10);
    }

    @Test
    void an_xlsx_roster_is_read_with_chinese_columns_and_id_numbers_typed_as_numbers() throws Exception {
        String classId = id(post("/api/training/classes", classJson("唐卡绘画", "2020-08-03", "2020-08-28",
                "2020-07-20T02:00:00Z", 10, "")), "classId");
        await("/api/training/classes/" + classId, n -> n.has("classId"), "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("花名册");
            String[] titles = {"姓名", "身份证号", "乡镇", "建档立卡", "巩固培训", "此前培训年份", "就业状态"};
            var header = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            for (int r = 1; r <= 3; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("学员" + r);
                row.createCell(1).setCellValue(TestPeople.residentId("540330", 800_000 + r));
                row.createCell(2).setCellValue("草卡镇");
                row.createCell(3).setCellValue("是");
                row.createCell(4).setCellValue(r == 1 ? "是" : "否");
                row.createCell(5).setCellValue(2017);
                row.createCell(6).setCellValue("未就业");
            }
            workbook.write(out);
        }
        ResponseEntity<String> applied = upload(classId, "花名册.xlsx", out.toByteArray(), false);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(applied.getBody()).get("applied").asInt()).isEqualTo(3);

        // an unknown class is a 404 problem; the API documents itself
        ResponseEntity<String> unknown = post(trainees("no-such-class"), person("某人", TestPeople.residentId("540330", 800_009), ""));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String apiDocs = rest.getForObject("/api/training/v3/api-docs", String.class);
        assertThat(apiDocs).contains("/api/training/classes/{classId}/trainees/import", "/api/training/after-training/overdue",
                "/api/training/people/history", "/api/training/people/{personKey}/history",
                "/api/training/classes/{classId}/inspections", "X-Actor-Department",
                "X-Actor-Roles");
    }

    // ------------------------------------------------------------------ helpers

    private static String classJson(String trade, String start, String end, String filedAt, int size, String more) {
        return """
                {"countyCode":"%s","organiser":"左贡县职业技能培训中心","trade":"%s","plannedSize":%d,
                 "startDate":"%s","endDate":"%s","occurredAt":"%s"%s}""".formatted(COUNTY, trade, size, start, end, filedAt, more);
    }

    private static String person(String name, String residentId, String more) {
        return "{\"name\":\"" + name + "\",\"residentId\":\"" + residentId + "\",\"township\":\"旺达镇\"" + more + "}";
    }

    private static String trainees(String classId) {
        return "/api/training/classes/" + classId + "/trainees";
    }

    private static String inspections(String classId) {
        return "/api/training/classes/" + classId + "/inspections";
    }

    private static String inspection(String date) {
        return """
                {"inspector":"市人社局督导组","inspectedOn":"%s","results":[
                 {"item":"ORGANISER_COMPLIANCE","passed":true},{"item":"TRAINEE_ATTENDANCE","passed":true},
                 {"item":"TEACHING_EQUIPMENT","passed":false,"remarks":"焊机不足"},{"item":"SKILL_MASTERY","passed":true},
                 {"item":"SAFETY_MANAGEMENT","passed":true}]}""".formatted(date);
    }

    private ResponseEntity<String> post(String path, String body) {
        return post(path, body, "officer-1");
    }

    private ResponseEntity<String> post(String path, String body, String actor) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", actor);
        headers.set("X-Actor-Department", URLEncoder.encode("左贡县人社局", StandardCharsets.UTF_8));
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> upload(String classId, String filename, byte[] bytes, boolean partial) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Actor-Id", "officer-1");
        headers.set("X-Actor-Department", URLEncoder.encode("洛隆县人社局", StandardCharsets.UTF_8));
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return rest.postForEntity(trainees(classId) + "/import?partial=" + partial, new HttpEntity<>(form, headers), String.class);
    }

    private String id(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return json.readTree(response.getBody()).get(field).asText();
    }

    private void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    /** The request is refused with the rule named, and the event store holds not one event more than before it. */
    private void refused(java.util.concurrent.Callable<ResponseEntity<String>> request, String rule) throws Exception {
        refused(request, rule, 0);
    }

    /** The request is refused with the rule named, and the event store holds exactly {@code recorded} events more. */
    private void refused(java.util.concurrent.Callable<ResponseEntity<String>> request, String rule, int recorded)
            throws Exception {
        long before = storedEvents();
        ResponseEntity<String> response = request.call();
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("rule").asText()).isEqualTo(rule);
        assertThat(storedEvents()).isEqualTo(before + recorded);
    }

    private JsonNode get(String path, String roles) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        if (!roles.isEmpty()) {
            headers.set("X-Actor-Roles", roles);
        }
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        return response.getStatusCode().is2xxSuccessful() ? json.readTree(response.getBody()) : json.createObjectNode();
    }

    private JsonNode await(String path, Predicate<JsonNode> done, String roles) throws Exception {
        return await(() -> get(path, roles), done, path);
    }

    private JsonNode await(java.util.concurrent.Callable<JsonNode> read, Predicate<JsonNode> done, String what)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode node = read.call();
        while (!done.test(node) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            node = read.call();
        }
        assertThat(done.test(node)).as("%s: %s", what, node).isTrue();
        return node;
    }

    /** A person's history by resident ID: a POST query carrying the ID in its body. */
    private JsonNode historyOf(String residentId, String roles) throws Exception {
        HttpEntity<String> query = jsonEntity("{\"residentId\":\"" + residentId + "\"}");
        if (!roles.isEmpty()) {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(query.getHeaders());
            headers.set("X-Actor-Roles", roles);
            query = new HttpEntity<>(query.getBody(), headers);
        }
        ResponseEntity<String> response = rest.postForEntity("/api/training/people/history", query, String.class);
        return response.getStatusCode().is2xxSuccessful() ? json.readTree(response.getBody()) : json.createObjectNode();
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private List<EventEnvelope> envelopes(String key, int atLeast) {
        return records(key, atLeast).stream().map(r -> EventJson.read(r.value())).toList();
    }

    private List<String> raw(String key) {
        return records(key, 1).stream().map(ConsumerRecord::value).toList();
    }

    private List<ConsumerRecord<String, String>> records(String key, int atLeast) {
        List<ConsumerRecord<String, String>> ours = new ArrayList<>();
        TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.TRAINING,
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= atLeast, Duration.ofSeconds(60))
                .stream().filter(r -> key.equals(r.key())).forEach(ours::add);
        return ours;
    }

    private long storedEvents() {
        return new StoredEvents(dataSource).count();
    }
}
