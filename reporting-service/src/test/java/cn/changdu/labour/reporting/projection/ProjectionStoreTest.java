package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.EventEnvelope;
import cn.changdu.labour.contracts.EventJson;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.Sources;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.contracts.training.TraineeEnrolled;
import cn.changdu.labour.reporting.indicators.IndicatorCatalog;
import cn.changdu.labour.reporting.projection.Codec.FigureKey;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection on its relational store, without Kafka: redeliveries, replays, two writers, checkpoints. */
class ProjectionStoreTest {

    private static final Instant T0 = Instant.parse("2020-05-01T00:00:00Z");
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Long> offsets = new HashMap<>();

    @Test
    void a_redelivered_event_is_recognised_by_its_aggregate_sequence_and_counted_once() {
        SqlStore store = new SqlStore("duplicates");
        Incoming first = incoming(Sources.TRAINING, "c-1", new TraineeEnrolled("c-1", "pk_1", "540321", "电工"), T0, T0);
        Incoming second = incoming(Sources.TRAINING, "c-1", new TraineeEnrolled("c-1", "pk_2", "540321", "电工"), T0, T0);
        store.apply(List.of(first, second));
        // the relay sends the second again (a retried batch): a new offset, the same aggregate sequence
        Incoming again = new Incoming(second.topic(), second.partition(), offsets.merge(second.topic() + second.partition(), 1L, Long::sum),
                second.fact(), second.record(), null);
        Projection.Result result = store.apply(List.of(again));
        assertThat(result.facts()).isEmpty();
        assertThat(result.duplicates()).hasSize(1);
        assertThat(store.value("enrolments", Fact.CITY, "2020")).isEqualByComparingTo("2");
        assertThat(store.value("peopleTrained", "540321", "2020Q2")).isEqualByComparingTo("2");
        // a batch replayed after a crash before its offsets were committed elsewhere: below the stored offset, skipped
        Projection.Result replay = store.apply(List.of(first, second));
        assertThat(replay.records()).isEmpty();
        assertThat(store.value("enrolments", Fact.CITY, "2020")).isEqualByComparingTo("2");
        assertThat(store.jdbc.queryForObject("SELECT COUNT(*) FROM fact", Integer.class)).isEqualTo(2);
    }

