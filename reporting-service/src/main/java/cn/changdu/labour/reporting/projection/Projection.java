package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.EventTypes;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.contracts.employment.EmploymentEnded;
import cn.changdu.labour.contracts.employment.PlacementDetailsRecorded;
import cn.changdu.labour.contracts.employment.RelocatedHouseholdRegistered;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.TransferCounting;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.ProjectClosed;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.ProjectUpdated;
import cn.changdu.labour.contracts.projectlabor.WageArrearsChanged;
import cn.changdu.labour.contracts.projectlabor.WageArrearsCleared;
import cn.changdu.labour.contracts.projectlabor.WageArrearsDetected;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.contracts.projectlabor.WorkerLeftProject;
import cn.changdu.labour.contracts.training.ClassCompleted;
import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.ClassInspected;
import cn.changdu.labour.contracts.training.FollowUpRecorded;
import cn.changdu.labour.contracts.training.JobRecommended;
import cn.changdu.labour.contracts.training.TraineeAssessed;
import cn.changdu.labour.reporting.projection.Counting.Measure;
import cn.changdu.labour.reporting.projection.Codec.FigureKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Applies one batch of Kafka records to one version of the read model, in ONE transaction: the facts, every running
 * total and the state behind it (persons, cases, transfers, households, projects, class duties), and the
 * per-partition offsets the batch reached. A crash anywhere replays at most the uncommitted batch; the stored
 * offsets say where to resume, and the highest aggregate sequence applied per aggregate recognises a redelivered
 * event. Nothing per person, case or event stays in the heap after the batch.
 *
 * <p>Several instances may apply batches of different partitions at once: the rows a batch reads are locked
 * ({@code FOR UPDATE}), figures change by increments, and a row two batches both create makes one of them fail and
 * be retried whole. The counting rules are the {@link Counting}s of the catalogue it is given, applied fact by fact in recording order.
 */
@Component
public class Projection {

    /** A batch found the read model switched to another version (a rebuild finished): it is retried on that one. */
    public static class VersionMoved extends RuntimeException {
        VersionMoved(int version) {
            super("read model version " + version + " is no longer active");
        }
    }

    /**
     * @param records    the records past the stored offsets, in the order applied
     * @param facts      the new facts (not seen before), in the order applied
     * @param duplicates facts already applied (an aggregate sequence at or below the stored one)
     * @param unreadable records this build cannot read
     */
    public record Result(int version, List<Incoming> records, List<Fact> facts, List<Fact> duplicates,
                         List<Incoming> unreadable) {
    }

    private final Map<String, List<Counting>> byType = new HashMap<>();
    private final String transfersTotal;
    private final Map<String, String> transfersByChannel = new HashMap<>();
    private final String householdsIndicator;

    /** The project whose kept row (or open arrears) a fact changes. */
    private static final Read<String> PROJECT_OF = Read.of(ProjectRegistered.class, ProjectRegistered::projectId)
            .or(ProjectUpdated.class, ProjectUpdated::projectId).or(ProjectClosed.class, ProjectClosed::projectId)
            .or(WorkerJoinedProject.class, WorkerJoinedProject::projectId)
            .or(WorkerLeftProject.class, WorkerLeftProject::projectId)
            .or(WageArrearsDetected.class, WageArrearsDetected::projectId)
            .or(WageArrearsChanged.class, WageArrearsChanged::projectId)
            .or(WageArrearsCleared.class, WageArrearsCleared::projectId);

    /** The class whose duties (or trainees) a fact changes. */
    private static final Read<String> CLASS_OF = Read.of(ClassFiled.class, ClassFiled::classId)
            .or(ClassInspected.class, ClassInspected::classId).or(ClassCompleted.class, ClassCompleted::classId)
            .or(TraineeAssessed.class, TraineeAssessed::classId).or(JobRecommended.class, JobRecommended::classId)
            .or(FollowUpRecorded.class, FollowUpRecorded::classId);

    /**
     * The type names whose facts change the state kept beside the figures, whether or not an indicator counts them:
     * those {@code transfer}, {@code household}, {@code project} and {@code duty} read.
     */
    public static final Set<String> KEEPS_STATE_FOR = keepsStateFor();

    /** Keys per IN list: H2 re-checks every found row against the whole list, so long lists cost rows × keys. */
    private static final int CHUNK = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Names names;

