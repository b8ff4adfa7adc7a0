package cn.changdu.labour.employment;

import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.Topics;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.EmploymentVerified;
import cn.changdu.labour.contracts.employment.IncomeReported;
import cn.changdu.labour.contracts.employment.OutOfRegionSubsidyRejected;
import cn.changdu.labour.contracts.employment.PlacementDetailsRecorded;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.infra.test.SqlReads;
import cn.changdu.labour.infra.test.DueDeadlines;
import cn.changdu.labour.infra.test.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeMap;
import cn.changdu.labour.infra.test.StoredEvents;
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

    @TestConfiguration
    static class ControlledTime {
        @Bean
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }

        /** The queries the service sends to its relational database, per table. */
        @Bean
        static SqlReads sqlReads() {
            return new SqlReads();
        }
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    MutableClock clock;

    @Autowired
    Scheduler deadlineScheduler;

    @Autowired
    SqlReads sqlReads;

    @Autowired
    DataSource dataSource;

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
                .stream().filter(r -> personKey.equals(r.key())).map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals("employment.WorkerPlaced")).toList();
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

    @Test
    void workers_are_placed_in_all_five_channels_and_every_event_reaches_kafka() throws Exception {
        Map<TransferChannel, String> keys = new EnumMap<>(TransferChannel.class);
        int n = 100;
        for (TransferChannel channel : TransferChannel.values()) {
            String extra = switch (channel) {
                case ORGANISED_OUT_OF_REGION -> ",\"destination\":\"OUT_OF_REGION\",\"destinationProvince\":\"天津市\",\"trainingClassId\":\"class-7\"";
                case CONSTRUCTION_PROJECT -> ",\"destination\":\"IN_COUNTY\",\"projectId\":\"prj-1\"";
                case SOCIAL_FORCES -> ",\"destination\":\"IN_TIBET\",\"organisedBy\":\"LABOUR_MARKET_BODY\"";
                default -> ",\"destination\":\"IN_COUNTY\",\"township\":\"岗托镇\"";
            };
            ResponseEntity<String> placed = post("""
                    {"name":"达瓦","residentId":"%s","countyCode":"540321","channel":"%s","employer":"某企业",
                     "startDate":"2020-06-01","expectedMonthlyIncome":"4000.00","occurredAt":"2020-06-01T02:00:00Z"%s}"""
                    .formatted(TestPeople.residentId("540321", n++), channel, extra));
            assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(HttpStatus.CREATED);
            keys.put(channel, json.readTree(placed.getBody()).get("personKey").asText());
        }
        List<EventEnvelope> events = employmentEvents(rs -> keys.values().stream().allMatch(k -> rs.stream()
                .filter(r -> k.equals(r.key())).count() >= 2));
        for (TransferChannel channel : TransferChannel.values()) {
            // (their 3-month checks, due in 2020, are overdue at once: that event may follow)
            List<EventEnvelope> mine = events.stream().filter(e -> keys.get(channel).equals(e.aggregateId()))
                    .filter(e -> !e.type().equals("employment.EmploymentVerificationOverdue")).toList();
            assertThat(mine).extracting(EventEnvelope::type)
                    .containsExactly("employment.WorkerPlaced", "employment.PlacementDetailsRecorded");
            assertThat(((WorkerPlaced) mine.get(0).payload()).channel()).isEqualTo(channel);
            PlacementDetailsRecorded details = (PlacementDetailsRecorded) mine.get(1).payload();
            assertThat(details.verificationDueOn()).isEqualTo(LocalDate.of(2020, 9, 1));
            assertThat(details.governmentOrganisedOutOfRegion()).isEqualTo(channel == TransferChannel.ORGANISED_OUT_OF_REGION);
            assertThat(mine.get(0).occurredAt()).isEqualTo(Instant.parse("2020-06-01T02:00:00Z"));
        }
        // nothing personal leaves the service
        assertThat(events.stream().map(EventJson::write)).noneMatch(j -> j.contains("达瓦") || j.contains("540321197"));
    }

    @Test
    void the_3_month_check_falls_due_through_the_persistent_deadline_manager_and_shows_as_overdue() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String residentId = TestPeople.residentId("540324", 300);
        ResponseEntity<String> placed = post("""
                {"name":"洛桑","residentId":"%s","countyCode":"540324","channel":"LOCAL_INDUSTRY","destination":"IN_COUNTY",
                 "employer":"丁青县民族手工艺品合作社","startDate":"%s","expectedMonthlyIncome":"2800.00"}"""
                .formatted(residentId, today));
        assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(HttpStatus.CREATED);
        String placementId = json.readTree(placed.getBody()).get("placementId").asText();
        String personKey = json.readTree(placed.getBody()).get("personKey").asText();

        DueDeadlines.run(deadlineScheduler, clock);
        awaitPlacement(placementId, p -> p.has("verificationDueOn"));
        assertThat(getPlacement(placementId).get("verificationOverdue").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(93));
        DueDeadlines.run(deadlineScheduler, clock);
        JsonNode overdue = awaitPlacement(placementId, p -> p.get("verificationOverdue").asBoolean());
        assertThat(overdue.get("verificationDueOn").asText()).isEqualTo(today.plusMonths(3).toString());
        assertThat(get("/api/employment/placements?countyCode=540324&overdue=true").getBody()).contains(placementId);

        // done late: the flag clears, the check is marked late
        ResponseEntity<String> verified = postTo("/api/employment/placements/" + placementId + "/verification", """
                {"residentId":"%s","verifiedOn":"%s","status":"STILL_EMPLOYED"}""".formatted(residentId, today.plusMonths(3).plusDays(2)));
        assertThat(verified.getStatusCode()).as(verified.getBody()).isEqualTo(HttpStatus.OK);
        awaitPlacement(placementId, p -> !p.get("verificationOverdue").asBoolean() && p.has("verifiedOn"));

        List<EventEnvelope> events = employmentEvents(rs -> rs.stream().anyMatch(r -> personKey.equals(r.key()) && r.value().contains("employment.EmploymentVerified\"")))
                .stream().filter(e -> personKey.equals(e.aggregateId())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("employment.WorkerPlaced",
                "employment.PlacementDetailsRecorded", "employment.EmploymentVerificationOverdue",
                "employment.EmploymentVerified");
        assertThat(events.get(2).actor().id()).isEqualTo("system:employment-verification");
        assertThat(events.get(2).actor().department()).isEqualTo("shi-rensheju");
        assertThat(((EmploymentVerified) events.get(3).payload()).late()).isTrue();
    }

    @Test
    void income_and_the_end_of_a_placement_are_recorded_and_refusals_store_nothing() throws Exception {
        String residentId = TestPeople.residentId("540325", 400);
        ResponseEntity<String> placed = post("""
                {"name":"格桑","residentId":"%s","countyCode":"540325","channel":"PRIVATE_ENTERPRISE","destination":"IN_COUNTY",
                 "employer":"察雅县雪域建材有限公司","startDate":"2020-06-08","expectedMonthlyIncome":"4200.00",
                 "phone":"13800001234","occurredAt":"2020-06-08T02:00:00Z"}""".formatted(residentId));
        String placementId = json.readTree(placed.getBody()).get("placementId").asText();
        String personKey = json.readTree(placed.getBody()).get("personKey").asText();
        String path = "/api/employment/placements/" + placementId;

        assertThat(postTo(path + "/income", """
                {"residentId":"%s","period":"2020-06","amount":"3150.5"}""".formatted(residentId)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> twice = postTo(path + "/income", """
                {"residentId":"%s","period":"2020-06","amount":"10.00"}""".formatted(residentId));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(twice.getBody()).get("rule").asText()).isEqualTo("income-once-per-period");
        ResponseEntity<String> unknown = postTo("/api/employment/placements/nope/end", """
                {"residentId":"%s","endedOn":"2020-09-01","reason":"RESIGNED"}""".formatted(residentId));
        assertThat(json.readTree(unknown.getBody()).get("rule").asText()).isEqualTo("placement-of-this-person");
        ResponseEntity<String> bad = postTo(path + "/income", """
                {"residentId":"%s","period":"2020-07","amount":"1.001"}""".formatted(residentId));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("\"field\":\"amount\"");
        assertThat(postTo(path + "/end", """
                {"residentId":"%s","endedOn":"2020-09-01","reason":"RESIGNED"}""".formatted(residentId)).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode view = awaitPlacement(placementId, p -> "ENDED".equals(p.get("status").asText()));
        assertThat(view.get("totalIncome").asText()).isEqualTo("3150.50");
        assertThat(view.get("name").asText()).isEqualTo("格***");
        assertThat(view.get("residentId").asText()).doesNotContain(residentId.substring(6, 14));
        assertThat(view.get("phone").asText()).isEqualTo("138******34");
        // a person's history by resident ID: a read with the ID in the body, never in the URL; by person key a GET
        long storedBeforeReads = storedExceptOverdueChecks();
        JsonNode full = json.readTree(historyOf(residentId, "personal-data").getBody());
        assertThat(full.get(0).get("name").asText()).isEqualTo("格桑");
        assertThat(full.get(0).get("residentId").asText()).isEqualTo(residentId);
        JsonNode byKey = json.readTree(get("/api/employment/people/" + personKey + "/placements").getBody());
        assertThat(byKey.get(0).get("placementId").asText()).isEqualTo(placementId);
        assertThat(byKey.get(0).get("name").asText()).isEqualTo("格***");
        ResponseEntity<String> badId = historyOf(residentId.substring(0, 17) + (residentId.endsWith("0") ? "1" : "0"));
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badId.getBody()).at("/errors/0/field").asText()).isEqualTo("residentId");
        assertThat(json.readTree(badId.getBody()).at("/errors/0/rule").asText()).isEqualTo("ValidResidentId");
        // a resident ID where the key belongs is refused without being echoed
        ResponseEntity<String> idInPath = get("/api/employment/people/" + residentId + "/placements");
        assertThat(idInPath.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode idRefused = json.readTree(idInPath.getBody());
        assertThat(idRefused.at("/errors/0/field").asText()).isEqualTo("personKey");
        assertThat(idRefused.at("/errors/0/rule").asText()).isEqualTo("person-key");
        assertThat(idRefused.path("detail").asText() + idRefused.path("errors")).doesNotContain(residentId);
        assertThat(storedExceptOverdueChecks()).isEqualTo(storedBeforeReads);
        // an unknown placement is a 404 problem detail, not an empty body
        ResponseEntity<String> unknownPlacement = get("/api/employment/placements/no-such-placement");
        assertThat(unknownPlacement.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownPlacement.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(unknownPlacement.getBody()).get("detail").asText()).contains("no-such-placement");

        // the 3-month check of this 2020 placement is long overdue: that event may come in between
        List<EventEnvelope> events = employmentEvents(rs -> rs.stream().anyMatch(r -> personKey.equals(r.key()) && r.value().contains("employment.EmploymentEnded")))
                .stream().filter(e -> personKey.equals(e.aggregateId()))
                .filter(e -> !"employment.EmploymentVerificationOverdue".equals(e.type())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("employment.WorkerPlaced",
                "employment.PlacementDetailsRecorded", "employment.IncomeReported", "employment.EmploymentEnded");
        IncomeReported income = (IncomeReported) events.get(2).payload();
        assertThat(income.amount()).isEqualTo(new BigDecimal("3150.50"));
        assertThat(income.period()).isEqualTo(YearMonth.of(2020, 6));
    }

    @Test
    void intermediaries_subsidies_jobs_households_urban_employment_and_job_fairs_through_the_api() throws Exception {
        // --- a recognised intermediary delivers a worker out of the region
        String intermediaryId = created(postTo("/api/employment/intermediaries", """
                {"name":"西藏高原劳务派遣有限公司","kind":"HR_AGENCY","countyCode":"540326","recognisedOn":"2020-03-01"}"""),
                "intermediaryId");
        await("/api/employment/intermediaries?countyCode=540326", n -> n.toString().contains(intermediaryId));
        String worker = TestPeople.residentId("540326", 500);
        JsonNode placed = json.readTree(postTo("/api/employment/placements", """
                {"name":"尼玛","residentId":"%s","countyCode":"540326","channel":"SOCIAL_FORCES","destination":"OUT_OF_REGION",
                 "destinationProvince":"广东省","organisedBy":"LABOUR_MARKET_BODY","intermediaryId":"%s",
                 "employer":"东莞某电子厂","startDate":"2020-05-01","expectedMonthlyIncome":"4800.00"}"""
                .formatted(worker, intermediaryId)).getBody());
        String placementId = placed.get("placementId").asText();
        String workerKey = placed.get("personKey").asText();
        ResponseEntity<String> unknown = postTo("/api/employment/placements", """
                {"name":"尼玛","residentId":"%s","countyCode":"540326","channel":"SOCIAL_FORCES","destination":"IN_TIBET",
                 "intermediaryId":"im-unknown","employer":"某公司","startDate":"2020-05-01"}"""
                .formatted(TestPeople.residentId("540326", 501)));
        assertThat(json.readTree(unknown.getBody()).get("rule").asText()).isEqualTo("intermediary-recognised");

        // --- subsidies: the intermediary's after the 3-month check, the out-of-region one rejected (not government-organised)
        String path = "/api/employment/placements/" + placementId;
        String subsidy = "{\"residentId\":\"%s\"}".formatted(worker);
        assertThat(json.readTree(postTo(path + "/intermediary-subsidy", subsidy).getBody()).get("rule").asText())
                .isEqualTo("intermediary-subsidy-needs-verified-employment");
        assertThat(postTo(path + "/verification", """
                {"residentId":"%s","verifiedOn":"2020-08-01","status":"STILL_EMPLOYED"}""".formatted(worker))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(postTo(path + "/intermediary-subsidy", subsidy).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(postTo(path + "/intermediary-subsidy", subsidy).getBody()).get("rule").asText())
                .isEqualTo("intermediary-subsidy-once-per-worker");
        assertThat(postTo(path + "/out-of-region-subsidy", subsidy).getStatusCode()).isEqualTo(HttpStatus.OK);

        // --- a suspended intermediary places nobody
        assertThat(postTo("/api/employment/intermediaries/" + intermediaryId + "/suspension", """
                {"reason":"虚报输出人数","suspendedOn":"2020-09-01"}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        await("/api/employment/intermediaries?status=SUSPENDED", n -> n.toString().contains(intermediaryId));
        ResponseEntity<String> suspended = postTo("/api/employment/placements", """
                {"name":"拉巴","residentId":"%s","countyCode":"540326","channel":"SOCIAL_FORCES","destination":"IN_TIBET",
                 "intermediaryId":"%s","employer":"某公司","startDate":"2020-09-02"}"""
                .formatted(TestPeople.residentId("540326", 502), intermediaryId));
        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(suspended.getBody()).contains("\"field\":\"intermediaryId\"");

        // --- a job posting published, filled in two steps, overfilling refused
        String postingId = created(postTo("/api/employment/jobs", """
                {"countyCode":"540326","employer":"八宿县然乌湖旅游服务有限公司","sector":"旅游","positions":3,
                 "monthlyWage":"3500.00","region":"IN_COUNTY","publishedOn":"2020-04-01"}"""), "postingId");
        String fills = "/api/employment/jobs/" + postingId + "/fills";
        assertThat(postTo(fills, "{\"positionsFilled\":2,\"filledOn\":\"2020-04-10\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(postTo(fills, "{\"positionsFilled\":2,\"filledOn\":\"2020-04-11\"}").getBody())
                .get("rule").asText()).isEqualTo("filled-within-positions");
        assertThat(postTo(fills, "{\"positionsFilled\":1,\"filledOn\":\"2020-04-12\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        await("/api/employment/jobs?countyCode=540326&status=FILLED", n -> n.toString().contains(postingId));

        // --- relocated households: listed per site while nobody of them is employed
        String site = "然乌镇易地搬迁安置点-" + UUID.randomUUID();
        String household = created(postTo("/api/employment/households", """
                {"countyCode":"540326","site":"%s","headName":"次旺","headResidentId":"%s","membersAbleToWork":2,
                 "registeredOn":"2020-03-01"}""".formatted(site, TestPeople.residentId("540326", 510))), "householdId");
        String other = created(postTo("/api/employment/households", """
                {"countyCode":"540326","site":"%s","headName":"边巴","headResidentId":"%s","membersAbleToWork":1,
                 "registeredOn":"2020-03-01"}""".formatted(site, TestPeople.residentId("540326", 511))), "householdId");
        String siteQuery = "/api/employment/households?site=" + site; // the template encodes it
        await(siteQuery + "&nobodyEmployed=true", n -> n.size() == 2);
        String member = TestPeople.residentId("540326", 512);
        String fair = created(postTo("/api/employment/job-fairs", """
                {"countyCode":"540326","name":"八宿县春风行动招聘会","heldOn":"2020-03-15","employers":8,
                 "positionsOffered":120,"attendance":430}"""), "jobFairId");
        await("/api/employment/job-fairs?countyCode=540326", n -> n.toString().contains(fair));
        JsonNode memberPlaced = json.readTree(postTo("/api/employment/placements", """
                {"name":"次旺","residentId":"%s","countyCode":"540326","channel":"LOCAL_INDUSTRY","destination":"IN_COUNTY",
                 "householdId":"%s","jobFairId":"%s","employer":"八宿县然乌湖旅游服务有限公司","startDate":"2020-04-12"}"""
                .formatted(member, household, fair)).getBody());
        JsonNode nobody = await(siteQuery + "&nobodyEmployed=true", n -> n.size() == 1);
        assertThat(nobody.get(0).get("householdId").asText()).isEqualTo(other);
        assertThat(nobody.get(0).get("headName").asText()).isEqualTo("边***");
        JsonNode sites = await("/api/employment/households/sites?countyCode=540326", n -> n.toString().contains(site));
        assertThat(sites.toString()).contains("\"households\":2", "\"nobodyEmployed\":1");
        await("/api/employment/job-fairs?countyCode=540326", n -> n.toString().contains("\"placementsAttributed\":1"));
        assertThat(postTo("/api/employment/placements/" + memberPlaced.get("placementId").asText() + "/end", """
                {"residentId":"%s","endedOn":"2020-10-31","reason":"CONTRACT_ENDED"}""".formatted(member))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        await(siteQuery + "&nobodyEmployed=true", n -> n.size() == 2);
        ResponseEntity<String> noHousehold = postTo("/api/employment/placements", """
                {"name":"次旺","residentId":"%s","countyCode":"540326","channel":"LOCAL_INDUSTRY","destination":"IN_COUNTY",
                 "householdId":"hh-nope","employer":"某公司","startDate":"2020-11-12"}""".formatted(member));
        assertThat(json.readTree(noHousehold.getBody()).get("rule").asText()).isEqualTo("household-registered");

        // --- urban employment and the registered unemployment rate against a configured labour-force base
        assertThat(put("/api/employment/urban/labour-force/540330/2020", "{\"labourForce\":1000}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String jobless1 = TestPeople.residentId("540330", 520);
        String jobless2 = TestPeople.residentId("540330", 521);
        for (String id : List.of(jobless1, jobless2)) {
            assertThat(postTo("/api/employment/urban/unemployment", """
                    {"name":"央金","residentId":"%s","countyCode":"540330","registeredOn":"2020-02-01"}""".formatted(id))
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(json.readTree(postTo("/api/employment/urban/unemployment", """
                {"name":"央金","residentId":"%s","countyCode":"540330","registeredOn":"2020-02-02"}""".formatted(jobless1))
                .getBody()).get("rule").asText()).isEqualTo("unemployment-registered-once");
        assertThat(postTo("/api/employment/urban/employment", """
                {"name":"央金","residentId":"%s","countyCode":"540330","employer":"边坝县城投公司","registeredOn":"2020-06-01"}"""
                .formatted(jobless1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode rate = await("/api/employment/urban/unemployment-rate?countyCode=540330&year=2020",
                n -> n.get("registeredUnemployed").asLong() == 1 && n.get("urbanNewEmployment").asLong() == 1
                        && n.get("labourForce").asLong() == 1000);
        assertThat(rate.get("ratePercent").asText()).isEqualTo("0.10");

        // --- everything reached Kafka, without personal data
        List<EventEnvelope> events = employmentEvents(rs -> rs.stream().anyMatch(r -> r.value().contains("UrbanEmploymentRegistered")
                && r.value().contains("540330")) && rs.stream().anyMatch(r -> r.value().contains("OutOfRegionSubsidyRejected")
                && workerKey.equals(r.key())));
        assertThat(events).extracting(EventEnvelope::type).contains("employment.LabourIntermediaryRecognised",
                "employment.LabourIntermediarySuspended", "employment.IntermediarySubsidyGranted",
                "employment.OutOfRegionSubsidyRejected", "employment.JobPostingPublished", "employment.JobPostingFilled",
                "employment.RelocatedHouseholdRegistered", "employment.JobFairHeld", "employment.UnemploymentRegistered",
                "employment.UnemploymentEnded", "employment.UrbanEmploymentRegistered", "employment.UrbanLabourForceBaseSet");
        OutOfRegionSubsidyRejected rejected = events.stream().map(EventEnvelope::payload)
                .filter(OutOfRegionSubsidyRejected.class::isInstance).map(OutOfRegionSubsidyRejected.class::cast)
                .filter(r -> r.placementId().equals(placementId)).findFirst().orElseThrow();
        assertThat(rejected.reasons()).containsExactly("government-organised");
        assertThat(events.stream().map(EventJson::write)).noneMatch(j -> j.contains("次旺") || j.contains("央金")
                || j.contains(worker) || j.contains(jobless1));
    }

    @Test
    void a_placement_roster_is_imported_whole_or_with_partial_true_only_its_good_rows() throws Exception {
        String good = TestPeople.residentId("540328", 600);
        String twice = TestPeople.residentId("540328", 601);
        String csv = "姓名,身份证号,户籍县区代码,转移渠道,就业地域,用工单位,就业日期,预期月收入,中介机构编号\n"
                + "扎西,%s,540328,产业吸纳,县内,芒康县葡萄酒业有限公司,2020-07-01,3200.00,\n".formatted(good)
                + "次仁,540328199901011234,540328,产业吸纳,县内,芒康县葡萄酒业有限公司,2020-07-01,3200.00,\n"
                + "多吉,%s,540328,产业吸纳,县内,芒康县葡萄酒业有限公司,2020-07-01,3200.00,im-1\n".formatted(twice)
                + "多吉,%s,540328,LOCAL_INDUSTRY,IN_COUNTY,芒康县盐井纳西民俗酒店有限公司,2020-07-02,3000,\n".formatted(twice)
                + "多吉,%s,540328,社会力量,区外,某厂,2020-07-03,3000.001,\n".formatted(TestPeople.residentId("540328", 602));

        int placementReads = sqlReads.of("employment_placement");
        ResponseEntity<String> refused = upload(csv, false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(sqlReads.of("employment_placement") - placementReads).as("one read of the placements per file").isEqualTo(1);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("applied").asInt()).isZero();
        assertThat(problem.get("errors").toString()).contains("\"row\":3", "\"field\":\"residentId\"",
                "\"row\":4", "intermediary-only-for-social-forces", "\"row\":6", "expectedMonthlyIncome");
        assertThat(problem.get("errors")).hasSize(3);

        ResponseEntity<String> partial = upload(csv, true);
        assertThat(partial.getStatusCode()).as(partial.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(partial.getBody());
        assertThat(report.get("applied").asInt()).isEqualTo(2); // 扎西 and 多吉's second row; nothing of the first try
        assertThat(report.get("rows").asInt()).isEqualTo(5);
        JsonNode history = await(() -> historyOf(twice), "history of " + twice, n -> n.size() == 1);
        assertThat(history.get(0).get("employer").asText()).isEqualTo("芒康县盐井纳西民俗酒店有限公司");
        await(() -> historyOf(good), "history of " + good, n -> n.size() == 1);

        // the same file resent is answered as the first time (its implicit idempotency key) and records nothing more
        ResponseEntity<String> resent = upload(csv, true);
        assertThat(resent.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(resent.getBody()).isEqualTo(partial.getBody());
        // sent again on purpose (a key of its own), the same roster finds the people already placed
        JsonNode again = json.readTree(upload(csv, true, java.util.UUID.randomUUID().toString()).getBody());
        assertThat(again.get("applied").asInt()).isZero();
        assertThat(again.get("errors").toString()).contains("one-active-placement-per-person");
    }

    @Test
    void job_fairs_list_the_placements_attributed_to_each_reading_the_placements_once() throws Exception {
        String spring = created(postTo("/api/employment/job-fairs", """
                {"countyCode":"540329","name":"洛隆县春风行动招聘会","heldOn":"2020-03-10","employers":6,
                 "positionsOffered":80,"attendance":300}"""), "jobFairId");
        String autumn = created(postTo("/api/employment/job-fairs", """
                {"countyCode":"540329","name":"洛隆县金秋招聘会","heldOn":"2020-09-10","employers":4,
                 "positionsOffered":50,"attendance":120}"""), "jobFairId");
        String elsewhere = created(postTo("/api/employment/job-fairs", """
                {"countyCode":"540323","name":"类乌齐县招聘会","heldOn":"2020-04-10","employers":3,
                 "positionsOffered":30,"attendance":90}"""), "jobFairId");
        await("/api/employment/job-fairs", n -> n.toString().contains(spring) && n.toString().contains(autumn)
                && n.toString().contains(elsewhere));
        // two placements from the spring fair (one ended later: it still counts), one from the fair elsewhere
        String ended = placedFrom(spring, "540329", 700);
        placedFrom(spring, "540329", 701);
        placedFrom(elsewhere, "540323", 702);
        assertThat(postTo("/api/employment/placements/" + ended + "/end", """
                {"residentId":"%s","endedOn":"2020-06-30","reason":"RESIGNED"}"""
                .formatted(TestPeople.residentId("540329", 700))).getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitPlacement(ended, p -> "ENDED".equals(p.path("status").asText()));

        JsonNode county = await("/api/employment/job-fairs?countyCode=540329",
                n -> attributed(n, spring) == 2 && attributed(n, autumn) == 0);
        assertThat(county.findValuesAsText("jobFairId")).containsExactly(spring, autumn); // by the day held
        int before = sqlReads.of("employment_placement");
        JsonNode all = json.readTree(get("/api/employment/job-fairs").getBody());
        assertThat(sqlReads.of("employment_placement") - before).as("one read of the placements for all fairs listed").isEqualTo(1);
        assertThat(attributed(all, spring)).isEqualTo(2);
        assertThat(attributed(all, autumn)).isZero();
        assertThat(attributed(all, elsewhere)).isEqualTo(1);

        // the placements read model is indexed by person and by job fair
        assertThat(indexes("employment_placement"))
                .anySatisfy(columns -> assertThat(columns).containsExactly("person_key"))
                .anySatisfy(columns -> assertThat(columns).containsExactly("job_fair_id"));
    }

    /** The columns of each index of a table, in index order. */
    private Collection<List<String>> indexes(String table) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    columns.computeIfAbsent(rs.getString("INDEX_NAME"), i -> new ArrayList<>())
                            .add(rs.getString("COLUMN_NAME").toLowerCase()); // in ORDINAL_POSITION order
                }
            }
        }
        return columns.values();
    }

    private String placedFrom(String jobFairId, String county, int person) throws Exception {
        return created(postTo("/api/employment/placements", """
                {"name":"格桑","residentId":"%s","countyCode":"%s","channel":"LOCAL_INDUSTRY","destination":"IN_COUNTY",
                 "jobFairId":"%s","employer":"昌都市某公司","startDate":"2020-04-20"}"""
                .formatted(TestPeople.residentId(county, person), county, jobFairId)), "placementId");
    }

    private static long attributed(JsonNode fairs, String jobFairId) {
        for (JsonNode fair : fairs) {
            if (jobFairId.equals(fair.path("jobFairId").asText())) {
                return fair.path("placementsAttributed").asLong(-1);
            }
        }
        return -1;
    }

    @Test
    void an_imported_roster_is_checked_against_intermediaries_households_and_job_fairs_read_once_per_file() throws Exception {
        String recognised = created(postTo("/api/employment/intermediaries", """
                {"name":"左贡县劳务合作社","kind":"TRANSFER_COOPERATIVE","countyCode":"540327","recognisedOn":"2020-03-01"}"""),
                "intermediaryId");
        String suspended = created(postTo("/api/employment/intermediaries", """
                {"name":"左贡县某劳务公司","kind":"LABOUR_BROKER","countyCode":"540327","recognisedOn":"2020-03-01"}"""),
                "intermediaryId");
        assertThat(postTo("/api/employment/intermediaries/" + suspended + "/suspension", """
                {"reason":"虚报输出人数","suspendedOn":"2020-04-01"}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        String household = created(postTo("/api/employment/households", """
                {"countyCode":"540327","site":"左贡县安置点","headName":"次旺","headResidentId":"%s","membersAbleToWork":2,
                 "registeredOn":"2020-03-01"}""".formatted(TestPeople.residentId("540327", 800))), "householdId");
        String fair = created(postTo("/api/employment/job-fairs", """
                {"countyCode":"540327","name":"左贡县招聘会","heldOn":"2020-03-15","employers":5,
                 "positionsOffered":40,"attendance":150}"""), "jobFairId");
        await("/api/employment/intermediaries?status=SUSPENDED", n -> n.toString().contains(suspended));
        await("/api/employment/intermediaries?status=RECOGNISED", n -> n.toString().contains(recognised));
        await("/api/employment/households?countyCode=540327", n -> n.toString().contains(household));
        await("/api/employment/job-fairs?countyCode=540327", n -> n.toString().contains(fair));

        String row = "%s,%s,540327,社会力量,区内,拉萨某公司,2020-05-01,%s,%s,%s\n";
        String csv = "姓名,身份证号,户籍县区代码,转移渠道,就业地域,用工单位,就业日期,中介机构编号,搬迁户编号,招聘活动编号\n"
                + row.formatted("扎西", TestPeople.residentId("540327", 801), recognised, household, fair)
                + row.formatted("次仁", TestPeople.residentId("540327", 802), "im-nope", "", "")
                + row.formatted("多吉", TestPeople.residentId("540327", 803), suspended, "", "")
                + row.formatted("拉巴", TestPeople.residentId("540327", 804), "", "hh-nope", "")
                + row.formatted("央金", TestPeople.residentId("540327", 805), "", "", "fair-nope")
                + row.formatted("卓玛", TestPeople.residentId("540327", 806), recognised, household, fair);

        Map<String, Integer> before = Map.of("employment_placement", sqlReads.of("employment_placement"),
                "employment_intermediary", sqlReads.of("employment_intermediary"),
                "employment_household", sqlReads.of("employment_household"),
                "employment_job_fair", sqlReads.of("employment_job_fair"));
        ResponseEntity<String> refused = upload(csv, false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        before.forEach((table, reads) -> assertThat(sqlReads.of(table) - reads)
                .as("reads of %s for the whole file", table).isEqualTo(1));
        JsonNode errors = json.readTree(refused.getBody()).get("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.findValuesAsText("row")).containsExactly("3", "4", "5", "6");
        assertThat(errors.findValuesAsText("rule")).containsExactly("intermediary-recognised",
                "intermediary-recognised", "household-registered", "job-fair-held");
        assertThat(errors.get(0).get("message").asText()).contains("im-nope");
        assertThat(errors.get(1).get("message").asText()).contains("暂停");

        JsonNode report = json.readTree(upload(csv, true).getBody());
        assertThat(report.get("applied").asInt()).isEqualTo(2);
        await("/api/employment/placements?jobFairId=" + fair, n -> n.size() == 2);
    }

    /**
     * An event stored before its record had a file of its own carries its holder class's name as payload type
     * (RenamedEventTypes): the aggregate is still sourced from it and the view still applies it.
     */
    @Test
    void an_event_stored_under_its_old_nested_class_name_is_read_as_the_record() throws Exception {
        String current = created(postTo("/api/employment/intermediaries", """
                {"name":"八宿县劳务合作社","kind":"TRANSFER_COOPERATIVE","countyCode":"540326","recognisedOn":"2020-03-01"}"""),
                "intermediaryId");
        String legacy = "im-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement stored = connection.prepareStatement(
                     "SELECT type, metadata, payload, timestamp FROM domainevententry WHERE aggregateidentifier = ?");
             java.sql.PreparedStatement append = connection.prepareStatement("""
                     INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                         payload, payloadtype, timestamp)
                     VALUES (?, 0, ?, ?, ?, ?, ?, ?)""")) {
            // the recognition just stored, stored again for another intermediary as the old code wrote it
            stored.setString(1, current);
            try (ResultSet rs = stored.executeQuery()) {
                assertThat(rs.next()).isTrue();
                append.setString(1, legacy);
                append.setString(2, rs.getString("type"));
                append.setString(3, UUID.randomUUID().toString());
                append.setBytes(4, rs.getBytes("metadata"));
                append.setBytes(5, new String(rs.getBytes("payload"), java.nio.charset.StandardCharsets.UTF_8)
                        .replace(current, legacy).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                append.setString(6, "cn.changdu.labour.employment.intermediaries.api.IntermediaryCommands$IntermediaryRecognisedEvent");
                append.setString(7, rs.getString("timestamp"));
            }
            append.executeUpdate();
        }

        assertThat(postTo("/api/employment/intermediaries/" + legacy + "/suspension", """
                {"reason":"虚报输出人数","suspendedOn":"2020-04-01"}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        await("/api/employment/intermediaries?status=SUSPENDED", n -> n.toString().contains(legacy));
    }

    private ResponseEntity<String> upload(String csv, boolean partial) {
        return upload(csv, partial, null);
    }

    private ResponseEntity<String> upload(String csv, boolean partial, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Actor-Id", "officer-2");
        headers.set("X-Actor-Department", "shi-rensheju");
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("file", new org.springframework.core.io.ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "roster.csv";
            }
        });
        return rest.postForEntity("/api/employment/placements/import?partial=" + partial, new HttpEntity<>(body, headers),
                String.class);
    }

    @Test
    void the_api_is_documented_with_openapi() {
        String docs = get("/api/employment/v3/api-docs").getBody();
        assertThat(docs).contains("/api/employment/placements", "/api/employment/placements/{placementId}/verification",
                "/api/employment/placements/import", "/api/employment/jobs", "/api/employment/intermediaries",
                "/api/employment/households", "/api/employment/urban/unemployment-rate", "/api/employment/job-fairs",
                "/api/employment/people/placements", "/api/employment/people/{personKey}/placements");
    }

    private String created(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).get(field).asText();
    }

    private JsonNode await(String path, java.util.function.Predicate<JsonNode> condition) throws Exception {
        return await(() -> get(path), path, condition);
    }

    private JsonNode await(java.util.function.Supplier<ResponseEntity<String>> read, String path,
                           java.util.function.Predicate<JsonNode> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode node = null;
        while (System.nanoTime() < until) {
            ResponseEntity<String> response = read.get();
            if (response.getStatusCode() == HttpStatus.OK) {
                node = json.readTree(response.getBody());
                if (condition.test(node)) {
                    return node;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not reach the expected state: " + node);
    }

    private ResponseEntity<String> put(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "officer-2");
        headers.set("X-Actor-Department", "shi-rensheju");
        return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private List<EventEnvelope> employmentEvents(java.util.function.Predicate<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>>> done) {
        return TopicReader.readUntil(TestInfra.shared().kafkaBootstrapServers(), Topics.EMPLOYMENT, done, Duration.ofSeconds(30))
                .stream().map(r -> EventJson.read(r.value())).toList();
    }

    private JsonNode getPlacement(String placementId) throws Exception {
        ResponseEntity<String> response = get("/api/employment/placements/" + placementId);
        return response.getStatusCode() == HttpStatus.OK ? json.readTree(response.getBody()) : null;
    }

    private JsonNode awaitPlacement(String placementId, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode placement = null;
        while (System.nanoTime() < until) {
            placement = getPlacement(placementId);
            if (placement != null && condition.test(placement)) {
                return placement;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("placement " + placementId + " did not reach the expected state: " + placement);
    }

    private ResponseEntity<String> get(String path, String... roles) {
        HttpHeaders headers = new HttpHeaders();
        if (roles.length > 0) {
            headers.set("X-Actor-Roles", String.join(",", roles));
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The events stored but the 3-month-check deadline's (which may fire at any time for a 2020 placement). */
    private long storedExceptOverdueChecks() {
        return new StoredEvents(dataSource).all().stream()
                .filter(e -> !e.payloadType().contains("VerificationOverdue")).count();
    }

    /** A person's placements by resident ID: a POST query carrying the ID in its body (a read, no actor needed). */
    private ResponseEntity<String> historyOf(String residentId, String... roles) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (roles.length > 0) {
            headers.set("X-Actor-Roles", String.join(",", roles));
        }
        return rest.postForEntity("/api/employment/people/placements",
                new HttpEntity<>("{\"residentId\":\"" + residentId + "\"}", headers), String.class);
    }

    private ResponseEntity<String> postTo(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "officer-2");
        headers.set("X-Actor-Department", "shi-rensheju");
        return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "officer-2");
        headers.set("X-Actor-Department", "shi-rensheju");
        return rest.postForEntity("/api/employment/placements", new HttpEntity<>(body, headers), String.class);
    }
}
