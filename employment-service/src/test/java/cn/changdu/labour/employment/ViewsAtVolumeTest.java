package cn.changdu.labour.employment;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.EndReason;
import cn.changdu.labour.contracts.employment.IntermediaryKind;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.VerificationStatus;
import cn.changdu.labour.employment.households.api.RelocatedHouseholdRegisteredEvent;
import cn.changdu.labour.employment.households.query.HouseholdViews;
import cn.changdu.labour.employment.households.query.HouseholdQueries;
import cn.changdu.labour.employment.intermediaries.api.IntermediaryRecognisedEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediarySuspendedEvent;
import cn.changdu.labour.employment.intermediaries.query.IntermediaryViews;
import cn.changdu.labour.employment.intermediaries.query.IntermediaryQueries;
import cn.changdu.labour.employment.jobfairs.api.JobFairHeldEvent;
import cn.changdu.labour.employment.jobfairs.query.JobFairViews;
import cn.changdu.labour.employment.jobfairs.query.JobFairQueries;
import cn.changdu.labour.employment.jobs.api.JobPostingFilledEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingPublishedEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingWithdrawnEvent;
import cn.changdu.labour.employment.jobs.query.JobPostingViews;
import cn.changdu.labour.employment.jobs.query.JobPostingQueries;
import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerificationOverdueEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerifiedEvent;
import cn.changdu.labour.employment.placement.api.IncomeReportedEvent;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import cn.changdu.labour.employment.placement.app.PlacementCounts;
import cn.changdu.labour.employment.placement.query.PlacementViews;
import cn.changdu.labour.employment.placement.query.PlacementQueries;
import cn.changdu.labour.employment.placement.query.PlacementQueries.Filter;
import cn.changdu.labour.employment.urban.api.LabourForceBaseSetEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentEndedEvent;
import cn.changdu.labour.employment.urban.api.UnemploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.api.UrbanEmploymentRegisteredEvent;
import cn.changdu.labour.employment.urban.query.UrbanViews;
import cn.changdu.labour.employment.urban.query.UrbanQueries;
import cn.changdu.labour.infra.test.TestDatabases;
import cn.changdu.labour.support.web.Caller;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views at a few thousand placements, on the engine the build runs on (embedded H2 file, or PostgreSQL with
 * {@code -Ppostgres}): every query a request or an import row causes is an index lookup or an indexed range (the
 * engine's own plan, {@code EXPLAIN}, names an index for every table it reads; PostgreSQL with sequential scans
 * disabled, so a plan without a usable index shows), the answers are right at volume, and the figures (events
 * applied per second in processor-sized transactions, reads per second) are printed and written to
 * {@code target/views-at-volume-<engine>.txt}. Size: {@code -Demployment.volume.placements=} (default 3,000).
 */
class ViewsAtVolumeTest {

    static final int PLACEMENTS = Integer.getInteger("employment.volume.placements", 3_000);
    static final int BATCH = 100; // platform.events.processing-batch-size
    static final String[] COUNTIES = {"540302", "540321", "540322", "540323", "540324", "540325", "540326", "540327",
            "540328", "540329", "540330"};
    static final Caller OFFICER = new Caller(null, Set.of());