    public Projection(JdbcTemplate jdbc, TransactionTemplate tx, Counting.Catalogue catalogue) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.names = new Names(jdbc);
        String total = null;
        String households = null;
        for (Counting d : catalogue.countings()) {
            Set<String> types = new HashSet<>(d.types());
            types.addAll(d.closers());
            types.forEach(t -> byType.computeIfAbsent(t, k -> new ArrayList<>()).add(d));
            if (d.measure() == Measure.TRANSFERS) {
                if (d.channel() == null) {
                    total = d.id();
                } else {
                    transfersByChannel.put(d.channel(), d.id());
                }
            }
            if (d.measure() == Measure.HOUSEHOLDS_WITHOUT_WORK) {
                households = d.id();
            }
        }
        transfersTotal = total;
        householdsIndicator = households;
    }

    /**
     * Applies the records in one transaction.
     *
     * @param live         the live projection (several instances may run; the version must still be the active one
     *                     at commit) rather than a rebuild (one writer, a version not yet serving)
     * @param beforeCommit runs inside the transaction after every write (parks unreadable records, tells the listeners): if it
     *                     fails nothing is committed and the batch is retried
     */
    public Result apply(int version, List<Incoming> records, boolean live, Consumer<Result> beforeCommit) {
        return tx.execute(status -> {
            Result result = new Batch(version, live).run(records);
            if (live && jdbc.update("UPDATE projection_state SET changed_at = changed_at WHERE id = 1 AND active_version = ?",
                    version) == 0) {
                throw new VersionMoved(version);
            }
            beforeCommit.accept(result);
            return result;
        });
    }

    /** Stored next offsets of a version, per topic and partition. */
    public Map<String, Map<Integer, Long>> offsets(int version) {
        Map<String, Map<Integer, Long>> offsets = new HashMap<>();
        jdbc.query("SELECT topic, part, next_offset FROM projection_offset WHERE version = ?", rs -> {
            offsets.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
        }, version);
        return offsets;
    }

    /** Records of several partitions in recording order, each partition's own order kept (a k-way merge). */
    static List<Incoming> inRecordedOrder(List<Incoming> records) {
        Map<String, List<Incoming>> byPartition = new LinkedHashMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(r));
        if (byPartition.size() <= 1) {
            return records;
        }
        record Head(List<Incoming> list, int index) {
            Instant at() {
                Fact f = list.get(index).fact();
                return f == null ? Instant.MIN : f.recordedAt();
            }
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::at));
        byPartition.values().forEach(l -> heads.add(new Head(l, 0)));
        List<Incoming> ordered = new ArrayList<>(records.size());
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            ordered.add(head.list().get(head.index()));
            if (head.index() + 1 < head.list().size()) {
                heads.add(new Head(head.list(), head.index() + 1));
            }
        }
        return ordered;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** PERSONS: the quarters (bits 1..4) a person was counted in, per indicator, area and year. */
    private record Mark(String indicator, String area, int year) {
    }

    /**
     * Everything kept per person, one row ({@code person_state}): the PERSONS marks (all time is any year's mark of
     * the indicator and area) and the transfer the person counts with per year ({@code TransferCounting}).
     */
    private static final class Person {
        final Map<Mark, Integer> marks = new LinkedHashMap<>();
        final Map<Integer, TransferCounting.Transfer> transfers = new TreeMap<>();

        boolean seenIn(String indicator, String area) {
            for (Mark m : marks.keySet()) {
                if (m.area().equals(area) && m.indicator().equals(indicator)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An open case's value (and distinct value) in an area and period. */
    private record Entry(BigDecimal value, String distinct) {
    }

    private record AreaPeriod(String area, String period) {
    }

    /** Where a case (CURRENT_*) is open, per indicator keyed by the case's fields: one row per case key ({@code case_state}). */
    private static final class Case {
        final Map<String, Map<AreaPeriod, Entry>> entries = new LinkedHashMap<>();
    }

    /** CURRENT_DISTINCT: open cases per indicator, area and period referring to one distinct value ({@code distinct_state}). */
    private record Reference(String indicator, String area, String period) {
    }

    private record Household(boolean registered, String countyCode, int activePlacements) {
        boolean nobodyEmployed() {
            return registered && activePlacements == 0;
        }
    }

    private static final class ProjectRow {
        String name;
        String countyCode;
        String department;
        boolean governmentInvested;
        boolean closed;
        int localWorkers;
        int totalWorkers;

        void describe(String name, String countyCode, String department, boolean governmentInvested) {
            this.name = name;
            this.countyCode = countyCode;
            this.department = department;
            this.governmentInvested = governmentInvested;
        }

        void roster(int localWorkers, int totalWorkers) {
            this.localWorkers = localWorkers;
            this.totalWorkers = totalWorkers;
        }
    }

    private static final class Duty {
        String filedFact;
        LocalDate endDate;
        String completedFact;
        LocalDate completedOn;
        LocalDate completedEndDate;
        int inspections;
        int qualified;
        int notRecommended;
        int notFollowedTwice;
        boolean recommendAlerted;
        boolean followUpAlerted;
        boolean recheck;
    }

    private record Trainee(boolean qualified, boolean recommended, boolean followedTwice) {
    }

    /** One batch: what it loaded, what it changed, what it writes. */
    private final class Batch {
        final int version;
        final boolean lock;
        final Map<FigureKey, BigDecimal> deltas = new TreeMap<>();
        Map<FigureKey, BigDecimal> effects;
        final Rows<String, Person> persons = new Rows<>();
        final Rows<String, Case> cases = new Rows<>();
        final Rows<String, Map<Reference, Integer>> distincts = new Rows<>();
        final Rows<String, Household> households = new Rows<>();
        final Rows<List<String>, Boolean> householdPlacements = new Rows<>();
        final Rows<String, String> placementHousehold = new Rows<>();
        final Rows<String, ProjectRow> projects = new Rows<>();
        final Map<List<String>, Optional<BigDecimal>> arrears = new LinkedHashMap<>();
        final Rows<String, Duty> duties = new Rows<>();
        final Rows<List<String>, Trainee> trainees = new Rows<>();
        final Map<List<String>, Long> types = new TreeMap<>(Comparator.comparing(Object::toString));
        final List<Object[]> factRows = new ArrayList<>();

        Batch(int version, boolean live) {
            this.version = version;
            this.lock = live;
        }

        Result run(List<Incoming> all) {
            Map<String, Map<Integer, Long>> stored = offsets(version);
            List<Incoming> records = new ArrayList<>();
            for (Incoming r : all) {
                if (r.offset() >= stored.getOrDefault(r.topic(), Map.of()).getOrDefault(r.partition(), 0L)) {
                    records.add(r);
                }
            }
            records = inRecordedOrder(records);
            List<Incoming> unreadable = new ArrayList<>();
            List<Fact> candidates = new ArrayList<>();
            for (Incoming r : records) {
                if (r.fact() == null) {
                    unreadable.add(r);
                } else {
                    candidates.add(r.fact());
                }
            }
            // redeliveries: at or below the highest sequence applied for the aggregate
            Map<String, Long> positions = new HashMap<>();
            Set<String> known = new HashSet<>();
            select("SELECT stream_key, sequence FROM aggregate_position WHERE version = ? AND stream_key IN (%s)",
                    candidates.stream().map(Fact::streamKey).distinct().toList(), rs -> {
                        positions.put(rs.getString(1), rs.getLong(2));
                        known.add(rs.getString(1));
                    });
            List<Fact> facts = new ArrayList<>();
            List<Fact> duplicates = new ArrayList<>();
            Set<String> advanced = new HashSet<>();
            for (Fact f : candidates) {
                Long position = positions.get(f.streamKey());
                if (position != null && f.aggregateSequence() <= position) {
                    duplicates.add(f);
                } else {
                    positions.put(f.streamKey(), f.aggregateSequence());
                    advanced.add(f.streamKey());
                    facts.add(f);
                }
            }
            load(facts);
            for (Fact f : facts) {
                effects = new TreeMap<>();
                apply(f);
                factRows.add(new Object[]{version, f.eventId(), f.source(), f.topic(), f.partition(), f.offset(), f.type(),
                        f.aggregateId(), f.aggregateSequence(), f.countyCode(), f.department(), f.actorId(),
                        f.actorDepartment(), Timestamp.from(f.occurredAt()), Timestamp.from(f.recordedAt()), f.year(),
                        f.quarter(), f.personKey(), Codec.effects(effects, names)});
                types.merge(List.of(f.source(), f.type()), 1L, Long::sum);
            }
            write(positions, known, advanced, records);
            return new Result(version, records, facts, duplicates, unreadable);
        }

        // ----- loading what the batch needs, a few IN queries per table -----

        void load(List<Fact> facts) {
            Set<String> personKeys = new HashSet<>();
            Set<String> caseKeys = new HashSet<>();
            Set<String> distinctValues = new HashSet<>();
            Set<String> placements = new HashSet<>();
            Set<String> householdIds = new HashSet<>();
            Set<String> projectIds = new HashSet<>();
            Set<String> classIds = new HashSet<>();
            for (Fact f : facts) {
                for (Counting d : byType.getOrDefault(f.type(), List.of())) {
                    switch (d.measure()) {
                        case PERSONS, TRANSFERS -> {
                            if (f.personKey() != null) {
                                personKeys.add(f.personKey());
                            }
                        }
                        case CURRENT_SUM, CURRENT_KEYS, CURRENT_DISTINCT -> {
                            caseKeys.add(caseKey(d, f));
                            // a closing fact's values are those of its stored case (loaded with it)
                            if (d.measure() == Measure.CURRENT_DISTINCT && d.types().contains(f.type())) {
                                distinctValues.add(String.valueOf(d.distinct().from(f)));
                            }
                        }
                        default -> {
                        }
                    }
                }
                IntegrationEvent e = f.event();
                if (e instanceof PlacementDetailsRecorded d) {
                    addIfKnown(placements, d.placementId());
                    addIfKnown(householdIds, d.householdId());
                } else if (e instanceof EmploymentEnded ended) {
                    addIfKnown(placements, ended.placementId());
                } else if (e instanceof RelocatedHouseholdRegistered h) {
                    addIfKnown(householdIds, h.householdId());
                }
                addIfKnown(projectIds, PROJECT_OF.orNull(f));
                addIfKnown(classIds, CLASS_OF.orNull(f));
            }
            select("SELECT person_key, state FROM person_state WHERE version = ? AND person_key IN (%s)",
                    personKeys, rs -> persons.loaded(rs.getString(1), readPerson(rs.getString(1), rs.getBytes(2))));
            select("SELECT case_key, entries FROM case_state WHERE version = ? AND case_key IN (%s)", caseKeys, rs -> {
                Case c = readCase(rs.getBytes(2));
                c.entries.values().forEach(entries -> entries.values().forEach(e -> {
                    if (!e.distinct().isEmpty()) {
                        distinctValues.add(e.distinct());
                    }
                }));
                cases.loaded(rs.getString(1), c);
            });
            select("SELECT distinct_value, refs FROM distinct_state WHERE version = ? AND distinct_value IN (%s)",
                    distinctValues, rs -> distincts.loaded(rs.getString(1), readReferences(rs.getBytes(2))));
            select("SELECT placement_id, household_id FROM placement_household WHERE version = ? AND placement_id IN (%s)", placements, rs -> {
                placementHousehold.loaded(rs.getString(1), rs.getString(2));
                householdIds.add(rs.getString(2));
            });
            select("SELECT household_id, registered, county_code, active_placements FROM household WHERE version = ? AND household_id IN (%s)",
                    householdIds, rs -> households.loaded(rs.getString(1), new Household(rs.getBoolean(2), rs.getString(3), rs.getInt(4))));
            select("SELECT household_id, placement_id FROM household_placement WHERE version = ? AND household_id IN (%s)",
                    householdIds, rs -> householdPlacements.loaded(List.of(rs.getString(1), rs.getString(2)), Boolean.TRUE));
            select("SELECT project_id, name, county_code, department, government_invested, closed, local_workers, total_workers FROM project WHERE version = ? AND project_id IN (%s)",
                    projectIds, rs -> {
                        ProjectRow p = new ProjectRow();
                        p.name = rs.getString(2);
                        p.countyCode = rs.getString(3);
                        p.department = rs.getString(4);
                        p.governmentInvested = rs.getBoolean(5);
                        p.closed = rs.getBoolean(6);
                        p.localWorkers = rs.getInt(7);
                        p.totalWorkers = rs.getInt(8);
                        projects.loaded(rs.getString(1), p);
                    });
            select("SELECT class_id, filed_fact, end_date, completed_fact, completed_on, completed_end_date, inspections, qualified, "
                    + "not_recommended, not_followed_twice, recommend_alerted, follow_up_alerted, recheck FROM class_duty WHERE version = ? AND class_id IN (%s)",
                    classIds, rs -> {
                        Duty d = new Duty();
                        d.filedFact = rs.getString(2);
                        d.endDate = date(rs, 3);
                        d.completedFact = rs.getString(4);
                        d.completedOn = date(rs, 5);
                        d.completedEndDate = date(rs, 6);
                        d.inspections = rs.getInt(7);
                        d.qualified = rs.getInt(8);
                        d.notRecommended = rs.getInt(9);
                        d.notFollowedTwice = rs.getInt(10);
                        d.recommendAlerted = rs.getBoolean(11);
                        d.followUpAlerted = rs.getBoolean(12);
                        d.recheck = rs.getBoolean(13);
                        duties.loaded(rs.getString(1), d);
                    });
            select("SELECT class_id, person_key, qualified, recommended, followed_twice FROM class_trainee WHERE version = ? AND class_id IN (%s)",
                    classIds, rs -> trainees.loaded(List.of(rs.getString(1), rs.getString(2)),
                            new Trainee(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5))));
        }

        void select(String sql, Collection<String> keys, RowHandler handler) {
            // in key order, so two instances lock shared rows in the same order
            List<String> list = new ArrayList<>(keys);
            java.util.Collections.sort(list);
            for (int i = 0; i < list.size(); i += CHUNK) {
                List<String> chunk = list.subList(i, Math.min(list.size(), i + CHUNK));
                Object[] args = new Object[chunk.size() + 1];
                args[0] = version;
                for (int j = 0; j < chunk.size(); j++) {
                    args[j + 1] = chunk.get(j);
                }
                String query = String.format(sql, String.join(",", java.util.Collections.nCopies(chunk.size(), "?")))
                        + (lock ? " FOR UPDATE" : "");
                jdbc.query(query, rs -> {
                    handler.handle(rs);
                }, args);
            }
        }

        // ----- applying one fact: the countings -----

        void apply(Fact f) {
            List<String> areas = f.areas();
            List<String> periods = Fact.periods(f.year(), f.quarter());
            for (Counting d : byType.getOrDefault(f.type(), List.of())) {
                if (d.measure() == Measure.TRANSFERS || d.measure() == Measure.HOUSEHOLDS_WITHOUT_WORK) {
                    continue;
                }
                boolean counts = d.types().contains(f.type()) && d.when().test(f);
                boolean closes = d.closers().contains(f.type());
                if (!counts && !closes) {
                    continue;
                }
                switch (d.measure()) {
                    case COUNT -> add(d.id(), areas, periods, BigDecimal.ONE);
                    case SUM -> add(d.id(), areas, periods, d.value().from(f));
                    case PERSONS -> {
                        if (f.personKey() != null) {
                            person(d.id(), areas, f);
                        }
                    }
                    default -> {
                        if (counts) {
                            open(d, areas, periods, f);
                        } else {
                            close(d, areas, f);
                        }
                    }
                }
            }
            transfer(f);
            household(f);
            project(f);
            duty(f);
        }

        void add(String indicator, List<String> areas, List<String> periods, BigDecimal delta) {
            for (String area : areas) {
                for (String period : periods) {
                    add(new FigureKey(indicator, area, period), delta);
                }
            }
        }

        void add(FigureKey key, BigDecimal delta) {
            if (delta.signum() != 0) {
                deltas.merge(key, delta, BigDecimal::add);
                effects.merge(key, delta, BigDecimal::add);
            }
        }

        /** A person counts once per indicator, area and period: year, quarter, year to date, all time. */
        void person(String indicator, List<String> areas, Fact f) {
            int q = f.quarter();
            int bit = 1 << q;
            String y = String.valueOf(f.year());
            Person state = personState(f.personKey());
            boolean changed = false;
            for (String area : areas) {
                boolean ever = state.seenIn(indicator, area);
                Mark id = new Mark(indicator, area, f.year());
                Integer seen = state.marks.get(id);
                if (seen == null) {
                    state.marks.put(id, bit);
                    List<String> periods = new ArrayList<>(Fact.periods(f.year(), q));
                    periods.remove(Fact.ALL_TIME);
                    add(indicator, List.of(area), periods, BigDecimal.ONE);
                    changed = true;
                } else if ((seen & bit) == 0) {
                    add(new FigureKey(indicator, area, y + "Q" + q), BigDecimal.ONE);
                    for (int n = q; n <= 3; n++) {
                        int upToN = (1 << (n + 1)) - 2;
                        if ((seen & upToN) == 0) {
                            add(new FigureKey(indicator, area, y + "YTD" + n), BigDecimal.ONE);
                        }
                    }
                    state.marks.put(id, seen | bit);
                    changed = true;
                }
                if (!ever) {
                    add(new FigureKey(indicator, area, Fact.ALL_TIME), BigDecimal.ONE);
                }
            }
            if (changed) {
                persons.put(f.personKey(), state);
            }
        }

        Person personState(String personKey) {
            Person state = persons.get(personKey);
            return state == null ? new Person() : state;
        }

        /** A case's value in each area and period of the fact (the latest per period); a new case counts once. */
        void open(Counting d, List<String> areas, List<String> periods, Fact f) {
            String id = caseKey(d, f);
            Case c = cases.get(id);
            if (c == null) {
                c = new Case();
            }
            Map<AreaPeriod, Entry> entries = c.entries.computeIfAbsent(d.id(), k -> new LinkedHashMap<>());
            BigDecimal value = d.measure() == Measure.CURRENT_SUM ? d.value().from(f) : BigDecimal.ONE;
            String distinct = d.measure() == Measure.CURRENT_DISTINCT ? String.valueOf(d.distinct().from(f)) : "";
            for (String area : areas) {
                for (String period : periods) {
                    Entry old = entries.put(new AreaPeriod(area, period), new Entry(value, distinct));
                    FigureKey key = new FigureKey(d.id(), area, period);
                    switch (d.measure()) {
                        case CURRENT_SUM -> add(key, old == null ? value : value.subtract(old.value()));
                        case CURRENT_KEYS -> {
                            if (old == null) {
                                add(key, BigDecimal.ONE);
                            }
                        }
                        default -> {
                            if (old == null) {
                                refer(d.id(), area, period, distinct, 1);
                            } else if (!old.distinct().equals(distinct)) {
                                refer(d.id(), area, period, old.distinct(), -1);
                                refer(d.id(), area, period, distinct, 1);
                            }
                        }
                    }
                }
            }
            cases.put(id, c);
        }

        /**
         * A closing fact removes the case wherever it is open in the fact's areas, in every period (it may have opened
         * in another period than the one closing it); a year to date only by a closing fact dated within it, so the
         * quarter-end report shows the case as it stood at the quarter's end.
         */
        void close(Counting d, List<String> areas, Fact f) {
            String id = caseKey(d, f);
            Case c = cases.get(id);
            Map<AreaPeriod, Entry> entries = c == null ? null : c.entries.get(d.id());
            if (entries == null) {
                return;
            }
            for (var it = entries.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                String area = e.getKey().area();
                String period = e.getKey().period();
                if (!areas.contains(area)) {
                    continue;
                }
                int ytd = period.indexOf("YTD");
                if (ytd > 0 && !(Integer.parseInt(period.substring(0, ytd)) == f.year()
                        && f.quarter() <= Integer.parseInt(period.substring(ytd + 3)))) {
                    continue;
                }
                it.remove();
                FigureKey key = new FigureKey(d.id(), area, period);
                switch (d.measure()) {
                    case CURRENT_SUM -> add(key, e.getValue().value().negate());
                    case CURRENT_KEYS -> add(key, BigDecimal.ONE.negate());
                    default -> refer(d.id(), area, period, e.getValue().distinct(), -1);
                }
            }
            if (entries.isEmpty()) {
                c.entries.remove(d.id());
            }
            if (c.entries.isEmpty()) {
                cases.remove(id);
            } else {
                cases.put(id, c);
            }
        }

        void refer(String indicator, String area, String period, String value, int change) {
            Map<Reference, Integer> references = distincts.get(value);
            references = references == null ? new HashMap<>() : references;
            Reference id = new Reference(indicator, area, period);
            Integer before = references.get(id);
            int refs = (before == null ? 0 : before) + change;
            if ((before == null || before == 0) && refs > 0) {
                add(new FigureKey(indicator, area, period), BigDecimal.ONE);
            } else if (before != null && before > 0 && refs <= 0) {
                add(new FigureKey(indicator, area, period), BigDecimal.ONE.negate());
            }
            if (refs <= 0) {
                references.remove(id);
            } else {
                references.put(id, refs);
            }
            if (references.isEmpty()) {
                distincts.remove(value);
            } else {
                distincts.put(value, references);
            }
        }

        /** TransferCounting: once per person and year, in the channel, county and quarter of the first transfer. */
        void transfer(Fact f) {
            Optional<TransferCounting.Transfer> next = f.event() instanceof WorkerPlaced placed
                    ? Optional.of(TransferCounting.of(f.eventId(), placed))
                    : f.event() instanceof WorkerJoinedProject joined ? TransferCounting.of(f.eventId(), joined)
                    : Optional.empty();
            if (next.isEmpty() || next.get().personKey() == null || next.get().date() == null) {
                return;
            }
            TransferCounting.Transfer t = next.get();
            int year = t.date().getYear();
            Person state = personState(t.personKey());
            TransferCounting.Transfer old = state.transfers.get(year);
            TransferCounting.Transfer first = old == null ? t
                    : TransferCounting.countedIn(year, List.of(old, t)).get(t.personKey());
            if (old != null && first.eventId().equals(old.eventId())) {
                return;
            }
            if (old != null) {
                countTransfer(old, BigDecimal.ONE.negate());
            }
            countTransfer(first, BigDecimal.ONE);
            state.transfers.put(year, first);
            persons.put(t.personKey(), state);
        }

        void countTransfer(TransferCounting.Transfer t, BigDecimal delta) {
            List<String> areas = t.countyCode() == null ? List.of(Fact.CITY) : List.of(Fact.CITY, t.countyCode());
            List<String> periods = Fact.periods(t.date().getYear(), (t.date().getMonthValue() - 1) / 3 + 1);
            if (transfersTotal != null) {
                add(transfersTotal, areas, periods, delta);
            }
            String channel = transfersByChannel.get(t.channel().name());
            if (channel != null) {
                add(channel, areas, periods, delta);
            }
        }

        /** Relocated households with labour capacity and nobody in a placement that has not ended (current state). */
        void household(Fact f) {
            IntegrationEvent e = f.event();
            if (e instanceof RelocatedHouseholdRegistered registered) {
                if (registered.householdId() != null && registered.membersAbleToWork() > 0) {
                    String id = registered.householdId();
                    Household old = households.get(id);
                    changeHousehold(id, old, new Household(true, f.countyCode(), old == null ? 0 : old.activePlacements()));
                }
            } else if (e instanceof PlacementDetailsRecorded details) {
                if (details.householdId() != null && details.placementId() != null) {
                    String household = details.householdId();
                    String placement = details.placementId();
                    placementHousehold.put(placement, household);
                    List<String> member = List.of(household, placement);
                    Household old = households.get(household);
                    if (householdPlacements.get(member) == null) {
                        householdPlacements.put(member, Boolean.TRUE);
                        changeHousehold(household, old, old == null ? new Household(false, null, 1)
                                : new Household(old.registered(), old.countyCode(), old.activePlacements() + 1));
                    }
                }
            } else if (e instanceof EmploymentEnded ended) {
                String placement = ended.placementId();
                String household = placement == null ? null : placementHousehold.get(placement);
                if (household != null && householdPlacements.get(List.of(household, placement)) != null) {
                    householdPlacements.remove(List.of(household, placement));
                    Household old = households.get(household);
                    changeHousehold(household, old, new Household(old.registered(), old.countyCode(), old.activePlacements() - 1));
                }
            }
        }

        void changeHousehold(String id, Household old, Household now) {
            if (householdsIndicator != null) {
                if (old != null && old.nobodyEmployed()) {
                    add(householdsIndicator, householdAreas(old), List.of(Fact.NOW), BigDecimal.ONE.negate());
                }
                if (now.nobodyEmployed()) {
                    add(householdsIndicator, householdAreas(now), List.of(Fact.NOW), BigDecimal.ONE);
                }
            }
            households.put(id, now);
        }

        List<String> householdAreas(Household h) {
            return h.countyCode() == null ? List.of(Fact.CITY) : List.of(Fact.CITY, h.countyCode());
        }

        /** Each project as it stands: registration, closing, roster counts, open arrears per worker and period. */
        void project(Fact f) {
            IntegrationEvent e = f.event();
            String id = PROJECT_OF.orNull(f);
            if (id == null) {
                return;
            }
            if (e instanceof ProjectRegistered r) {
                changeProject(id, row -> row.describe(r.name(), r.countyCode(), r.department(), r.governmentInvested()));
            } else if (e instanceof ProjectUpdated u) {
                changeProject(id, row -> row.describe(u.name(), u.countyCode(), u.department(), u.governmentInvested()));
            } else if (e instanceof ProjectClosed) {
                changeProject(id, row -> row.closed = true);
            } else if (e instanceof WorkerJoinedProject j) {
                changeProject(id, row -> row.roster(j.localWorkers(), j.totalWorkers()));
            } else if (e instanceof WorkerLeftProject l) {
                changeProject(id, row -> row.roster(l.localWorkers(), l.totalWorkers()));
            } else if (e instanceof WageArrearsDetected a) {
                arrears.put(arrearsKey(id, a.personKey(), a.period()), Optional.of(Counting.decimal(a.amount())));
            } else if (e instanceof WageArrearsChanged a) {
                arrears.put(arrearsKey(id, a.personKey(), a.period()), Optional.of(Counting.decimal(a.amount())));
            } else if (e instanceof WageArrearsCleared a) {
                arrears.put(arrearsKey(id, a.personKey(), a.period()), Optional.empty());
            }
        }

        List<String> arrearsKey(String projectId, String personKey, Object period) {
            return List.of(projectId, String.valueOf(personKey), String.valueOf(period));
        }

        void changeProject(String id, Consumer<ProjectRow> change) {
            ProjectRow row = projects.get(id);
            if (row == null) {
                row = new ProjectRow();
            }
            change.accept(row);
            projects.put(id, row);
        }

        /** What the after-training alert scans need per class, kept current. */
        void duty(Fact f) {
            IntegrationEvent e = f.event();
            String classId = CLASS_OF.orNull(f);
            if (classId == null) {
                return;
            }
            if (e instanceof ClassFiled filed) {
                changeDuty(classId, d -> {
                    d.filedFact = alertFact(f);
                    d.endDate = filed.endDate();
                });
            } else if (e instanceof ClassInspected) {
                changeDuty(classId, d -> d.inspections++);
            } else if (e instanceof ClassCompleted completed) {
                changeDuty(classId, d -> {
                    d.completedFact = alertFact(f);
                    d.completedOn = completed.completedOn();
                    d.completedEndDate = completed.endDate();
                    d.recheck = true;
                });
            } else if (e instanceof TraineeAssessed assessed) {
                if (assessed.passed()) {
                    trainee(classId, f.personKey(), t -> new Trainee(true, t.recommended(), t.followedTwice()));
                }
            } else if (e instanceof JobRecommended) {
                trainee(classId, f.personKey(), t -> new Trainee(t.qualified(), true, t.followedTwice()));
            } else if (e instanceof FollowUpRecorded followUp) {
                if (followUp.followUpNumber() >= 2) {
                    trainee(classId, f.personKey(), t -> new Trainee(t.qualified(), t.recommended(), true));
                }
            }
        }

        void trainee(String classId, String personKey, java.util.function.UnaryOperator<Trainee> change) {
            if (personKey == null) {
                return;
            }
            List<String> id = List.of(classId, personKey);
            Trainee before = trainees.get(id);
            Trainee old = before == null ? new Trainee(false, false, false) : before;
            Trainee now = change.apply(old);
            if (now.equals(old) && before != null) {
                return;
            }
            trainees.put(id, now);
            changeDuty(classId, d -> {
                d.qualified += count(now.qualified()) - count(old.qualified());
                d.notRecommended += count(now.qualified() && !now.recommended()) - count(old.qualified() && !old.recommended());
                d.notFollowedTwice += count(now.qualified() && !now.followedTwice()) - count(old.qualified() && !old.followedTwice());
                d.recheck = true;
            });
        }

        void changeDuty(String classId, Consumer<Duty> change) {
            Duty d = duties.get(classId);
            if (d == null) {
                d = new Duty();
            }
            change.accept(d);
            duties.put(classId, d);
        }

        // ----- writing: a few batched statements per table, figures as increments in key order -----

        void write(Map<String, Long> positions, Set<String> known, Set<String> advanced, List<Incoming> records) {
            int v = version;
            batch("INSERT INTO fact (version, event_id, source, topic, part, kafka_offset, event_type, aggregate_id, "
                    + "aggregate_sequence, county_code, department, actor_id, actor_department, occurred_at, recorded_at, "
                    + "fact_year, fact_quarter, person_key, effects) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", factRows);
            List<Object[]> insertPositions = new ArrayList<>();
            List<Object[]> updatePositions = new ArrayList<>();
            for (String key : advanced) {
                (known.contains(key) ? updatePositions : insertPositions).add(known.contains(key)
                        ? new Object[]{positions.get(key), v, key} : new Object[]{v, key, positions.get(key)});
            }
            batch("INSERT INTO aggregate_position (version, stream_key, sequence) VALUES (?,?,?)", insertPositions);
            batch("UPDATE aggregate_position SET sequence = ? WHERE version = ? AND stream_key = ?", updatePositions);

            // figures as increments (atomic, whichever instance commits first), in key order; a figure not there yet is
            // inserted (two instances inserting the same one: one fails and its batch is retried, then increments)
            List<Object[]> figureRows = new ArrayList<>();
            deltas.forEach((k, d) -> {
                if (d.signum() != 0) {
                    figureRows.add(new Object[]{d, v, k.indicator(), k.area(), k.period()});
                }
            });
            int[] updated = batch("UPDATE figure SET amount = amount + ? WHERE version = ? AND indicator = ? AND area = ? AND period_key = ?",
                    figureRows);
            List<Object[]> newFigures = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    Object[] r = figureRows.get(i);
                    newFigures.add(new Object[]{r[1], r[2], r[3], r[4], r[0]});
                } else if (updated[i] != 1) {
                    throw new IllegalStateException("figure increment reported " + updated[i] + " rows");
                }
            }
            batch("INSERT INTO figure (version, indicator, area, period_key, amount) VALUES (?,?,?,?,?)", newFigures);

            Statements persons = new Statements(
                    "INSERT INTO person_state (state, version, person_key) VALUES (?,?,?)",
                    "UPDATE person_state SET state = ? WHERE version = ? AND person_key = ?",
                    "DELETE FROM person_state WHERE version = ? AND person_key = ?");
            this.persons.flush(persons.writer(k -> new Object[]{v, k}, (k, state) -> new Object[]{writePerson(state)}));
            persons.run();

            Statements cases = new Statements(
                    "INSERT INTO case_state (entries, version, case_key) VALUES (?,?,?)",
                    "UPDATE case_state SET entries = ? WHERE version = ? AND case_key = ?",
                    "DELETE FROM case_state WHERE version = ? AND case_key = ?");
            this.cases.flush(cases.writer(k -> new Object[]{v, k}, (k, c) -> new Object[]{writeCase(c)}));
            cases.run();

            Statements distincts = new Statements(
                    "INSERT INTO distinct_state (refs, version, distinct_value) VALUES (?,?,?)",
                    "UPDATE distinct_state SET refs = ? WHERE version = ? AND distinct_value = ?",
                    "DELETE FROM distinct_state WHERE version = ? AND distinct_value = ?");
            this.distincts.flush(distincts.writer(k -> new Object[]{v, k}, (k, r) -> new Object[]{writeReferences(r)}));
            distincts.run();

            Statements households = new Statements(
                    "INSERT INTO household (registered, county_code, active_placements, version, household_id) VALUES (?,?,?,?,?)",
                    "UPDATE household SET registered = ?, county_code = ?, active_placements = ? WHERE version = ? AND household_id = ?",
                    "DELETE FROM household WHERE version = ? AND household_id = ?");
            this.households.flush(households.writer(k -> new Object[]{v, k},
                    (k, h) -> new Object[]{h.registered(), h.countyCode(), h.activePlacements()}));
            households.run();

            Statements members = new Statements(
                    "INSERT INTO household_placement (version, household_id, placement_id) VALUES (?,?,?)", null,
                    "DELETE FROM household_placement WHERE version = ? AND household_id = ? AND placement_id = ?");
            householdPlacements.flush(members.writer(k -> new Object[]{v, k.get(0), k.get(1)}, (k, x) -> new Object[]{}));
            members.run();

            Statements placements = new Statements(
                    "INSERT INTO placement_household (household_id, version, placement_id) VALUES (?,?,?)",
                    "UPDATE placement_household SET household_id = ? WHERE version = ? AND placement_id = ?",
                    "DELETE FROM placement_household WHERE version = ? AND placement_id = ?");
            placementHousehold.flush(placements.writer(k -> new Object[]{v, k}, (k, h) -> new Object[]{h}));
            placements.run();

            Statements projects = new Statements(
                    "INSERT INTO project (name, county_code, department, government_invested, closed, local_workers, total_workers, version, project_id) VALUES (?,?,?,?,?,?,?,?,?)",
                    "UPDATE project SET name = ?, county_code = ?, department = ?, government_invested = ?, closed = ?, local_workers = ?, total_workers = ? WHERE version = ? AND project_id = ?",
                    "DELETE FROM project WHERE version = ? AND project_id = ?");
            this.projects.flush(projects.writer(k -> new Object[]{v, k}, (k, r) -> new Object[]{r.name, r.countyCode,
                    r.department, r.governmentInvested, r.closed, r.localWorkers, r.totalWorkers}));
            projects.run();

            List<Object[]> arrearsUpserts = new ArrayList<>();
            List<Object[]> arrearsDeletes = new ArrayList<>();
            arrears.forEach((k, amount) -> {
                if (amount.isPresent()) {
                    arrearsUpserts.add(new Object[]{v, k.get(0), k.get(1), k.get(2), amount.get()});
                } else {
                    arrearsDeletes.add(new Object[]{v, k.get(0), k.get(1), k.get(2)});
                }
            });
            batch("MERGE INTO project_arrears a USING (VALUES (CAST(? AS INT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
                    + "CAST(? AS VARCHAR), CAST(? AS NUMERIC(19,2)))) AS s (version, project_id, person_key, period_key, amount) "
                    + "ON a.version = s.version AND a.project_id = s.project_id AND a.person_key = s.person_key AND a.period_key = s.period_key "
                    + "WHEN MATCHED THEN UPDATE SET amount = s.amount "
                    + "WHEN NOT MATCHED THEN INSERT (version, project_id, person_key, period_key, amount) "
                    + "VALUES (s.version, s.project_id, s.person_key, s.period_key, s.amount)", arrearsUpserts);
            batch("DELETE FROM project_arrears WHERE version = ? AND project_id = ? AND person_key = ? AND period_key = ?", arrearsDeletes);

            Statements duties = new Statements(
                    "INSERT INTO class_duty (filed_fact, end_date, completed_fact, completed_on, completed_end_date, inspections, qualified, "
                            + "not_recommended, not_followed_twice, recommend_alerted, follow_up_alerted, recheck, version, class_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    "UPDATE class_duty SET filed_fact = ?, end_date = ?, completed_fact = ?, completed_on = ?, completed_end_date = ?, inspections = ?, "
                            + "qualified = ?, not_recommended = ?, not_followed_twice = ?, recommend_alerted = ?, follow_up_alerted = ?, recheck = ? "
                            + "WHERE version = ? AND class_id = ?",
                    "DELETE FROM class_duty WHERE version = ? AND class_id = ?");
            this.duties.flush(duties.writer(k -> new Object[]{v, k}, (k, d) -> new Object[]{d.filedFact, sqlDate(d.endDate),
                    d.completedFact, sqlDate(d.completedOn), sqlDate(d.completedEndDate), d.inspections, d.qualified,
                    d.notRecommended, d.notFollowedTwice, d.recommendAlerted, d.followUpAlerted, d.recheck}));
            duties.run();

            Statements trainees = new Statements(
                    "INSERT INTO class_trainee (qualified, recommended, followed_twice, version, class_id, person_key) VALUES (?,?,?,?,?,?)",
                    "UPDATE class_trainee SET qualified = ?, recommended = ?, followed_twice = ? WHERE version = ? AND class_id = ? AND person_key = ?",
                    "DELETE FROM class_trainee WHERE version = ? AND class_id = ? AND person_key = ?");
            this.trainees.flush(trainees.writer(k -> new Object[]{v, k.get(0), k.get(1)},
                    (k, t) -> new Object[]{t.qualified(), t.recommended(), t.followedTwice()}));
            trainees.run();

            List<Object[]> typeRows = new ArrayList<>();
            types.forEach((k, n) -> typeRows.add(new Object[]{v, k.get(0), k.get(1), n}));
            batch("MERGE INTO projected_type t USING (VALUES (CAST(? AS INT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT))) "
                    + "AS s (version, source, event_type, events) "
                    + "ON t.version = s.version AND t.source = s.source AND t.event_type = s.event_type "
                    + "WHEN MATCHED THEN UPDATE SET events = t.events + s.events "
                    + "WHEN NOT MATCHED THEN INSERT (version, source, event_type, events) VALUES (s.version, s.source, s.event_type, s.events)",
                    typeRows);

            // where each partition stands: the next offset to read, the last business and recording time seen
            Map<String, Object[]> partitions = new TreeMap<>();
            Timestamp now = Timestamp.from(Instant.now());
            for (Incoming r : records) {
                Object[] row = partitions.computeIfAbsent(r.topic() + "\t" + r.partition(),
                        k -> new Object[]{v, r.topic(), r.partition(), 0L, null, null, now});
                row[3] = Math.max((Long) row[3], r.offset() + 1);
                if (r.fact() != null) {
                    row[4] = later((Timestamp) row[4], r.fact().occurredAt());
                    row[5] = later((Timestamp) row[5], r.fact().recordedAt());
                }
            }
            batch("MERGE INTO projection_offset o USING (VALUES (CAST(? AS INT), CAST(? AS VARCHAR), CAST(? AS INT), CAST(? AS BIGINT), "
                    + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
                    + "AS s (version, topic, part, next_offset, last_occurred_at, last_recorded_at, projected_at) "
                    + "ON o.version = s.version AND o.topic = s.topic AND o.part = s.part "
                    + "WHEN MATCHED THEN UPDATE SET next_offset = GREATEST(o.next_offset, s.next_offset), "
                    + "last_occurred_at = COALESCE(GREATEST(o.last_occurred_at, s.last_occurred_at), o.last_occurred_at, s.last_occurred_at), "
                    + "last_recorded_at = COALESCE(GREATEST(o.last_recorded_at, s.last_recorded_at), o.last_recorded_at, s.last_recorded_at), "
                    + "projected_at = s.projected_at "
                    + "WHEN NOT MATCHED THEN INSERT (version, topic, part, next_offset, last_occurred_at, last_recorded_at, projected_at) "
                    + "VALUES (s.version, s.topic, s.part, s.next_offset, s.last_occurred_at, s.last_recorded_at, s.projected_at)",
                    new ArrayList<>(partitions.values()));
        }

        /** One statement for many rows, each value bound by its type (null by the column's type). */
        int[] batch(String sql, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return new int[0];
            }
            return jdbc.batchUpdate(sql, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                @Override
                public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                    Object[] row = rows.get(i);
                    for (int c = 0; c < row.length; c++) {
                        Object value = row[c];
                        if (value instanceof String text) {
                            ps.setString(c + 1, text);
                        } else if (value instanceof Integer n) {
                            ps.setInt(c + 1, n);
                        } else if (value instanceof Long n) {
                            ps.setLong(c + 1, n);
                        } else if (value instanceof byte[] bytes) {
                            ps.setBytes(c + 1, bytes);
                        } else if (value instanceof BigDecimal d) {
                            ps.setBigDecimal(c + 1, d);
                        } else if (value instanceof Timestamp t) {
                            ps.setTimestamp(c + 1, t);
                        } else {
                            org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(ps, c + 1,
                                    org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, value);
                        }
                    }
                }

                @Override
                public int getBatchSize() {
                    return rows.size();
                }
            });
        }

        /** Insert, update and delete statements of one table, their arguments collected, then run in batches. */
        final class Statements {
            final String insert;
            final String update;
            final String delete;
            final List<Object[]> inserts = new ArrayList<>();
            final List<Object[]> updates = new ArrayList<>();
            final List<Object[]> deletes = new ArrayList<>();

            Statements(String insert, String update, String delete) {
                this.insert = insert;
                this.update = update;
                this.delete = delete;
            }

            /** Inserts and updates take the values first, then the key; deletes the key only. */
            <K, V> Rows.Writer<K, V> writer(java.util.function.Function<K, Object[]> key,
                                            java.util.function.BiFunction<K, V, Object[]> values) {
                return new Rows.Writer<>() {
                    @Override
                    public void insert(K k, V value) {
                        inserts.add(concat(values.apply(k, value), key.apply(k)));
                    }

                    @Override
                    public void update(K k, V value) {
                        if (update != null) {
                            updates.add(concat(values.apply(k, value), key.apply(k)));
                        }
                    }

                    @Override
                    public void delete(K k) {
                        deletes.add(key.apply(k));
                    }
                };
            }

            void run() {
                batch(delete, deletes);
                batch(update, updates);
                batch(insert, inserts);
            }
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** The stored key of a fact's case: its values, each followed by '|' ("p-1|pk_1|2020-06|"). */
    static String caseKey(Counting counting, Fact fact) {
        StringBuilder key = new StringBuilder();
        counting.openCase().key(fact).forEach(value -> key.append(value).append('|'));
        return key.toString();
    }

    // ----- the compact rows (Packed: names by number, periods as codes) -----

    private byte[] writePerson(Person p) {
        Packed.Out out = new Packed.Out();
        out.varint(p.marks.size());
        p.marks.forEach((m, quarters) -> out.varint(names.id(m.indicator())).varint(names.id(m.area())).varint(m.year())
                .varint(quarters));
        out.varint(p.transfers.size());
        p.transfers.forEach((year, t) -> out.varint(year).text(t.eventId()).signed(t.date().toEpochDay())
                .varint(names.id(t.channel().name())).varint(t.countyCode() == null ? 0 : names.id(t.countyCode()) + 1)
                .varint(names.id(t.source().name())));
        return out.bytes();
    }

    private Person readPerson(String personKey, byte[] packed) {
        Person p = new Person();
        Packed.In in = new Packed.In(packed);
        for (int i = in.small(); i > 0; i--) {
            p.marks.put(new Mark(names.name(in.small()), names.name(in.small()), in.small()), in.small());
        }
        for (int i = in.small(); i > 0; i--) {
            int year = in.small();
            String eventId = in.text();
            LocalDate date = LocalDate.ofEpochDay(in.signed());
            TransferChannel channel = TransferChannel.valueOf(names.name(in.small()));
            int county = in.small();
            p.transfers.put(year, new TransferCounting.Transfer(eventId, personKey, date, channel,
                    county == 0 ? null : names.name(county - 1), TransferCounting.Source.valueOf(names.name(in.small()))));
        }
        return p;
    }

    /**
     * A case: its distinct values once, then per indicator the groups of entries of one area, value and distinct
     * value, each with its periods (codes ascending, as differences).
     */
    private byte[] writeCase(Case c) {
        List<String> texts = new ArrayList<>();
        Map<String, Integer> textIds = new HashMap<>();
        Map<String, Map<List<Object>, List<Integer>>> groups = new LinkedHashMap<>();
        c.entries.forEach((indicator, entries) -> {
            Map<List<Object>, List<Integer>> byGroup = new LinkedHashMap<>();
            entries.forEach((ap, e) -> {
                Integer text = textIds.computeIfAbsent(e.distinct(), t -> {
                    texts.add(t);
                    return texts.size() - 1;
                });
                byGroup.computeIfAbsent(List.of(ap.area(), e.value(), text), g -> new ArrayList<>()).add(Packed.period(ap.period()));
            });
            groups.put(indicator, byGroup);
        });
        Packed.Out out = new Packed.Out();
        out.varint(texts.size());
        texts.forEach(out::text);
        out.varint(groups.size());
        groups.forEach((indicator, byGroup) -> {
            out.varint(names.id(indicator)).varint(byGroup.size());
            byGroup.forEach((g, periods) -> {
                out.varint(names.id((String) g.get(0))).decimal((BigDecimal) g.get(1)).varint((Integer) g.get(2));
                periods(out, periods);
            });
        });
        return out.bytes();
    }

    private Case readCase(byte[] packed) {
        Case c = new Case();
        Packed.In in = new Packed.In(packed);
        String[] texts = new String[in.small()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = in.text();
        }
        for (int i = in.small(); i > 0; i--) {
            Map<AreaPeriod, Entry> entries = new LinkedHashMap<>();
            c.entries.put(names.name(in.small()), entries);
            for (int g = in.small(); g > 0; g--) {
                String area = names.name(in.small());
                Entry entry = new Entry(in.decimal(), texts[in.small()]);
                int code = 0;
                for (int n = in.small(); n > 0; n--) {
                    code += in.small();
                    entries.put(new AreaPeriod(area, Packed.period(code)), entry);
                }
            }
        }
        return c;
    }

    private byte[] writeReferences(Map<Reference, Integer> references) {
        Packed.Out out = new Packed.Out();
        out.varint(references.size());
        references.forEach((r, refs) -> out.varint(names.id(r.indicator())).varint(names.id(r.area()))
                .varint(Packed.period(r.period())).varint(refs));
        return out.bytes();
    }

    private Map<Reference, Integer> readReferences(byte[] packed) {
        Map<Reference, Integer> references = new HashMap<>();
        Packed.In in = new Packed.In(packed);
        for (int i = in.small(); i > 0; i--) {
            references.put(new Reference(names.name(in.small()), names.name(in.small()), Packed.period(in.small())), in.small());
        }
        return references;
    }

    private static void periods(Packed.Out out, List<Integer> codes) {
        java.util.Collections.sort(codes);
        out.varint(codes.size());
        int last = 0;
        for (int code : codes) {
            out.varint(code - last);
            last = code;
        }
    }

    private static String alertFact(Fact f) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("type", f.type());
        fact.put("countyCode", f.countyCode());
        fact.put("department", f.department());
        fact.put("occurredAt", f.occurredAt().toString());
        fact.put("p", f.payload());
        try {
            return Fact.JSON.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int count(boolean b) {
        return b ? 1 : 0;
    }

    private static Timestamp later(Timestamp current, Instant candidate) {
        return current == null || current.toInstant().isBefore(candidate) ? Timestamp.from(candidate) : current;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static void addIfKnown(Set<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }

    /** The types the projection's own state reads: transfers, households, and what PROJECT_OF and CLASS_OF read. */
    private static Set<String> keepsStateFor() {
        Set<String> types = new TreeSet<>(PROJECT_OF.types());
        types.addAll(CLASS_OF.types());
        Stream.of(WorkerPlaced.class, RelocatedHouseholdRegistered.class, PlacementDetailsRecorded.class,
                EmploymentEnded.class).forEach(c -> types.add(EventTypes.typeOf(c).name()));
        return Collections.unmodifiableSet(types);
    }
}
