package cn.changdu.labour.projectlabor;

import cn.changdu.labour.infra.test.DueDeadlines;
import cn.changdu.labour.infra.test.MutableClock;
import cn.changdu.labour.infra.test.SqlReads;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.contracts.projectlabor.LocalLabourShareBelowTarget;
import cn.changdu.labour.contracts.projectlabor.WageArrearsChanged;
import cn.changdu.labour.contracts.projectlabor.WageArrearsDetected;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.infra.test.StoredEvents;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.TopicReader;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST → aggregates → deadlines → event store → relay → Kafka, and the read model, on one Spring context. Time is a
 * mutable clock (the deadline manager and "now" of every request use it), so a quarter of 2020 runs in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPlatformInfra(database = "project_labor_component")
class ProjectLaborServiceComponentTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2020-04-01T02:00:00Z"));

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        static SqlReads countReads() {
            return READS;
        }
    }

    /** The queries the service sends to its database, per table. */
    static final SqlReads READS = new SqlReads();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Scheduler deadlineScheduler;
    @Autowired
    DataSource dataSource;
    @Autowired
    PersonKeys personKeys;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_project_and_a_wage_reach_kafka_exact_to_the_fen() throws Exception {
        // business dates may not lie after the business clock's today
        CLOCK.set(Instant.parse("2020-07-08T02:00:00Z"));
        ResponseEntity<String> registered = post("/api/projects", """
                {"name":"昌都市卡若区安置点建设项目","countyCode":"540302","department":"住建局",
                 "governmentInvested":true,"plannedWorkforce":120}""");
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String projectId = json.readTree(registered.getBody()).get("projectId").asText();

        ResponseEntity<String> paid = post("/api/projects/" + projectId + "/wages", """
                {"name":"格桑","residentId":"%s","period":"2020-06","amount":"5400.07","paidOn":"2020-07-05"}"""
                .formatted(TestPeople.residentId("540302", 3)));
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        List<EventEnvelope> events = eventsOf(projectId, 2);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("projectlabor.ProjectRegistered", "projectlabor.WagePaid");
        WagePaid wage = (WagePaid) events.get(1).payload();
        assertThat(wage.amount()).isEqualTo(new BigDecimal("5400.07"));
        assertThat(wage.period()).isEqualTo(YearMonth.of(2020, 6));
    }

    @Test
    void a_wage_of_a_fraction_of_a_fen_is_refused_and_an_unknown_project_is_404() throws Exception {
        CLOCK.set(Instant.parse("2020-07-08T02:00:00Z"));
        ResponseEntity<String> refused = post("/api/projects/nope/wages", """
                {"name":"格桑","residentId":"%s","period":"2020-06","amount":"100.005","paidOn":"2020-07-05"}"""
                .formatted(TestPeople.residentId("540302", 4)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\"field\":\"amount\"", "\"rule\":\"money-scale\"");

        ResponseEntity<String> missing = post("/api/projects/nope/wages", """
                {"name":"格桑","residentId":"%s","period":"2020-06","amount":"100.00","paidOn":"2020-07-05"}"""
                .formatted(TestPeople.residentId("540302", 4)));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_request_naming_an_unknown_project_is_a_404_problem_and_stores_nothing() throws Exception {
        CLOCK.set(Instant.parse("2020-07-08T02:00:00Z"));
        String worker = TestPeople.residentId("540321", 320_001);
        long before = new StoredEvents(dataSource).count();

        // a join used to reserve the person's days, then release them when the project turned out unknown
        assertNotFound(post("/api/projects/nope/roster",
                joinBody("扎西", worker, true, "5000.00", "MONTHLY", "2020-07-01")), "nope");
        assertNotFound(upload("/api/projects/nope/roster/import", "roster.csv", """
                姓名,身份证号,本地农牧民,户籍县区代码,工种,工资标准,计薪方式,进场日期
                扎西,%s,是,540321,钢筋工,5000.00,MONTHLY,2020-07-01
                """.formatted(worker)), "nope");
        assertNotFound(upload("/api/projects/nope/payrolls/import?period=2020-06", "payroll.csv", """
                姓名,身份证号,出勤天数,应发工资
                扎西,%s,,5000.00
                """.formatted(worker)), "nope");
        assertNotFound(post("/api/projects/nope/payrolls", """
                {"period":"2020-06","lines":[{"name":"扎西","residentId":"%s","amountDue":"5000.00"}]}"""
                .formatted(worker)), "nope");
        assertThat(new StoredEvents(dataSource).count()).as("a refused request leaves no event").isEqualTo(before);
        assertThat(new StoredEvents(dataSource).ofAggregate(personKeys.keyOf(new ResidentId(worker)))).isEmpty();

        // the reads of an unknown project are 404 problems too, not empty lists
        for (String read : List.of("", "/roster", "/payroll", "/payroll?period=2020-06", "/disputes")) {
            assertNotFound(rest.exchange("/api/projects/nope" + read, HttpMethod.GET, new HttpEntity<>(headers()),
                    String.class), "nope");
        }
        // a project registered a moment ago is known at once (the store says so), with nothing on its roster yet
        String projectId = id(post("/api/projects", """
                {"name":"类乌齐县公路养护工程","countyCode":"540322","department":"交通局",
                 "governmentInvested":true,"plannedWorkforce":10}"""), "projectId");
        assertThat(getJson("/api/projects/" + projectId + "/roster")).isEmpty();
        assertThat(getJson("/api/projects/" + projectId + "/disputes")).isEmpty();
        assertThat(getJson("/api/projects/" + projectId + "/payroll").get("payrolls")).isEmpty();
    }

    private void assertNotFound(ResponseEntity<String> response, String projectId) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains(projectId);
    }

    @Test
    void a_project_runs_through_a_quarter_roster_payrolls_one_arrears_case_and_the_events_on_kafka() throws Exception {
        CLOCK.set(Instant.parse("2020-04-01T02:00:00Z"));
        String projectId = id(post("/api/projects", """
                {"name":"江达县岗托镇易地扶贫搬迁安置点建设项目","countyCode":"540321","department":"住建局",
                 "governmentInvested":true,"plannedWorkforce":40,"contractor":"西藏天路股份有限公司",
                 "subcontractors":["昌都市劳务有限公司"],"startDate":"2020-04-01","plannedEndDate":"2020-06-30",
                 "wageAccount":"农行昌都分行 农民工工资专户 2201","wagePayDay":10}"""), "projectId");

        // the roster: one local herder, three workers from Sichuan; the fourth takes the share below 30%
        String tashi = TestPeople.residentId("540321", 300_001);
        String wang = TestPeople.residentId("510104", 300_002);
        String li = TestPeople.residentId("510104", 300_003);
        String zhang = TestPeople.residentId("510104", 300_004);
        // entered on the 10th (a roster records who has joined, so not before the day they did)
        CLOCK.set(Instant.parse("2020-04-10T02:00:00Z"));
        join(projectId, "扎西", tashi, true, "5000.00", "MONTHLY", "2020-04-01");
        join(projectId, "王强", wang, false, "6000.00", "MONTHLY", "2020-04-01");
        join(projectId, "李军", li, false, "200.00", "DAILY", "2020-04-01");
        join(projectId, "张伟", zhang, false, "5500.00", "MONTHLY", "2020-04-02");
        assertThat(post("/api/projects/" + projectId + "/labour-filings", """
                {"hrOffice":"江达县人社局","reference":"江人社备 2020-031","filedOn":"2020-04-03"}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // the same person cannot be on a second roster on the same days
        String other = id(post("/api/projects", """
                {"name":"江达县同普乡村道硬化工程","countyCode":"540321","department":"交通局",
                 "governmentInvested":false,"plannedWorkforce":20}"""), "projectId");
        ResponseEntity<String> twice = post("/api/projects/" + other + "/roster", joinBody("扎西", tashi, true, "4000.00",
                "MONTHLY", "2020-04-10"));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(twice.getBody()).contains("\"rule\":\"one-roster-at-a-time\"");

        // April: payroll from the roster (李军 worked 22 days), paid by the 8th of May, 王强 only in part
        CLOCK.set(Instant.parse("2020-05-03T02:00:00Z"));
        payroll(projectId, "2020-04", """
                [{"residentId":"%s"},{"residentId":"%s"},{"residentId":"%s","daysWorked":22},{"residentId":"%s"}]"""
                .formatted(tashi, wang, li, zhang));
        CLOCK.set(Instant.parse("2020-05-08T02:00:00Z"));
        pay(projectId, "扎西", tashi, "2020-04", "5000.00", "2020-05-08");
        pay(projectId, "王强", wang, "2020-04", "4000.00", "2020-05-08");
        pay(projectId, "李军", li, "2020-04", "4400.00", "2020-05-08");
        pay(projectId, "张伟", zhang, "2020-04", "5316.67", "2020-05-08"); // 29 of 30 days of 5500.00

        // 10 May passes: 王强's 2000.00 are arrears
        advanceTo("2020-05-11T01:00:00Z");
        JsonNode arrears = awaitJson("/api/projects/arrears?countyCode=540321",
                a -> a.get("arrears").size() == 1);
        assertThat(arrears.at("/arrears/0/projectId").asText()).isEqualTo(projectId);
        assertThat(arrears.at("/arrears/0/governmentInvested").asBoolean()).isTrue();
        assertThat(new BigDecimal(arrears.at("/arrears/0/outstanding").asText())).isEqualTo(new BigDecimal("2000.00"));
        assertThat(arrears.at("/arrears/0/name").asText()).isEqualTo("王***");
        assertThat(arrears.at("/arrears/0/projectName").asText()).isEqualTo("江达县岗托镇易地扶贫搬迁安置点建设项目");
        JsonNode byDepartment = getJson("/api/projects/arrears?department=住建局");
        assertThat(byDepartment.get("arrears").findValuesAsText("projectId")).containsExactly(projectId);
        assertThat(byDepartment.at("/arrears/0/projectName").asText()).isEqualTo("江达县岗托镇易地扶贫搬迁安置点建设项目");
        assertThat(new BigDecimal(byDepartment.get("governmentInvestedAmount").asText())).isEqualTo(new BigDecimal("2000.00"));
        assertThat(getJson("/api/projects/arrears").get("arrears").findValuesAsText("projectId")).contains(projectId);
        assertThat(getJson("/api/projects/arrears?countyCode=540321&department=交通局").get("cases").asInt()).isZero();
        assertThat(getJson("/api/projects/arrears?countyCode=540302&department=住建局").get("cases").asInt()).isZero();
        // one project shows its own open arrears, and only those
        JsonNode owing = getJson("/api/projects/" + projectId);
        assertThat(new BigDecimal(owing.get("openArrearsAmount").asText())).isEqualTo(new BigDecimal("2000.00"));
        assertThat(owing.get("openArrearsWorkers").asInt()).isEqualTo(1);
        JsonNode notOwing = getJson("/api/projects/" + other);
        assertThat(new BigDecimal(notOwing.get("openArrearsAmount").asText())).isZero();
        assertThat(notOwing.get("openArrearsWorkers").asInt()).isZero();

        // a partial payment after detection
        CLOCK.set(Instant.parse("2020-05-20T02:00:00Z"));
        pay(projectId, "王强", wang, "2020-04", "1500.50", "2020-05-20");

        // 张伟 left at the end of May (recorded once he had: no date after today) and the share recovers;
        // May and June paid in full by the 8th, with the rest of April's arrears
        CLOCK.set(Instant.parse("2020-06-08T02:00:00Z"));
        leave(projectId, zhang, "2020-05-31");
        payroll(projectId, "2020-05", """
                [{"residentId":"%s"},{"residentId":"%s"},{"residentId":"%s","daysWorked":25},{"residentId":"%s"}]"""
                .formatted(tashi, wang, li, zhang));
        pay(projectId, "扎西", tashi, "2020-05", "5000.00", "2020-06-08");
        pay(projectId, "王强", wang, "2020-05", "6000.00", "2020-06-08");
        pay(projectId, "王强", wang, "2020-04", "499.50", "2020-06-08");
        pay(projectId, "李军", li, "2020-05", "5000.00", "2020-06-08");
        pay(projectId, "张伟", zhang, "2020-05", "5500.00", "2020-06-08");
        advanceTo("2020-06-11T01:00:00Z");
        // at the end of June all leave, the local herder last: the share never falls below the line again
        CLOCK.set(Instant.parse("2020-07-08T02:00:00Z"));
        leave(projectId, li, "2020-06-30");
        leave(projectId, wang, "2020-06-30");
        leave(projectId, tashi, "2020-06-30");
        payroll(projectId, "2020-06", """
                [{"residentId":"%s"},{"residentId":"%s"},{"residentId":"%s","daysWorked":24}]""".formatted(tashi, wang, li));
        pay(projectId, "扎西", tashi, "2020-06", "5000.00", "2020-07-08");
        pay(projectId, "王强", wang, "2020-06", "6000.00", "2020-07-08");
        pay(projectId, "李军", li, "2020-06", "4800.00", "2020-07-08");
        advanceTo("2020-07-11T01:00:00Z");
        assertThat(post("/api/projects/" + projectId + "/close", """
                {"closedOn":"2020-07-10"}""").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // on Kafka: the quarter in order, exactly one arrears case, amounts to the fen, no personal data
        List<EventEnvelope> events = eventsOf(projectId, 32);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(
                "projectlabor.ProjectRegistered",
                "projectlabor.WorkerJoinedProject", "projectlabor.WorkerJoinedProject",
                "projectlabor.WorkerJoinedProject", "projectlabor.WorkerJoinedProject",
                "projectlabor.LocalLabourShareBelowTarget",
                "projectlabor.LabourFilingSubmitted",
                "projectlabor.PayrollSubmitted",
                "projectlabor.WagePaid", "projectlabor.WagePaid", "projectlabor.WagePaid", "projectlabor.WagePaid",
                "projectlabor.WageArrearsDetected",
                "projectlabor.WagePaid", "projectlabor.WageArrearsChanged",
                "projectlabor.WorkerLeftProject", "projectlabor.LocalLabourShareRecovered",
                "projectlabor.PayrollSubmitted",
                "projectlabor.WagePaid", "projectlabor.WagePaid", "projectlabor.WagePaid", "projectlabor.WageArrearsCleared",
                "projectlabor.WagePaid", "projectlabor.WagePaid",
                "projectlabor.WorkerLeftProject", "projectlabor.WorkerLeftProject", "projectlabor.WorkerLeftProject",
                "projectlabor.PayrollSubmitted",
                "projectlabor.WagePaid", "projectlabor.WagePaid", "projectlabor.WagePaid",
                "projectlabor.ProjectClosed");
        assertThat(events).allSatisfy(e -> assertThat(e.countyCode()).isEqualTo("540321"));
        assertThat(events.stream().map(EventJson::write)).noneMatch(text -> text.contains(wang) || text.contains("王强"));
        WorkerJoinedProject herder = (WorkerJoinedProject) events.get(1).payload();
        assertThat(herder.localFarmerHerder()).isTrue();
        assertThat(herder.homeCountyCode()).isEqualTo("540321");
        LocalLabourShareBelowTarget below = (LocalLabourShareBelowTarget) events.get(5).payload();
        assertThat(below.share()).isEqualTo(new BigDecimal("0.2500"));
        EventEnvelope detected = events.get(12);
        WageArrearsDetected arrearsCase = (WageArrearsDetected) detected.payload();
        assertThat(arrearsCase.amount()).isEqualTo(new BigDecimal("2000.00"));
        assertThat(arrearsCase.governmentInvested()).isTrue();
        assertThat(arrearsCase.period()).isEqualTo(YearMonth.of(2020, 4));
        assertThat(detected.occurredAt()).as("business time: when 10 May had passed in Changdu")
                .isEqualTo(Instant.parse("2020-05-10T16:00:00Z"));
        assertThat(detected.actor().id()).isEqualTo("system:wage-due");
        assertThat(((WageArrearsChanged) events.get(14).payload()).amount()).isEqualTo(new BigDecimal("499.50"));

        // the read model: no open arrears left, the roster masked, the payroll exact
        awaitJson("/api/projects/arrears?countyCode=540321", a -> a.get("arrears").isEmpty());
        JsonNode project = awaitJson("/api/projects/" + projectId, p -> "CLOSED".equals(p.path("status").asText()));
        assertThat(project.get("contractor").asText()).isEqualTo("西藏天路股份有限公司");
        assertThat(project.get("totalWorkers").asInt()).isZero();
        JsonNode roster = getJson("/api/projects/" + projectId + "/roster");
        assertThat(roster).hasSize(4);
        assertThat(roster.get(0).get("residentId").asText()).contains("*");
        JsonNode payroll = getJson("/api/projects/" + projectId + "/payroll");
        assertThat(new BigDecimal(payroll.get("totalPaid").asText())).isEqualTo(new BigDecimal("58016.67"));
        assertThat(payroll.get("payrolls")).hasSize(3);
    }

    @Test
    void the_live_share_per_project_and_department_and_the_roster_import_all_or_nothing() throws Exception {
        CLOCK.set(Instant.parse("2020-07-08T02:00:00Z"));
        String projectId = id(post("/api/projects", """
                {"name":"丁青县水利枢纽配套工程","countyCode":"540324","department":"水利局",
                 "governmentInvested":true,"plannedWorkforce":10}"""), "projectId");
        String a = TestPeople.residentId("540324", 310_001);
        String b = TestPeople.residentId("540324", 310_002);
        String c = TestPeople.residentId("620102", 310_003);
        String csv = """
                姓名,身份证号,本地农牧民,户籍县区代码,工种,工资标准,计薪方式,进场日期
                次仁,%s,是,540324,钢筋工,5000.00,MONTHLY,2020-04-01
                多吉,%s,是,540324,焊工,5000.005,MONTHLY,2020-04-01
                马明,%s,否,,电工,5200.00,MONTHLY,2020-04-01
                次仁,%s,是,540324,钢筋工,5000.00,MONTHLY,2020-04-01
                """.formatted(a, b, c, a);
        int rosterReads = READS.of("pl_roster");
        ResponseEntity<String> refused = upload("/api/projects/" + projectId + "/roster/import", "roster.csv", csv);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(READS.of("pl_roster") - rosterReads).as("one read of the rosters per file").isEqualTo(1);
        assertThat(refused.getBody()).contains("\"row\":3", "\"field\":\"wageRate\"", "\"row\":5", "worker-on-roster-once");
        assertThat(getJson("/api/projects/" + projectId + "/roster")).as("nothing half-applied").isEmpty();

        ResponseEntity<String> partial = upload("/api/projects/" + projectId + "/roster/import?partial=true", "roster.csv", csv);
        assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(partial.getBody()).get("applied").asInt()).isEqualTo(2);

        JsonNode project = awaitJson("/api/projects?countyCode=540324", list -> list.size() == 1
                && list.get(0).get("totalWorkers").asInt() == 2);
        assertThat(new BigDecimal(project.get(0).get("localShare").asText())).isEqualTo(new BigDecimal("0.5000"));
        assertThat(project.get(0).get("belowTarget").asBoolean()).isFalse();
        JsonNode departments = getJson("/api/projects/departments");
        assertThat(departments.findValues("department").stream().map(JsonNode::asText)).contains("水利局");

        // the read model now has them: on this roster already, and on no other roster on the same days
        String dawa = TestPeople.residentId("540325", 310_004);
        JsonNode again = json.readTree(upload("/api/projects/" + projectId + "/roster/import", "roster.csv", """
                姓名,身份证号,本地农牧民,户籍县区代码,工种,工资标准,计薪方式,进场日期
                次仁,%s,是,540324,钢筋工,5000.00,MONTHLY,2020-04-01
                """.formatted(a)).getBody());
        assertThat(again.get("errors").findValuesAsText("rule")).containsExactly("worker-on-roster-once");
        String elsewhere = id(post("/api/projects", """
                {"name":"察雅县农村公路工程","countyCode":"540325","department":"交通局",
                 "governmentInvested":true,"plannedWorkforce":10}"""), "projectId");
        String toElsewhere = """
                姓名,身份证号,本地农牧民,户籍县区代码,工种,工资标准,计薪方式,进场日期
                次仁,%s,是,540324,钢筋工,5000.00,MONTHLY,2020-04-01
                达瓦,%s,是,540325,木工,4800.00,MONTHLY,2020-04-01
                """.formatted(a, dawa);
        ResponseEntity<String> onTwo = upload("/api/projects/" + elsewhere + "/roster/import", "roster.csv", toElsewhere);
        assertThat(onTwo.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode onTwoErrors = json.readTree(onTwo.getBody()).get("errors");
        assertThat(onTwoErrors.findValuesAsText("rule")).containsExactly("one-roster-at-a-time");
        assertThat(onTwoErrors.findValuesAsText("row")).containsExactly("2");
        ResponseEntity<String> onlyDawa = upload("/api/projects/" + elsewhere + "/roster/import?partial=true", "roster.csv",
                toElsewhere);
        assertThat(json.readTree(onlyDawa.getBody()).get("applied").asInt()).isEqualTo(1);

        // a payroll file for April: one line per worker on the roster (多吉 was never put on it)
        ResponseEntity<String> notOnRoster = upload("/api/projects/" + projectId + "/payrolls/import?period=2020-04",
                "payroll.csv", """
                姓名,身份证号,出勤天数,应发工资
                次仁,%s,,5000.00
                多吉,%s,,5000.00
                """.formatted(a, b));
        assertThat(notOnRoster.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notOnRoster.getBody()).contains("\"row\":3", "payroll-lines-on-roster");
        ResponseEntity<String> payroll = upload("/api/projects/" + projectId + "/payrolls/import?period=2020-04", "payroll.csv", """
                姓名,身份证号,出勤天数,应发工资
                次仁,%s,,5000.00
                马明,%s,,5200.00
                """.formatted(a, c));
        assertThat(payroll.getStatusCode()).as(payroll.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(payroll.getBody()).get("applied").asInt()).isEqualTo(2);

        // a dispute filed and resolved
        String disputeId = id(post("/api/projects/" + projectId + "/disputes", """
                {"name":"马明","residentId":"%s","category":"WAGE_ARREARS","claimedAmount":"5200.00","filedOn":"2020-05-20"}"""
                .formatted(c)), "disputeId");
        assertThat(post("/api/projects/" + projectId + "/disputes/" + disputeId + "/resolution", """
                {"outcome":"MEDIATED","awardedAmount":"5200.00","resolvedOn":"2020-05-28"}""").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode disputes = awaitJson("/api/projects/" + projectId + "/disputes",
                d -> d.size() == 1 && "RESOLVED".equals(d.get(0).path("status").asText()));
        assertThat(disputes.get(0).get("outcome").asText()).isEqualTo("MEDIATED");
    }

    @Test
    void the_api_is_documented_with_openapi_also_under_the_gateway_route() throws Exception {
        JsonNode docs = getJson("/api/projects/v3/api-docs");
        assertThat(docs.get("paths").has("/api/projects/{projectId}/roster")).isTrue();
        assertThat(docs.get("paths").has("/api/projects/arrears")).isTrue();
        assertThat(docs.get("paths").has("/api/projects/{projectId}/payrolls/import")).isTrue();
    }

    @Test
    void a_50000_line_payroll_is_refused_at_once_with_a_bounded_answer_and_a_flat_heap() throws Exception {
        CLOCK.set(Instant.parse("2020-07-08T02:00:00Z"));
        String projectId = id(post("/api/projects", """
                {"name":"类乌齐县道路工程","countyCode":"540323","department":"交通局",
                 "governmentInvested":false,"plannedWorkforce":50}"""), "projectId");
        StringBuilder good = new StringBuilder();
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            good.append(i == 0 ? "" : ",").append("{\"residentId\":\"")
                    .append(TestPeople.residentId("540323", 400_000 + i)).append("\"}");
            if (i < 10_000) {
                bad.append(i == 0 ? "" : ",").append("{\"residentId\":\"x\",\"daysWorked\":40}");
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();

        // 50,000 well-formed lines (1.8 MB): over the 10,000 items a list in a request takes, refused as it is read
        ResponseEntity<String> tooMany = timed("50,000 good lines", projectId, good);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(tooMany.getBody()).at("/errors/0/field").asText()).isEqualTo("lines");
        assertThat(json.readTree(tooMany.getBody()).at("/errors/0/rule").asText()).isEqualTo("max-items");
        // 10,000 bad lines: the first 100 of 20,000 errors and their count, not a 3 MB answer
        ResponseEntity<String> allBad = timed("10,000 bad lines", projectId, bad);
        assertThat(allBad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(allBad.getBody());
        assertThat(problem.at("/errors").size()).isEqualTo(100);
        assertThat(problem.at("/errorCount").asInt()).isEqualTo(20_000);
        assertThat(allBad.getBody().length()).isLessThan(64 * 1024);
        // a body over the 2 MB limit is not read at all
        ResponseEntity<String> tooLarge = timed("3 MB", projectId, new StringBuilder(good).append(',').append(good));
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(json.readTree(tooLarge.getBody()).at("/errors/0/rule").asText()).isEqualTo("max-body-size");

        // nothing of the requests is kept: the heap after them is where it was, give or take the collector's slack
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("[project-labor] heap after the three refusals: %+,d KB%n", (heapAfter - heapBefore) / 1024);
        assertThat(heapAfter - heapBefore).isLessThan(64L * 1024 * 1024);
        assertThat(getJson("/api/projects/" + projectId + "/payroll").path("payrolls").size()).isZero();
    }

    @Test
    void a_roster_file_sent_as_a_job_is_accepted_at_once_and_its_progress_and_report_are_at_its_address()
            throws Exception {
        CLOCK.set(Instant.parse("2020-07-08T02:00:00Z"));
        String projectId = id(post("/api/projects", """
                {"name":"芒康县供水工程","countyCode":"540328","department":"水利局",
                 "governmentInvested":true,"plannedWorkforce":300}"""), "projectId");
        StringBuilder csv = new StringBuilder("姓名,身份证号,本地农牧民,户籍县区代码,工种,工资标准,计薪方式,进场日期\n");
        for (int i = 0; i < 200; i++) {
            csv.append("工人").append(i).append(',').append(TestPeople.residentId("540328", 420_000 + i))
                    .append(",是,540328,钢筋工,5000.00,MONTHLY,2020-07-01\n");
        }
        ResponseEntity<String> accepted = upload("/api/projects/" + projectId + "/roster/import?job=true", "roster.csv",
                csv.toString());
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/projects/imports/");

        JsonNode done = awaitJson(location, job -> !job.get("state").asText().equals("RUNNING"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("rows").asInt()).isEqualTo(200);
        assertThat(done.get("applied").asInt()).isEqualTo(200);
        assertThat(done.at("/result/applied").asInt()).isEqualTo(200);
        awaitJson("/api/projects/" + projectId + "/roster", roster -> roster.size() == 200);
        // the job is its caller's: another actor is told there is none
        HttpHeaders other = new HttpHeaders();
        other.set("X-Actor-Id", "someone-else");
        other.set("X-Actor-Department", "x");
        assertThat(rest.exchange(location, org.springframework.http.HttpMethod.GET, new HttpEntity<>(other),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> timed(String what, String projectId, StringBuilder lines) {
        String body = "{\"period\":\"2020-06\",\"lines\":[" + lines + "]}";
        long started = System.nanoTime();
        ResponseEntity<String> answer = post("/api/projects/" + projectId + "/payrolls", body);
        System.out.printf("[project-labor] payroll of %s (%,d bytes) answered %d in %.2f s with %,d bytes%n", what,
                body.length(), answer.getStatusCode().value(), (System.nanoTime() - started) / 1e9,
                answer.getBody().length());
        return answer;
    }

    // ---- helpers ----

    private void advanceTo(String instant) {
        CLOCK.set(Instant.parse(instant));
        DueDeadlines.run(deadlineScheduler, CLOCK);
    }

    private void join(String projectId, String name, String residentId, boolean local, String rate, String cycle,
                      String joinedOn) {
        ResponseEntity<String> response = post("/api/projects/" + projectId + "/roster",
                joinBody(name, residentId, local, rate, cycle, joinedOn));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static String joinBody(String name, String residentId, boolean local, String rate, String cycle, String joinedOn) {
        return """
                {"name":"%s","residentId":"%s","localFarmerHerder":"%s","homeCountyCode":%s,"trade":"钢筋工",
                 "wageRate":"%s","payCycle":"%s","socialInsuranceRegistered":"是","joinedOn":"%s"}"""
                .formatted(name, residentId, local ? "是" : "否", local ? "\"540321\"" : "null", rate, cycle, joinedOn);
    }

    private void leave(String projectId, String residentId, String leftOn) {
        ResponseEntity<String> response = post("/api/projects/" + projectId + "/roster/departures", """
                {"residentId":"%s","leftOn":"%s"}""".formatted(residentId, leftOn));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void payroll(String projectId, String period, String lines) {
        ResponseEntity<String> response = post("/api/projects/" + projectId + "/payrolls", """
                {"period":"%s","lines":%s}""".formatted(period, lines));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void pay(String projectId, String name, String residentId, String period, String amount, String paidOn) {
        ResponseEntity<String> response = post("/api/projects/" + projectId + "/wages", """
                {"name":"%s","residentId":"%s","period":"%s","amount":"%s","paidOn":"%s","channel":"WAGE_SPECIAL_ACCOUNT"}"""
                .formatted(name, residentId, period, amount, paidOn));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private List<EventEnvelope> eventsOf(String projectId, int atLeast) {
        return TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.PROJECT_LABOR,
                        rs -> rs.stream().filter(r -> projectId.equals(r.key())).count() >= atLeast, Duration.ofSeconds(60))
                .stream().filter(r -> projectId.equals(r.key())).map(r -> EventJson.read(r.value())).toList();
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = getJson(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("read model did not reach the expected state: " + last);
    }

    private JsonNode getJson(String path) throws Exception {
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private String id(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).get(field).asText();
    }

    private ResponseEntity<String> upload(String path, String filename, String content) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Actor-Id", "engineer-1");
        headers.set("X-Actor-Department", "zhujianju");
        return headers;
    }

}