    static HikariDataSource pool;
    static Recording recording;
    static JdbcTemplate jdbc;
    static TransactionTemplate transaction;
    static final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    static void database() {
        TestDatabases.Database db = TestDatabases.shared().create("employment_volume");
        pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.username());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(2);
        Flyway.configure().dataSource(pool)
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        recording = new Recording(pool);
        jdbc = new JdbcTemplate(recording.dataSource());
        transaction = new TransactionTemplate(new JdbcTransactionManager(recording.dataSource()));
    }

    @AfterAll
    static void close() throws IOException {
        String engine = TestDatabases.shared().postgres() ? "postgres" : "h2";
        StringBuilder text = new StringBuilder("employment views at " + PLACEMENTS + " placements on " + engine + "\n");
        figures.forEach((what, figure) -> text.append(String.format("%-62s %s%n", what, figure)));
        System.out.print(text);
        Files.writeString(Path.of("target", "views-at-volume-" + engine + ".txt"), text);
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void every_hot_query_is_an_index_lookup_and_the_answers_hold_at_volume() throws Exception {
        Random random = new Random(11);
        PlacementViews placementView = new PlacementViews(jdbc);
        HouseholdViews householdView = new HouseholdViews(jdbc);
        IntermediaryViews intermediaryView = new IntermediaryViews(jdbc);
        JobFairViews jobFairView = new JobFairViews(jdbc);
        JobPostingViews jobView = new JobPostingViews(jdbc);
        UrbanViews urbanView = new UrbanViews(jdbc);
        PlacementQueries placements = new PlacementQueries(jdbc);
        HouseholdQueries households = new HouseholdQueries(jdbc);
        IntermediaryQueries intermediaries = new IntermediaryQueries(jdbc);
        JobFairQueries jobFairs = new JobFairQueries(jdbc, new PlacementCounts(placements));
        JobPostingQueries jobs = new JobPostingQueries(jdbc);
        UrbanQueries urban = new UrbanQueries(jdbc);

        // --- the reference data the placements name
        int fairCount = 40;
        int intermediaryCount = 200;
        int householdCount = PLACEMENTS / 3;
        List<Object> reference = new ArrayList<>();
        for (int f = 0; f < fairCount; f++) {
            reference.add(new JobFairHeldEvent("fair-" + f, county(f), "招聘会 " + f, LocalDate.of(2020, 3, 1).plusDays(f),
                    5, 60, 200));
        }
        for (int i = 0; i < intermediaryCount; i++) {
            reference.add(new IntermediaryRecognisedEvent("im-" + i, "劳务公司 " + i, IntermediaryKind.LABOUR_BROKER,
                    county(i), null, LocalDate.of(2020, 2, 1)));
            if (i % 10 == 0) {
                reference.add(new IntermediarySuspendedEvent("im-" + i, county(i), "虚报", LocalDate.of(2020, 6, 1)));
            }
        }
        for (int h = 0; h < householdCount; h++) {
            reference.add(new RelocatedHouseholdRegisteredEvent("hh-" + h, county(h), "安置点 " + (h % 50), "户主" + h,
                    "540321199003150018", 2, LocalDate.of(2020, 3, 1)));
        }
        apply(reference, intermediaryView, jobFairView, householdView);

        // --- placements with their details, income, checks and ends, as the Worker aggregate records them
        List<Object> events = new ArrayList<>();
        int active = 0;
        for (int p = 0; p < PLACEMENTS; p++) {
            String county = county(p);
            TransferChannel channel = TransferChannel.values()[p % 5];
            String household = p % 3 == 0 ? "hh-" + (p / 3 % householdCount) : null;
            String fair = p % 5 == 1 ? "fair-" + (p % fairCount) : null;
            String intermediary = channel == TransferChannel.SOCIAL_FORCES ? "im-" + (p % intermediaryCount) : null;
            LocalDate start = LocalDate.of(2020, 1, 1).plusDays(p % 200);
            events.add(new WorkerPlacedEvent(key(p), id(p), "扎西" + p, "540321199003150018", county, channel,
                    Destination.IN_TIBET, "用工单位 " + (p % 97), start, new BigDecimal("4000.00"),
                    new PlacementDetails(null, null, intermediary, null, null, household, fair, "岗托镇", "13800001234")));
            events.add(new PlacementDetailsRecordedEvent(key(p), id(p), county, channel, Destination.IN_TIBET,
                    OrganisedBy.LABOUR_MARKET_BODY, null, intermediary, null, null, household, fair, start,
                    start.plusMonths(3), "deadline-" + p));
            for (int m = 0; m < 3; m++) {
                events.add(new IncomeReportedEvent(key(p), id(p), county, channel, YearMonth.from(start).plusMonths(m),
                        new BigDecimal("3150.50")));
            }
            if (p % 2 == 0) {
                events.add(new EmploymentVerifiedEvent(key(p), id(p), county, start.plusMonths(3),
                        VerificationStatus.STILL_EMPLOYED, null, false));
            } else if (p % 4 == 1) {
                events.add(new EmploymentVerificationOverdueEvent(key(p), id(p), county, start.plusMonths(3)));
            }
            if (p % 5 == 4) {
                events.add(new EmploymentEndedEvent(key(p), id(p), county, household, start.plusMonths(4),
                        EndReason.RESIGNED, null));
            } else {
                active++;
            }
        }
        long placementEvents = events.size();
        double placementRate = timed("placement view: events applied (batches of " + BATCH + ")", placementEvents,
                () -> apply(events, placementView));
        timed("household view: placement events offered (batches of " + BATCH + ")", placementEvents,
                () -> apply(events, householdView));

        List<Object> other = new ArrayList<>();
        for (int j = 0; j < PLACEMENTS / 5; j++) {
            other.add(new JobPostingPublishedEvent("job-" + j, county(j), "用工单位 " + (j % 97), "旅游", 3,
                    new BigDecimal("3500.00"), Destination.IN_COUNTY, null, LocalDate.of(2020, 4, 1).plusDays(j % 100)));
            if (j % 3 == 0) {
                other.add(new JobPostingFilledEvent("job-" + j, county(j), 3, 3, LocalDate.of(2020, 9, 1)));
            } else if (j % 10 == 1) {
                other.add(new JobPostingWithdrawnEvent("job-" + j, county(j), 3, null, LocalDate.of(2020, 9, 1)));
            }
        }
        for (int c = 0; c < COUNTIES.length; c++) {
            other.add(new LabourForceBaseSetEvent(COUNTIES[c], 2020, 10_000));
        }
        for (int u = 0; u < PLACEMENTS / 3; u++) {
            other.add(new UnemploymentRegisteredEvent("pk_u" + u, "央金", "540321199003150018", county(u),
                    LocalDate.of(2020, 2, 1)));
            if (u % 4 == 0) {
                other.add(new UnemploymentEndedEvent("pk_u" + u, county(u), LocalDate.of(2020, 6, 1), "EMPLOYED"));
                other.add(new UrbanEmploymentRegisteredEvent("pk_u" + u, "ue-" + u, "央金", "540321199003150018",
                        county(u), "城投公司", LocalDate.of(2020, 6, 1)));
            }
        }
        apply(other, jobView, urbanView);
        analyse();

        // --- the answers at volume
        String someone = key(6); // p % 5 == 1 → a job fair; p % 2 == 0 → verified; active
        assertThat(placements.find(filter(null, null, someone, null, null, null), OFFICER)).singleElement()
                .satisfies(v -> {
                    assertThat(v.totalIncome()).isEqualTo("9451.50");
                    assertThat(v.incomeByPeriod()).hasSize(3);
                    assertThat(v.name()).isEqualTo("扎***");
                });
        List<String> sample = IntStream.range(0, Math.min(1_000, PLACEMENTS)).mapToObj(ViewsAtVolumeTest::key).toList();
        long activeInSample = IntStream.range(0, sample.size()).filter(p -> p % 5 != 4).count();
        assertThat(placements.activelyPlaced(sample)).hasSize((int) activeInSample);
        assertThat(placements.countsByJobFair(List.of("fair-1")).get("fair-1"))
                .isEqualTo(IntStream.range(0, PLACEMENTS).filter(p -> p % 5 == 1 && p % fairCount == 1).count());
        assertThat(households.registered(List.of("hh-0", "hh-nope"))).containsExactly("hh-0");
        assertThat(intermediaries.statuses(List.of("im-0", "im-1", "im-nope")))
                .isEqualTo(Map.of("im-0", "SUSPENDED", "im-1", "RECOGNISED"));
        long nobody = households.find(null, null, true, OFFICER).size();
        assertThat(households.sites(null).stream().mapToLong(HouseholdQueries.SiteView::nobodyEmployed).sum())
                .isEqualTo(nobody);
        assertThat(urban.rate(null, 2020).registeredUnemployed())
                .isEqualTo(IntStream.range(0, PLACEMENTS / 3).filter(u -> u % 4 != 0).count());
        assertThat(active).isPositive();

        // --- every query a request or an import row causes (filtered lists, lookups, the checks of a file)
        recording.start();
        String county = COUNTIES[3];
        placements.byId(id(17), OFFICER);
        placements.find(filter(null, null, someone, null, null, null), OFFICER);
        placements.find(filter(county, null, null, null, null, null), OFFICER);
        placements.find(new Filter(county, null, null, null, "ACTIVE", true, null, null, null), OFFICER);
        placements.find(new Filter(null, TransferChannel.SOCIAL_FORCES.name(), null, null, null, null, null, null,
                null), OFFICER);
        placements.find(new Filter(null, null, null, null, "ACTIVE", null, null, null, null), OFFICER);
        placements.find(new Filter(null, null, null, null, null, true, null, null, null), OFFICER);
        placements.find(new Filter(null, null, "用工单位 5", null, null, null, null, null, null), OFFICER);
        placements.find(filter(null, "hh-3", null, null, null, null), OFFICER);
        placements.find(filter(null, null, null, "im-4", null, null), OFFICER);
        placements.find(filter(null, null, null, null, "fair-1", null), OFFICER);
        placements.activelyPlaced(sample);
        placements.countsByJobFair(IntStream.range(0, fairCount).mapToObj(f -> "fair-" + f).toList());
        households.exists("hh-1");
        households.registered(List.of("hh-1", "hh-2"));
        households.find(county, null, null, OFFICER);
        households.find(null, "安置点 7", true, OFFICER);
        households.find(null, null, true, OFFICER);
        households.find(county, "安置点 7", false, OFFICER);
        households.sites(county);
        intermediaries.status("im-3");
        intermediaries.statuses(List.of("im-3", "im-4"));
        intermediaries.find(county, null);
        intermediaries.find(null, "SUSPENDED");
        jobFairs.exists("fair-3");
        jobFairs.held(List.of("fair-3", "fair-4"));
        jobFairs.find(county);
        jobs.find(county, null, null);
        jobs.find(null, "用工单位 5", null);
        jobs.find(null, null, "FILLED");
        urban.rate(county, 2020);
        urban.rate(null, 2020);
        List<Recording.Query> hot = recording.stop();
        assertThat(hot).as("the queries of the calls above").hasSize(33);
        for (Recording.Query query : hot) {
            String plan = plan(query);
            assertThat(plan).as("plan of %s", query.sql())
                    .doesNotContainIgnoringCase("tableScan").doesNotContain("Seq Scan");
        }
        figures.put("queries checked with EXPLAIN: each reads through an index", Integer.toString(hot.size()));

        // --- reads per second
        timed("one placement by id (join with its income)", 2_000,
                () -> IntStream.range(0, 2_000).forEach(i -> placements.byId(id(random.nextInt(PLACEMENTS)), OFFICER)));
        timed("a person's history (by person key)", 2_000, () -> IntStream.range(0, 2_000)
                .forEach(i -> placements.find(filter(null, null, key(random.nextInt(PLACEMENTS)), null, null, null),
                        OFFICER)));
        timed("intermediary status (the placement check)", 2_000,
                () -> IntStream.range(0, 2_000).forEach(i -> intermediaries.status("im-" + random.nextInt(200))));
        once("import check of 1,000 people (one query)", () -> placements.activelyPlaced(sample));
        once("import check of 1,000 households and intermediaries (one query each)", () -> {
            households.registered(IntStream.range(0, 1_000).mapToObj(h -> "hh-" + h).toList());
            intermediaries.statuses(IntStream.range(0, 1_000).mapToObj(i -> "im-" + i).toList());
        });
        once("a county's placements with their income (" + placements.find(filter(county, null, null, null, null, null),
                OFFICER).size() + ")", () -> placements.find(filter(county, null, null, null, null, null), OFFICER));
        once("the job-fair list of all " + fairCount + " fairs with their placements", () -> jobFairs.find(null));
        once("per-site counts, city-wide", () -> households.sites(null));
        figures.put("placement view throughput vs MongoDB upserts by _id (~2,800/s)",
                String.format("%.1f×", placementRate / 2_800));
    }

    private static Filter filter(String county, String household, String personKey, String intermediary, String fair,
                                 Boolean overdue) {
        return new Filter(county, null, null, household, null, overdue, personKey, intermediary, fair);
    }

    private static String county(int n) {
        return COUNTIES[n % COUNTIES.length];
    }

    private static String key(int p) {
        return "pk_" + p;
    }

    private static String id(int p) {
        return "placement-" + p;
    }

    /** Applies the events to each view as its tracking processor would: batches of {@link #BATCH}, a transaction each. */
    private static void apply(List<Object> events, Object... projections) {
        for (Object projection : projections) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            for (int from = 0; from < events.size(); from += BATCH) {
                List<Object> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                transaction.executeWithoutResult(status -> batch.forEach(event -> {
                    GenericEventMessage<?> message = new GenericEventMessage<>(event);
                    if (adapter.canHandle(message)) {
                        try {
                            adapter.handle(message);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
        }
    }

    private static double timed(String what, long operations, Runnable work) {
        long started = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = operations / seconds;
        figures.put(what, String.format("%,.0f/s (%,d in %.2f s)", rate, operations, seconds));
        return rate;
    }

    private static void once(String what, Runnable work) {
        work.run(); // warm
        long started = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            work.run();
        }
        figures.put(what, String.format("%.1f ms", (System.nanoTime() - started) / 1e6 / runs));
    }

    private static void analyse() throws SQLException {
        if (TestDatabases.shared().postgres()) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
        }
    }

    /** The engine's plan of a recorded query with its parameters (PostgreSQL: with sequential scans disabled). */
    private static String plan(Recording.Query query) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            boolean postgres = TestDatabases.shared().postgres();
            if (postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off");
                }
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query.sql())) {
                for (Map.Entry<Integer, Object> parameter : query.parameters().entrySet()) {
                    explain.setObject(parameter.getKey(), parameter.getValue());
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                if (postgres) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("RESET enable_seqscan");
                    }
                }
            }
        }
    }

    /** A DataSource that, while started, records each SELECT prepared through it with the parameters bound. */
    static final class Recording implements InvocationHandler {
        record Query(String sql, Map<Integer, Object> parameters) {
        }

        private final DataSource target;
        private final DataSource proxy;
        private volatile List<Query> recorded;

        Recording(DataSource target) {
            this.target = target;
            this.proxy = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[]{DataSource.class}, this);
        }

        void start() {
            recorded = new ArrayList<>();
        }

        List<Query> stop() {
            List<Query> queries = recorded;
            recorded = null;
            return queries;
        }

        @Override
        public Object invoke(Object p, java.lang.reflect.Method method, Object[] args) throws Throwable {
            Object result = call(target, method, args);
            if (result instanceof Connection connection) {
                return wrap(Connection.class, connection, (c, m, a) -> {
                    Object statement = call(c, m, a);
                    if (m.getName().equals("prepareStatement") && statement instanceof PreparedStatement ps
                            && a[0] instanceof String sql && sql.strip().toLowerCase().startsWith("select")) {
                        Map<Integer, Object> parameters = new TreeMap<>();
                        return wrap(PreparedStatement.class, ps, (s, sm, sa) -> {
                            if (sm.getName().startsWith("set") && sa != null && sa.length >= 2
                                    && sa[0] instanceof Integer index) {
                                parameters.put(index, sm.getName().equals("setNull") ? null : sa[1]);
                            }
                            if (sm.getName().equals("executeQuery") && recorded != null) {
                                recorded.add(new Query(sql, new TreeMap<>(parameters)));
                            }
                            return call(s, sm, sa);
                        });
                    }
                    return statement;
                });
            }
            return result;
        }

        DataSource dataSource() {
            return proxy;
        }

        private interface Call {
            Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
        }

        private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> T wrap(Class<T> type, T target, Call call) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                    (p, method, args) -> call.invoke(target, method, args));
        }
    }
}
