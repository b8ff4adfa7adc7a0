package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.EmploymentEnded;
import cn.changdu.labour.contracts.employment.EndReason;
import cn.changdu.labour.contracts.employment.IncomeReported;
import cn.changdu.labour.contracts.employment.JobPostingPublished;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.PlacementDetailsRecorded;
import cn.changdu.labour.contracts.employment.RelocatedHouseholdRegistered;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.UnemploymentEnded;
import cn.changdu.labour.contracts.employment.UnemploymentRegistered;
import cn.changdu.labour.contracts.employment.UrbanEmploymentRegistered;
import cn.changdu.labour.contracts.employment.UrbanLabourForceBaseSet;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.WageArrearsChanged;
import cn.changdu.labour.contracts.projectlabor.WageArrearsCleared;
import cn.changdu.labour.contracts.projectlabor.WageArrearsDetected;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.contracts.projectlabor.WorkerLeftProject;
import cn.changdu.labour.contracts.training.ClassCompleted;
import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.DuplicateTrainingAttempted;
import cn.changdu.labour.contracts.training.FollowUpRecorded;
import cn.changdu.labour.contracts.training.JobRecommended;
import cn.changdu.labour.contracts.training.PersonEnrolled;
import cn.changdu.labour.contracts.training.SubsidyApproved;
import cn.changdu.labour.contracts.training.SubsidyClaimed;
import cn.changdu.labour.contracts.training.SubsidyPaid;
import cn.changdu.labour.contracts.training.TraineeAssessed;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.reporting.alerts.Alerts;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scenario touching every indicator of the catalogue (in 2017, apart from the other tests' years), fed out of
 * order across topics, with a redelivered event and a late one; then every city indicator is asserted exactly.
 * A new indicator without an expectation here fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@WithPlatformInfra(database = "reporting_projection")
class EveryIndicatorTest {

    private static final String K = "540329";
    private static final LocalDate END = LocalDate.of(2017, 6, 30);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Alerts alerts;

    private final ObjectMapper json = new ObjectMapper();
    private final List<EventEnvelope> stream = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void every_indicator_is_exact() throws Exception {
        // training: a class of three, two passed (one consolidation, one order-directed), one recommended, one followed up twice
        training("c-17", new ClassFiled("c-17", K, "洛隆县培训中心", "电工", 3, LocalDate.of(2017, 6, 1), END));
        for (String p : List.of("pk_a", "pk_b", "pk_c")) {
            training("c-17", new TraineeEnrolled("c-17", p, K, "电工"));
            training(p, new PersonEnrolled(p, "c-17", K, "电工", "FIVE_MAJOR", p.equals("pk_a"), p.equals("pk_b"),
                    p.equals("pk_b"), null, null, LocalDate.of(2017, 6, 1), END));
        }
        training("c-17", new TraineeAssessed("c-17", "pk_a", K, true, END));
        training("c-17", new TraineeAssessed("c-17", "pk_b", K, true, END));
        training("c-17", new TraineeAssessed("c-17", "pk_c", K, false, END));
        training("c-17", new ClassCompleted("c-17", K, "电工", "FIVE_MAJOR", true, END, END, 3, 2, new BigDecimal("0.6667"), 2));
        // another class, all passed: no pass-rate alert for it
        training("c-17p", new ClassCompleted("c-17p", K, "焊工", "FIVE_MAJOR", false, END, END, 2, 2, new BigDecimal("1.0000"), 2));
        training("c-17", new JobRecommended("c-17", "pk_a", K, END.plusDays(3), 1, END));
        training("c-17", new FollowUpRecorded("c-17", "pk_a", K, END.plusDays(10), 1, "EMPLOYED", END));
        training("c-17", new FollowUpRecorded("c-17", "pk_a", K, END.plusMonths(4), 2, "EMPLOYED", END));
        // a refused attempt to train pk_b again in the same trade (recorded by training, counted and alerted here)
        training("pk_b", new DuplicateTrainingAttempted("pk_b", "c-17b", K, "电工", LocalDate.of(2017, 9, 1), "c-17", K,
                LocalDate.of(2017, 6, 1)));
        training("c-17", new SubsidyClaimed("c-17", "pk_a", K, new BigDecimal("1450.00"), END.plusDays(5)));
        training("c-17", new SubsidyApproved("c-17", "pk_a", K, new BigDecimal("1450.00"), END.plusDays(6)));
        training("c-17", new SubsidyPaid("c-17", "pk_a", K, new BigDecimal("1450.00"), END.plusDays(7)));
        // employment: two placements (one government-organised out of region, one from a relocated household that later ends)
        employment("pk_a", new WorkerPlaced("pl-1", "pk_a", K, TransferChannel.ORGANISED_OUT_OF_REGION,
                Destination.OUT_OF_REGION, "福建某厂", LocalDate.of(2017, 7, 10), new BigDecimal("5000.00")));
        employment("pk_a", new PlacementDetailsRecorded("pl-1", "pk_a", K, TransferChannel.ORGANISED_OUT_OF_REGION,
                Destination.OUT_OF_REGION, OrganisedBy.GOVERNMENT, "福建", null, "c-17", null, null, null,
                LocalDate.of(2017, 7, 10), LocalDate.of(2017, 10, 10), true));
        employment("pk_a", new IncomeReported("pl-1", "pk_a", K, TransferChannel.ORGANISED_OUT_OF_REGION,
                YearMonth.of(2017, 7), new BigDecimal("4800.50")));
        employment("h-1", new RelocatedHouseholdRegistered("h-1", K, "洛隆县搬迁点", 2, LocalDate.of(2017, 3, 1)));
        employment("h-2", new RelocatedHouseholdRegistered("h-2", K, "洛隆县搬迁点", 1, LocalDate.of(2017, 3, 1)));
        employment("pk_d", new WorkerPlaced("pl-2", "pk_d", K, TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY,
                "牦牛合作社", LocalDate.of(2017, 8, 1), null));
        employment("pk_d", new PlacementDetailsRecorded("pl-2", "pk_d", K, TransferChannel.LOCAL_INDUSTRY,
                Destination.IN_COUNTY, OrganisedBy.WORK_TEAM, null, null, null, null, "h-1", null,
                LocalDate.of(2017, 8, 1), LocalDate.of(2017, 11, 1), false));
        employment("pk_d", new EmploymentEnded("pl-2", "pk_d", K, "h-1", LocalDate.of(2017, 9, 1), EndReason.RESIGNED));
        employment("post-1", new JobPostingPublished("post-1", K, "某企业", "制造", 12, new BigDecimal("4000.00"),
                Destination.IN_TIBET, null, LocalDate.of(2017, 4, 1)));
        employment("u-1", new UrbanEmploymentRegistered("u-1", "pk_u", K, "某商店", LocalDate.of(2017, 5, 1)));
        employment("pk_x", new UnemploymentRegistered("pk_x", K, LocalDate.of(2017, 2, 1)));
        employment("pk_y", new UnemploymentRegistered("pk_y", K, LocalDate.of(2017, 2, 1)));
        employment("pk_y", new UnemploymentEnded("pk_y", K, LocalDate.of(2017, 4, 1), "EMPLOYED"));
        employment("base-" + K, new UrbanLabourForceBaseSet(K, 2017, 200));
        // project labour: a roster of two (one local), wages, an arrears case changed and one cleared
        project("p-17", new ProjectRegistered("p-17", "洛隆县道路工程", K, "交通局", true, 50));
        project("p-17", new WorkerJoinedProject("p-17", "pk_e", true, K, "钢筋工", LocalDate.of(2017, 5, 1), "交通局", true, 1, 1));
        project("p-17", new WorkerJoinedProject("p-17", "pk_f", false, null, "焊工", LocalDate.of(2017, 5, 2), "交通局", true, 1, 2));
        project("p-17", new WorkerJoinedProject("p-17", "pk_g", false, null, "焊工", LocalDate.of(2017, 5, 3), "交通局", true, 1, 3));
        project("p-17", new WorkerLeftProject("p-17", "pk_g", false, LocalDate.of(2017, 6, 1), "交通局", 1, 2));
        project("p-17", new WagePaid("p-17", "w-1", "pk_e", YearMonth.of(2017, 5), new BigDecimal("3000.10"), LocalDate.of(2017, 6, 5)));
        project("p-17", new WageArrearsDetected("p-17", "pk_f", YearMonth.of(2017, 5), new BigDecimal("3200.00"),
                LocalDate.of(2017, 6, 10), true, "交通局"));
        project("p-17", new WageArrearsChanged("p-17", "pk_f", YearMonth.of(2017, 5), new BigDecimal("1200.00"), true, "交通局"));
        project("p-17", new WageArrearsDetected("p-17", "pk_f", YearMonth.of(2017, 6), new BigDecimal("300.00"),
                LocalDate.of(2017, 7, 10), true, "交通局"));
        project("p-17", new WageArrearsDetected("p-17", "pk_e", YearMonth.of(2017, 6), new BigDecimal("500.00"),
                LocalDate.of(2017, 7, 10), true, "交通局"));
        project("p-17", new WageArrearsCleared("p-17", "pk_e", YearMonth.of(2017, 6), true, "交通局"));

        // out of order across topics: project labour first, then employment, then training; one event twice
        List<EventEnvelope> order = new ArrayList<>(stream.stream().filter(e -> e.source().equals(Sources.PROJECT_LABOR)).toList());
        order.addAll(stream.stream().filter(e -> e.source().equals(Sources.EMPLOYMENT)).toList());
        order.addAll(stream.stream().filter(e -> e.source().equals(Sources.TRAINING)).toList());
        order.add(stream.get(1));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope e : order) {
                producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
            }
        }

        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("classesFiled", "1"), Map.entry("peopleTrained", "3"), Map.entry("enrolments", "3"),
                Map.entry("consolidationTrained", "1"), Map.entry("enrolledPersons", "3"), Map.entry("orderDirectedTrained", "1"),
                Map.entry("classesCompleted", "2"), Map.entry("classesInspectedTwice", "2"), Map.entry("assessed", "3"),
                Map.entry("passed", "2"), Map.entry("qualifiedPersons", "2"), Map.entry("recommendedPersons", "1"),
                Map.entry("followedUpTwice", "1"), Map.entry("employedAfterTraining", "1"), Map.entry("employedAfterThreeMonths", "1"),
                Map.entry("subsidyClaimed", "1450.00"), Map.entry("subsidyApproved", "1450.00"), Map.entry("subsidyPaid", "1450.00"),
                Map.entry("transfers", "3"), Map.entry("transfersOrganisedOutOfRegion", "1"), Map.entry("transfersConstruction", "1"),
                Map.entry("transfersLocalIndustry", "1"), Map.entry("transfersSocialForces", "0"), Map.entry("transfersPrivateEnterprise", "0"),
                Map.entry("govOrganisedOutOfRegion", "1"), Map.entry("jobsDeveloped", "12"), Map.entry("urbanNewEmployment", "1"),
                Map.entry("registeredUnemployed", "1"), Map.entry("urbanLabourForce", "200"), Map.entry("transferIncome", "4800.50"),
                Map.entry("householdsWithNobodyEmployed", "2"), Map.entry("projectsRegistered", "1"), Map.entry("localWorkers", "1"),
                Map.entry("projectWorkers", "2"), Map.entry("wagePayments", "1"), Map.entry("wagesPaid", "3000.10"),
                Map.entry("openArrears", "1500.00"), Map.entry("openArrearsCases", "2"), Map.entry("openArrearsGovernment", "1500.00"),
                Map.entry("openArrearsWorkers", "1"), Map.entry("projectsInArrears", "1"), Map.entry("duplicateTrainingAttempts", "1"),
                Map.entry("orderDirectedShare", "33.3"), Map.entry("inspectedTwiceShare", "100.0"), Map.entry("passRate", "66.7"),
                Map.entry("recommendedShare", "50.0"), Map.entry("followedUpShare", "50.0"),
                Map.entry("employmentRateAfterTraining", "50.0"), Map.entry("employmentRateAfterThreeMonths", "50.0"),
                Map.entry("localLabourShare", "50.0"), Map.entry("urbanUnemploymentRate", "0.5")));
        expected.replaceAll((id, value) -> plain(value));

        Map<String, String> actual = new TreeMap<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            actual.clear();
            JsonNode view = json.readTree(rest.getForObject("/api/reports/dashboard?year=2017", String.class));
            for (JsonNode indicator : view.get("city")) {
                actual.put(indicator.get("id").asText(), indicator.get("value").isNull() ? null
                        : plain(indicator.get("value").asText()));
            }
            if (actual.equals(expected)) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(actual).isEqualTo(expected);

        // each project's local share and arrears as they stand
        JsonNode view = json.readTree(rest.getForObject("/api/reports/dashboard?year=2017", String.class));
        JsonNode project = null;
        for (JsonNode p : view.get("projects")) {
            project = p.get("projectId").asText().equals("p-17") ? p : project;
        }
        assertThat(project).isNotNull();
        assertThat(project.get("name").asText()).isEqualTo("洛隆县道路工程");
        assertThat(project.get("localWorkers").asInt()).isEqualTo(1);
        assertThat(project.get("totalWorkers").asInt()).isEqualTo(2);
        assertThat(plain(project.get("localShare").asText())).isEqualTo("50");
        assertThat(project.get("belowLocalShare").asBoolean()).isFalse();
        assertThat(plain(project.get("openArrears").asText())).isEqualTo("1500");
        assertThat(project.get("openArrearsCases").asInt()).isEqualTo(2);
        assertThat(project.get("workersInArrears").asInt()).isEqualTo(1);
        assertThat(project.get("governmentInvested").asBoolean()).isTrue();

        // the after-training duties: pk_b qualified but neither recommended nor followed up twice, long ago
        alerts.scanAfterTrainingDuties();
        JsonNode open = json.readTree(rest.getForObject("/api/reports/alerts?county=" + K + "&status=OPEN", String.class));
        Set<String> kinds = new java.util.HashSet<>();
        open.forEach(a -> kinds.add(a.get("kind").asText()));
        assertThat(kinds).contains("recommendation-overdue", "follow-up-overdue", "pass-rate-below-80", "wage-arrears",
                "duplicate-training");
        List<String> ids = open.findValuesAsText("_id");
        assertThat(ids).contains("pass-rate-below-80:c-17").doesNotContain("pass-rate-below-80:c-17p");
    }

    /** Numbers compared by value: 1200.00 and 1200.0 are the same figure. */
    private static String plain(String number) {
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private void training(String aggregate, IntegrationEvent payload) {
        add(Sources.TRAINING, aggregate, payload);
    }

    private void employment(String aggregate, IntegrationEvent payload) {
        add(Sources.EMPLOYMENT, aggregate, payload);
    }

    private void project(String aggregate, IntegrationEvent payload) {
        add(Sources.PROJECT_LABOR, aggregate, payload);
    }

    private void add(String source, String aggregate, IntegrationEvent payload) {
        long sequence = sequences.merge(source + aggregate, 1L, Long::sum) - 1;
        stream.add(EventEnvelope.of("evt-" + UUID.randomUUID(), source, aggregate, sequence,
                Instant.parse("2017-06-15T02:00:00Z").plusSeconds(stream.size()), Instant.now(),
                new Actor("o", "洛隆县人社局"), K, payload));
    }
}
