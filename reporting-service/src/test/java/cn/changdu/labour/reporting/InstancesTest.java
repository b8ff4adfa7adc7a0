package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.infra.test.TestDatabases;
import cn.changdu.labour.infra.test.TestInfra;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import cn.changdu.labour.reporting.projection.Positions;
import cn.changdu.labour.reporting.projection.ProjectionConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting instances started and stopped by hand on one relational database: a restart resumes from the offsets
 * the store holds without reading again what it projected; two instances in one consumer group split the partitions
 * and count every event once, also when one of them stops mid-stream (a rebalance). Years 2012–2013, apart from the
 * other tests.
 */
@WithPlatformInfra(database = "reporting_instances")
class InstancesTest {

    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void a_restart_resumes_from_the_stored_offsets_without_reading_again() throws Exception {
        TestDatabases.Database db = TestDatabases.shared().create("reporting_restart");
        String group = "restart-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext first = start(db, group)) {
            send(40, i -> enrolment(run, i, "2013-04-02T02:00:00Z"));
            await(first, "enrolments", "540325", "2013", 40);
            awaitLagZero(first);
        }
        send(10, i -> enrolment(run, 40 + i, "2013-05-02T02:00:00Z"));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext second = start(db, group)) {
            long startup = (System.nanoTime() - started) / 1_000_000;
            await(second, "enrolments", "540325", "2013", 50);
            awaitLagZero(second);
            assertThat(value(second, "peopleTrained", "540325", "2013Q2")).isEqualByComparingTo("50");
            // only the ten records after the stored offsets were read again
            assertThat(second.getBean(ProjectionConsumer.class).received()).as("records read after the restart").isEqualTo(10);
            System.out.println("restart to serving: " + startup + " ms");
        }
    }

    @Test
    void two_instances_split_the_partitions_and_count_every_event_once() throws Exception {
        TestDatabases.Database db = TestDatabases.shared().create("reporting_two");
        String group = "two-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext a = start(db, group);
        try (ConfigurableApplicationContext b = start(db, group)) {
            // three topics, 30 aggregates each, the same 30 people in training and employment
            send(90, i -> i % 3 == 0 ? enrolmentIn2012(run, i) : i % 3 == 1 ? placement(run, i) : wage(run, i));
            await(b, "enrolments", "540326", "2012", 30);
            await(b, "wagePayments", "540326", "2012", 30);
            await(b, "transfers", "540326", "2012", 30);
            // one instance leaves mid-stream: the other takes its partitions over
            a.close();
            send(90, i -> i % 3 == 0 ? enrolmentIn2012(run, 90 + i) : i % 3 == 1 ? placement(run, 90 + i) : wage(run, 90 + i));
            await(b, "enrolments", "540326", "2012", 60);
            await(b, "wagePayments", "540326", "2012", 60);
            awaitLagZero(b);
            assertThat(value(b, "peopleTrained", "540326", "2012")).isEqualByComparingTo("30");
            assertThat(value(b, "transfers", "540326", "2012")).isEqualByComparingTo("30");
            assertThat(value(b, "wagesPaid", "540326", "2012")).isEqualByComparingTo("6000.00");
        } finally {
            a.close();
        }
    }

    private EventEnvelope enrolment(String run, int i, String occurredAt) {
        return envelope(Sources.TRAINING, "c-restart-" + run, "540325", occurredAt,
                new TraineeEnrolled("c-restart-" + run, "pk_r" + run + "_" + i, "540325", "电工"));
    }

    private EventEnvelope enrolmentIn2012(String run, int i) {
        return envelope(Sources.TRAINING, "c-two-" + run + "-" + (i % 10), "540326", "2012-03-02T02:00:00Z",
                new TraineeEnrolled("c-two-" + run + "-" + (i % 10), "pk_t" + run + "_" + (i / 3 % 30), "540326", "电工"));
    }

    private EventEnvelope placement(String run, int i) {
        String person = "pk_t" + run + "_" + (i / 3 % 30);
        return envelope(Sources.EMPLOYMENT, person, "540326", "2012-05-02T02:00:00Z", new WorkerPlaced("pl-" + run + i, person,
                "540326", TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, "合作社", LocalDate.of(2012, 5, 2), null));
    }

    private EventEnvelope wage(String run, int i) {
        String project = "p-two-" + run + "-" + (i % 7);
        return envelope(Sources.PROJECT_LABOR, project, "540326", "2012-06-02T02:00:00Z", new WagePaid(project, "w-" + run + i,
                "pk_w" + i, YearMonth.of(2012, 5), new BigDecimal("100.00"), LocalDate.of(2012, 6, 2)));
    }

    private EventEnvelope envelope(String source, String aggregate, String county, String occurredAt, IntegrationEvent payload) {
        long sequence = sequences.merge(source + aggregate, 1L, Long::sum) - 1;
        return EventEnvelope.of("evt-" + UUID.randomUUID(), source, aggregate, sequence, Instant.parse(occurredAt),
                Instant.now(), new Actor("o", "市人社局"), county, payload);
    }

    private static void send(int count, java.util.function.IntFunction<EventEnvelope> event) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfra.shared().kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                EventEnvelope e = event.apply(i);
                producer.send(new ProducerRecord<>(e.topic(), e.aggregateId(), EventJson.write(e))).get();
            }
        }
    }

    static ConfigurableApplicationContext start(TestDatabases.Database db, String group, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--platform.projection.group=" + group,
                "--platform.alerts.scan-interval=PT1H"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ReportingApplication.class).run(args.toArray(new String[0]));
    }

    private static BigDecimal value(ConfigurableApplicationContext context, String indicator, String area, String period) {
        List<BigDecimal> v = context.getBean(JdbcTemplate.class).queryForList(
                "SELECT f.amount FROM figure f JOIN projection_state s ON s.id = 1 AND f.version = s.active_version "
                        + "WHERE f.indicator = ? AND f.area = ? AND f.period_key = ?", BigDecimal.class, indicator, area, period);
        return v.isEmpty() ? BigDecimal.ZERO : v.get(0);
    }

    private static void await(ConfigurableApplicationContext context, String indicator, String area, String period,
                              long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        BigDecimal v = BigDecimal.ZERO;
        while (System.currentTimeMillis() < deadline) {
            v = value(context, indicator, area, period);
            if (v.compareTo(BigDecimal.valueOf(expected)) >= 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(v).as(indicator + " " + area + " " + period).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    private static void awaitLagZero(ConfigurableApplicationContext context) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (context.getBean(Positions.class).current().stream().allMatch(p -> p.lag() == 0)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("projection did not catch up");
    }
}