    @Test
    void two_instances_on_different_partitions_of_one_database_lose_no_update() throws Exception {
        SqlStore store = new SqlStore("two_writers");
        // a second instance: its own connection pool on the same database
        DriverManagerDataSource other = new DriverManagerDataSource(store.db.url(), store.db.username(), store.db.password());
        Projection second = new Projection(new JdbcTemplate(other), new TransactionTemplate(new DataSourceTransactionManager(other)),
                IndicatorCatalog::countings);
        // the same 60 people enrolled (training, partition 0) and placed (employment, partition 1), many in both
        List<Incoming> training = new ArrayList<>();
        List<Incoming> employment = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String person = "pk_" + (i % 60);
            training.add(incoming(Sources.TRAINING, "c-" + (i % 7), new TraineeEnrolled("c-" + (i % 7), person, "540322", "电工"), T0, T0));
            employment.add(incoming(Sources.EMPLOYMENT, person, new WorkerPlaced("pl-" + i, person, "540322",
                    TransferChannel.values()[i % 5], Destination.IN_TIBET, "某企业", LocalDate.of(2020, 1 + i % 12, 1), null), T0, T0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> applyInBatches(store.projection, store.readModel, training));
        Future<?> b = pool.submit(() -> applyInBatches(second, store.readModel, employment));
        a.get();
        b.get();
        pool.shutdown();
        assertThat(store.value("enrolments", Fact.CITY, "2020")).isEqualByComparingTo("300");
        assertThat(store.value("peopleTrained", Fact.CITY, "2020")).isEqualByComparingTo("60");
        assertThat(store.value("peopleTrained", "540321", Fact.ALL_TIME)).isEqualByComparingTo("60");
        // each of the 60 people once, for their home county, in the quarter of their placements (person p: month 1 + p % 12)
        assertThat(store.value("transfers", "540322", "2020")).isEqualByComparingTo("60");
        assertThat(store.value("transfers", Fact.CITY, "2020")).isEqualByComparingTo("60");
        for (int q = 1; q <= 4; q++) {
            assertThat(store.value("transfers", Fact.CITY, "2020Q" + q)).as("Q" + q).isEqualByComparingTo("15");
        }
        assertThat(store.value("transfers", Fact.CITY, "2020YTD2")).isEqualByComparingTo("30");
    }

    /** As the listener container does: a batch that fails (a concurrent insert, a lock) is retried whole. */
    private static void applyInBatches(Projection projection, ReadModel readModel, List<Incoming> records) {
        for (int i = 0; i < records.size(); i += 20) {
            List<Incoming> batch = records.subList(i, Math.min(records.size(), i + 20));
            for (int attempt = 0; ; attempt++) {
                try {
                    projection.apply(readModel.active(), batch, true, r -> {
                    });
                    break;
                } catch (RuntimeException e) {
                    if (attempt > 50) {
                        throw e;
                    }
                    sleep(20);
                }
            }
        }
    }

    @Test
    void the_figures_as_recorded_before_a_moment_come_from_a_checkpoint_and_the_facts_since() {
        SqlStore store = new SqlStore("recorded_before");
        List<Incoming> all = new ArrayList<>();
        // recorded over ten hours: placements, roster joins, and late entries dated months earlier that move a
        // transfer into an earlier quarter
        for (int h = 0; h < 10; h++) {
            Instant recorded = T0.plus(Duration.ofMinutes(h * 60 + 7));
            String person = "pk_" + (h % 4);
            all.add(incoming(Sources.EMPLOYMENT, person, new WorkerPlaced("pl-" + h, person, "540321",
                    TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, "合作社", LocalDate.of(2020, 6, 1 + h), null),
                    Instant.parse("2020-06-01T02:00:00Z"), recorded));
            all.add(incoming(Sources.PROJECT_LABOR, "p-" + h, new WorkerJoinedProject("p-" + h, person, true, "540322", "钢筋工",
                    LocalDate.of(2020, 2, 1 + h), "交通局", true, 1, 1), Instant.parse("2020-02-01T02:00:00Z"), recorded.plusSeconds(600)));
            all.add(incoming(Sources.TRAINING, "c-" + h, new TraineeEnrolled("c-" + h, person, "540321", "电工"),
                    Instant.parse("2020-03-01T02:00:00Z"), recorded.plusSeconds(1200)));
        }
        for (int i = 0; i < all.size(); i += 4) {
            store.apply(all.subList(i, Math.min(all.size(), i + 4)));
        }
        Checkpoints checkpoints = new Checkpoints(store.jdbc, store.readModel, null, Duration.ofHours(1));
        assertThat(checkpoints.takeUpTo(store.readModel.active(), T0.plus(Duration.ofHours(24)), 100)).isEqualTo(10);
        for (Instant moment : List.of(T0, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(3)),
                T0.plus(Duration.ofMinutes(3 * 60 + 17)), T0.plus(Duration.ofMinutes(5 * 60 + 27)), T0.plus(Duration.ofHours(30)))) {
            // the referee: a projection of only the facts recorded before the moment
            SqlStore prefix = new SqlStore("recorded_before_ref");
            prefix.apply(all.stream().filter(r -> r.fact().recordedAt().isBefore(moment)).toList());
            Checkpoints.Figures at = checkpoints.figuresAt(store.readModel.active(), moment);
            assertThat(nonZero(at.figures())).as(moment.toString()).isEqualTo(nonZero(figures(prefix)));
            assertThat(at.facts()).isEqualTo(all.stream().filter(r -> r.fact().recordedAt().isBefore(moment)).count());
        }
    }

    private static Map<FigureKey, BigDecimal> figures(SqlStore store) {
        Map<FigureKey, BigDecimal> figures = new HashMap<>();
        store.jdbc.query("SELECT indicator, area, period_key, amount FROM figure WHERE version = ?", rs -> {
            figures.put(new FigureKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4));
        }, store.readModel.active());
        return figures;
    }

    private static Map<FigureKey, BigDecimal> nonZero(Map<FigureKey, BigDecimal> figures) {
        Map<FigureKey, BigDecimal> result = new HashMap<>();
        figures.forEach((k, v) -> {
            if (v.signum() != 0) {
                result.put(k, v.stripTrailingZeros());
            }
        });
        return result;
    }

    private Incoming incoming(String source, String aggregate, IntegrationEvent payload, Instant occurredAt, Instant recordedAt) {
        long sequence = sequences.merge(source + aggregate, 1L, Long::sum) - 1;
        EventEnvelope e = EventEnvelope.of("evt-" + source + "-" + aggregate + "-" + sequence, source, aggregate, sequence,
                occurredAt, recordedAt, new Actor("o", "市人社局"), "540321", payload);
        int partition = source.equals(Sources.TRAINING) ? 0 : source.equals(Sources.EMPLOYMENT) ? 1 : 2;
        long offset = offsets.merge(e.topic() + partition, 1L, Long::sum) - 1;
        return Incoming.of(e.topic(), partition, offset, EventJson.write(e));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
