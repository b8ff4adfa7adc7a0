package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.TransferCounting;
import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import cn.changdu.labour.reporting.indicators.IndicatorCatalog;
import cn.changdu.labour.reporting.indicators.IndicatorCatalog.Definition;
import cn.changdu.labour.reporting.indicators.IndicatorCatalog.Measure;
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
import java.util.function.Consumer;

/**
 * Applies one batch of Kafka records to one version of the read model, in ONE transaction: the facts, every running
 * total and the state behind it (persons, cases, transfers, households, projects, class duties), and the
 * per-partition offsets the batch reached. A crash anywhere replays at most the uncommitted batch; the stored
 * offsets say where to resume, and the highest aggregate sequence applied per aggregate recognises a redelivered
 * event. Nothing per person, case or event stays in the heap after the batch.
 *
 * <p>Several instances may apply batches of different partitions at once: the rows a batch reads are locked
 * ({@code FOR UPDATE}), figures change by increments, and a row two batches both create makes one of them fail and
 * be retried whole. The counting rules are those of {@link IndicatorCatalog}, applied fact by fact in recording order.
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

    static final Map<String, List<Definition>> BY_TYPE = new HashMap<>();
    static final String TRANSFERS_TOTAL;
    static final Map<String, String> TRANSFERS_BY_CHANNEL = new HashMap<>();
    static final String HOUSEHOLDS;

    static {
        String total = null;
        String households = null;
        for (Definition d : IndicatorCatalog.DEFINITIONS) {
            Set<String> types = new HashSet<>(d.types());
            types.addAll(d.closers());
            types.forEach(t -> BY_TYPE.computeIfAbsent(t, k -> new ArrayList<>()).add(d));
            if (d.measure() == Measure.TRANSFERS) {
                if (d.field() == null) {
                    total = d.id();
                } else {
                    TRANSFERS_BY_CHANNEL.put(d.field(), d.id());
                }
            }
            if (d.measure() == Measure.HOUSEHOLDS_WITHOUT_WORK) {
                households = d.id();
            }
        }
        TRANSFERS_TOTAL = total;
        HOUSEHOLDS = households;
    }

    private static final String PLACED = "employment.WorkerPlaced";
    private static final String JOINED = "projectlabor.WorkerJoinedProject";
    /** Keys per IN list: H2 re-checks every found row against the whole list, so long lists cost rows × keys. */
    private static final int CHUNK = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public Projection(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Applies the records in one transaction.
     *
     * @param live         the live projection (several instances may run; the version must still be the active one
     *                     at commit) rather than a rebuild (one writer, a version not yet serving)
     * @param beforeCommit runs inside the transaction after every write (parks unreadable records, alerts): if it
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

    private record PersonId(String indicator, String area, int year, String personKey) {
    }

    private record CaseId(String indicator, String caseKey) {
    }

    private record Entry(BigDecimal value, String distinct) {
    }

    private record DistinctId(String indicator, String area, String period, String value) {
    }

    private record TransferId(String personKey, int year) {
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
        final Rows<PersonId, Integer> persons = new Rows<>();
        final Rows<CaseId, Map<String, Entry>> cases = new Rows<>();
        final Rows<DistinctId, Integer> distincts = new Rows<>();
        final Rows<TransferId, TransferCounting.Transfer> transfers = new Rows<>();
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
                        f.quarter(), f.personKey(), f.payloadJson(), Codec.effects(effects)});
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
                Map<String, Object> p = f.payload();
                for (Definition d : BY_TYPE.getOrDefault(f.type(), List.of())) {
                    switch (d.measure()) {
                        case PERSONS, TRANSFERS -> {
                            if (f.personKey() != null) {
                                personKeys.add(f.personKey());
                            }
                        }
                        case CURRENT_SUM, CURRENT_KEYS, CURRENT_DISTINCT -> {
                            caseKeys.add(caseKey(d, p));
                            if (d.measure() == Measure.CURRENT_DISTINCT) {
                                distinctValues.add(String.valueOf(p.get(d.field())));
                            }
                        }
                        default -> {
                        }
                    }
                }
                if (p.get("placementId") != null && (f.type().equals("employment.PlacementDetailsRecorded")
                        || f.type().equals("employment.EmploymentEnded"))) {
                    placements.add(p.get("placementId").toString());
                }
                if (p.get("householdId") != null && (f.type().equals("employment.PlacementDetailsRecorded")
                        || f.type().equals("employment.RelocatedHouseholdRegistered"))) {
                    householdIds.add(p.get("householdId").toString());
                }
                if (f.type().startsWith("projectlabor.") && p.get("projectId") != null) {
                    projectIds.add(p.get("projectId").toString());
                }
                if (f.type().startsWith("training.") && p.get("classId") != null) {
                    classIds.add(p.get("classId").toString());
                }
            }
            select("SELECT indicator, area, fact_year, person_key, quarters FROM figure_person WHERE version = ? AND person_key IN (%s)",
                    personKeys, rs -> persons.loaded(new PersonId(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)), rs.getInt(5)));
            select("SELECT person_key, fact_year, event_id, transfer_date, channel, county_code, origin FROM transfer_person WHERE version = ? AND person_key IN (%s)",
                    personKeys, rs -> transfers.loaded(new TransferId(rs.getString(1), rs.getInt(2)),
                            new TransferCounting.Transfer(rs.getString(3), rs.getString(1), rs.getDate(4).toLocalDate(),
                                    TransferChannel.valueOf(rs.getString(5)), rs.getString(6),
                                    TransferCounting.Source.valueOf(rs.getString(7)))));
            select("SELECT indicator, case_key, entries FROM figure_case WHERE version = ? AND case_key IN (%s)", caseKeys, rs -> {
                Map<String, Entry> entries = readEntries(rs.getString(3));
                entries.values().forEach(e -> distinctValues.add(e.distinct()));
                cases.loaded(new CaseId(rs.getString(1), rs.getString(2)), entries);
            });
            select("SELECT indicator, area, period_key, distinct_value, refs FROM figure_distinct WHERE version = ? AND distinct_value IN (%s)",
                    distinctValues, rs -> distincts.loaded(new DistinctId(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(5)));
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
            List<String> list = new ArrayList<>(keys);
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

        // ----- applying one fact: the rules of IndicatorCatalog -----

        void apply(Fact f) {
            Map<String, Object> p = f.payload();
            List<String> areas = f.areas();
            List<String> periods = Fact.periods(f.year(), f.quarter());
            for (Definition d : BY_TYPE.getOrDefault(f.type(), List.of())) {
                if (d.measure() == Measure.TRANSFERS || d.measure() == Measure.HOUSEHOLDS_WITHOUT_WORK) {
                    continue;
                }
                boolean counts = d.types().contains(f.type()) && d.when().test(p);
                boolean closes = d.closers().contains(f.type());
                if (!counts && !closes) {
                    continue;
                }
                switch (d.measure()) {
                    case COUNT -> add(d.id(), areas, periods, BigDecimal.ONE);
                    case SUM -> add(d.id(), areas, periods, IndicatorCatalog.number(p, d.field()));
                    case PERSONS -> {
                        if (f.personKey() != null) {
                            person(d.id(), areas, f);
                        }
                    }
                    default -> {
                        if (counts) {
                            open(d, areas, periods, p);
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
            for (String area : areas) {
                PersonId id = new PersonId(indicator, area, f.year(), f.personKey());
                Integer seen = persons.get(id);
                if (seen == null) {
                    persons.put(id, bit);
                    List<String> periods = new ArrayList<>(Fact.periods(f.year(), q));
                    periods.remove(Fact.ALL_TIME);
                    add(indicator, List.of(area), periods, BigDecimal.ONE);
                } else if ((seen & bit) == 0) {
                    add(new FigureKey(indicator, area, y + "Q" + q), BigDecimal.ONE);
                    for (int n = q; n <= 3; n++) {
                        int upToN = (1 << (n + 1)) - 2;
                        if ((seen & upToN) == 0) {
                            add(new FigureKey(indicator, area, y + "YTD" + n), BigDecimal.ONE);
                        }
                    }
                    persons.put(id, seen | bit);
                }
                PersonId ever = new PersonId(indicator, area, 0, f.personKey());
                if (persons.get(ever) == null) {
                    persons.put(ever, 1);
                    add(new FigureKey(indicator, area, Fact.ALL_TIME), BigDecimal.ONE);
                }
            }
        }

        /** A case's value in each area and period of the fact (the latest per period); a new case counts once. */
        void open(Definition d, List<String> areas, List<String> periods, Map<String, Object> p) {
            CaseId id = new CaseId(d.id(), caseKey(d, p));
            Map<String, Entry> entries = cases.get(id);
            entries = entries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entries);
            BigDecimal value = d.measure() == Measure.CURRENT_SUM ? IndicatorCatalog.number(p, d.field()) : BigDecimal.ONE;
            String distinct = d.measure() == Measure.CURRENT_DISTINCT ? String.valueOf(p.get(d.field())) : "";
            for (String area : areas) {
                for (String period : periods) {
                    Entry old = entries.put(area + "\t" + period, new Entry(value, distinct));
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
            cases.put(id, entries);
        }

        /**
         * A closing fact removes the case wherever it is open in the fact's areas, in every period (it may have opened
         * in another period than the one closing it); a year to date only by a closing fact dated within it, so the
         * quarter-end report shows the case as it stood at the quarter's end.
         */
        void close(Definition d, List<String> areas, Fact f) {
            CaseId id = new CaseId(d.id(), caseKey(d, f.payload()));
            Map<String, Entry> entries = cases.get(id);
            if (entries == null) {
                return;
            }
            entries = new LinkedHashMap<>(entries);
            for (var it = entries.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                String[] ap = e.getKey().split("\t");
                if (!areas.contains(ap[0])) {
                    continue;
                }
                int ytd = ap[1].indexOf("YTD");
                if (ytd > 0 && !(Integer.parseInt(ap[1].substring(0, ytd)) == f.year()
                        && f.quarter() <= Integer.parseInt(ap[1].substring(ytd + 3)))) {
                    continue;
                }
                it.remove();
                FigureKey key = new FigureKey(d.id(), ap[0], ap[1]);
                switch (d.measure()) {
                    case CURRENT_SUM -> add(key, e.getValue().value().negate());
                    case CURRENT_KEYS -> add(key, BigDecimal.ONE.negate());
                    default -> refer(d.id(), ap[0], ap[1], e.getValue().distinct(), -1);
                }
            }
            if (entries.isEmpty()) {
                cases.remove(id);
            } else {
                cases.put(id, entries);
            }
        }

        void refer(String indicator, String area, String period, String value, int change) {
            DistinctId id = new DistinctId(indicator, area, period, value);
            Integer before = distincts.get(id);
            int refs = (before == null ? 0 : before) + change;
            if ((before == null || before == 0) && refs > 0) {
                add(new FigureKey(indicator, area, period), BigDecimal.ONE);
            } else if (before != null && before > 0 && refs <= 0) {
                add(new FigureKey(indicator, area, period), BigDecimal.ONE.negate());
            }
            if (refs <= 0) {
                distincts.remove(id);
            } else {
                distincts.put(id, refs);
            }
        }

        /** TransferCounting: once per person and year, in the channel, county and quarter of the first transfer. */
        void transfer(Fact f) {
            Optional<TransferCounting.Transfer> next = switch (f.type()) {
                case PLACED -> Optional.of(TransferCounting.of(f.eventId(), Fact.JSON.convertValue(f.payload(), WorkerPlaced.class)));
                case JOINED -> TransferCounting.of(f.eventId(), Fact.JSON.convertValue(f.payload(), WorkerJoinedProject.class));
                default -> Optional.empty();
            };
            if (next.isEmpty() || next.get().personKey() == null || next.get().date() == null) {
                return;
            }
            TransferCounting.Transfer t = next.get();
            int year = t.date().getYear();
            TransferId id = new TransferId(t.personKey(), year);
            TransferCounting.Transfer old = transfers.get(id);
            TransferCounting.Transfer first = old == null ? t
                    : TransferCounting.countedIn(year, List.of(old, t)).get(t.personKey());
            if (old != null && first.eventId().equals(old.eventId())) {
                return;
            }
            if (old != null) {
                countTransfer(old, BigDecimal.ONE.negate());
            }
            countTransfer(first, BigDecimal.ONE);
            transfers.put(id, first);
        }

        void countTransfer(TransferCounting.Transfer t, BigDecimal delta) {
            List<String> areas = t.countyCode() == null ? List.of(Fact.CITY) : List.of(Fact.CITY, t.countyCode());
            List<String> periods = Fact.periods(t.date().getYear(), (t.date().getMonthValue() - 1) / 3 + 1);
            if (TRANSFERS_TOTAL != null) {
                add(TRANSFERS_TOTAL, areas, periods, delta);
            }
            String channel = TRANSFERS_BY_CHANNEL.get(t.channel().name());
            if (channel != null) {
                add(channel, areas, periods, delta);
            }
        }

        /** Relocated households with labour capacity and nobody in a placement that has not ended (current state). */
        void household(Fact f) {
            Map<String, Object> p = f.payload();
            switch (f.type()) {
                case "employment.RelocatedHouseholdRegistered" -> {
                    if (p.get("householdId") != null && IndicatorCatalog.number(p, "membersAbleToWork").intValue() > 0) {
                        String id = p.get("householdId").toString();
                        Household old = households.get(id);
                        changeHousehold(id, old, new Household(true, f.countyCode(), old == null ? 0 : old.activePlacements()));
                    }
                }
                case "employment.PlacementDetailsRecorded" -> {
                    if (p.get("householdId") != null && p.get("placementId") != null) {
                        String household = p.get("householdId").toString();
                        String placement = p.get("placementId").toString();
                        placementHousehold.put(placement, household);
                        List<String> member = List.of(household, placement);
                        Household old = households.get(household);
                        if (householdPlacements.get(member) == null) {
                            householdPlacements.put(member, Boolean.TRUE);
                            changeHousehold(household, old, old == null ? new Household(false, null, 1)
                                    : new Household(old.registered(), old.countyCode(), old.activePlacements() + 1));
                        }
                    }
                }
                case "employment.EmploymentEnded" -> {
                    String placement = p.get("placementId") == null ? null : p.get("placementId").toString();
                    String household = placement == null ? null : placementHousehold.get(placement);
                    if (household != null && householdPlacements.get(List.of(household, placement)) != null) {
                        householdPlacements.remove(List.of(household, placement));
                        Household old = households.get(household);
                        changeHousehold(household, old, new Household(old.registered(), old.countyCode(), old.activePlacements() - 1));
                    }
                }
                default -> {
                }
            }
        }

        void changeHousehold(String id, Household old, Household now) {
            if (HOUSEHOLDS != null) {
                if (old != null && old.nobodyEmployed()) {
                    add(HOUSEHOLDS, householdAreas(old), List.of(Fact.NOW), BigDecimal.ONE.negate());
                }
                if (now.nobodyEmployed()) {
                    add(HOUSEHOLDS, householdAreas(now), List.of(Fact.NOW), BigDecimal.ONE);
                }
            }
            households.put(id, now);
        }

        List<String> householdAreas(Household h) {
            return h.countyCode() == null ? List.of(Fact.CITY) : List.of(Fact.CITY, h.countyCode());
        }

        /** Each project as it stands: registration, closing, roster counts, open arrears per worker and period. */
        void project(Fact f) {
            Map<String, Object> p = f.payload();
            if (!f.type().startsWith("projectlabor.") || p.get("projectId") == null) {
                return;
            }
            String id = p.get("projectId").toString();
            switch (f.type()) {
                case "projectlabor.ProjectRegistered", "projectlabor.ProjectUpdated" -> changeProject(id, r -> {
                    r.name = text(p, "name");
                    r.countyCode = text(p, "countyCode");
                    r.department = text(p, "department");
                    r.governmentInvested = Boolean.TRUE.equals(p.get("governmentInvested"));
                });
                case "projectlabor.ProjectClosed" -> changeProject(id, r -> r.closed = true);
                case "projectlabor.WorkerJoinedProject", "projectlabor.WorkerLeftProject" -> changeProject(id, r -> {
                    r.localWorkers = IndicatorCatalog.number(p, "localWorkers").intValue();
                    r.totalWorkers = IndicatorCatalog.number(p, "totalWorkers").intValue();
                });
                case "projectlabor.WageArrearsDetected", "projectlabor.WageArrearsChanged" -> arrears.put(
                        List.of(id, String.valueOf(p.get("personKey")), String.valueOf(p.get("period"))),
                        Optional.of(IndicatorCatalog.number(p, "amount")));
                case "projectlabor.WageArrearsCleared" -> arrears.put(
                        List.of(id, String.valueOf(p.get("personKey")), String.valueOf(p.get("period"))), Optional.empty());
                default -> {
                }
            }
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
            Map<String, Object> p = f.payload();
            if (!f.type().startsWith("training.") || p.get("classId") == null) {
                return;
            }
            String classId = p.get("classId").toString();
            switch (f.type()) {
                case "training.ClassFiled" -> changeDuty(classId, d -> {
                    d.filedFact = alertFact(f);
                    d.endDate = localDate(p, "endDate");
                });
                case "training.ClassInspected" -> changeDuty(classId, d -> d.inspections++);
                case "training.ClassCompleted" -> changeDuty(classId, d -> {
                    d.completedFact = alertFact(f);
                    d.completedOn = localDate(p, "completedOn");
                    d.completedEndDate = localDate(p, "endDate");
                    d.recheck = true;
                });
                case "training.TraineeAssessed" -> {
                    if (Boolean.TRUE.equals(p.get("passed"))) {
                        trainee(classId, f.personKey(), t -> new Trainee(true, t.recommended(), t.followedTwice()));
                    }
                }
                case "training.JobRecommended" ->
                        trainee(classId, f.personKey(), t -> new Trainee(t.qualified(), true, t.followedTwice()));
                case "training.FollowUpRecorded" -> {
                    if (IndicatorCatalog.number(p, "followUpNumber").intValue() >= 2) {
                        trainee(classId, f.personKey(), t -> new Trainee(t.qualified(), t.recommended(), true));
                    }
                }
                default -> {
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
                    + "fact_year, fact_quarter, person_key, payload, effects) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", factRows);
            List<Object[]> insertPositions = new ArrayList<>();
            List<Object[]> updatePositions = new ArrayList<>();
            for (String key : advanced) {
                (known.contains(key) ? updatePositions : insertPositions).add(known.contains(key)
                        ? new Object[]{positions.get(key), v, key} : new Object[]{v, key, positions.get(key)});
            }
            batch("INSERT INTO aggregate_position (version, stream_key, sequence) VALUES (?,?,?)", insertPositions);
            batch("UPDATE aggregate_position SET sequence = ? WHERE version = ? AND stream_key = ?", updatePositions);

            List<Object[]> figureRows = new ArrayList<>();
            deltas.forEach((k, d) -> {
                if (d.signum() != 0) {
                    figureRows.add(new Object[]{v, k.indicator(), k.area(), k.period(), d});
                }
            });
            batch("MERGE INTO figure f USING (VALUES (CAST(? AS INT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
                    + "CAST(? AS NUMERIC(19,2)))) AS s (version, indicator, area, period_key, delta) "
                    + "ON f.version = s.version AND f.indicator = s.indicator AND f.area = s.area AND f.period_key = s.period_key "
                    + "WHEN MATCHED THEN UPDATE SET amount = f.amount + s.delta "
                    + "WHEN NOT MATCHED THEN INSERT (version, indicator, area, period_key, amount) "
                    + "VALUES (s.version, s.indicator, s.area, s.period_key, s.delta)", figureRows);

            Statements persons = new Statements(
                    "INSERT INTO figure_person (quarters, version, indicator, area, fact_year, person_key) VALUES (?,?,?,?,?,?)",
                    "UPDATE figure_person SET quarters = ? WHERE version = ? AND indicator = ? AND area = ? AND fact_year = ? AND person_key = ?",
                    "DELETE FROM figure_person WHERE version = ? AND indicator = ? AND area = ? AND fact_year = ? AND person_key = ?");
            this.persons.flush(persons.writer(k -> new Object[]{v, k.indicator(), k.area(), k.year(), k.personKey()},
                    (k, q) -> new Object[]{q}));
            persons.run();

            Statements cases = new Statements(
                    "INSERT INTO figure_case (entries, version, indicator, case_key) VALUES (?,?,?,?)",
                    "UPDATE figure_case SET entries = ? WHERE version = ? AND indicator = ? AND case_key = ?",
                    "DELETE FROM figure_case WHERE version = ? AND indicator = ? AND case_key = ?");
            this.cases.flush(cases.writer(k -> new Object[]{v, k.indicator(), k.caseKey()}, (k, e) -> new Object[]{writeEntries(e)}));
            cases.run();

            Statements distincts = new Statements(
                    "INSERT INTO figure_distinct (refs, version, indicator, area, period_key, distinct_value) VALUES (?,?,?,?,?,?)",
                    "UPDATE figure_distinct SET refs = ? WHERE version = ? AND indicator = ? AND area = ? AND period_key = ? AND distinct_value = ?",
                    "DELETE FROM figure_distinct WHERE version = ? AND indicator = ? AND area = ? AND period_key = ? AND distinct_value = ?");
            this.distincts.flush(distincts.writer(k -> new Object[]{v, k.indicator(), k.area(), k.period(), k.value()},
                    (k, r) -> new Object[]{r}));
            distincts.run();

            Statements transfers = new Statements(
                    "INSERT INTO transfer_person (event_id, transfer_date, channel, county_code, origin, version, person_key, fact_year) VALUES (?,?,?,?,?,?,?,?)",
                    "UPDATE transfer_person SET event_id = ?, transfer_date = ?, channel = ?, county_code = ?, origin = ? WHERE version = ? AND person_key = ? AND fact_year = ?",
                    "DELETE FROM transfer_person WHERE version = ? AND person_key = ? AND fact_year = ?");
            this.transfers.flush(transfers.writer(k -> new Object[]{v, k.personKey(), k.year()},
                    (k, t) -> new Object[]{t.eventId(), Date.valueOf(t.date()), t.channel().name(), t.countyCode(), t.source().name()}));
            transfers.run();

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

        void batch(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
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

    static String caseKey(Definition definition, Map<String, Object> payload) {
        StringBuilder key = new StringBuilder();
        definition.key().forEach(field -> key.append(payload.get(field)).append('|'));
        return key.toString();
    }

    private static Map<String, Entry> readEntries(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String line : text.split("\n")) {
                String[] f = line.split("\t", -1);
                entries.put(f[0] + "\t" + f[1], new Entry(new BigDecimal(f[2]), f[3]));
            }
        }
        return entries;
    }

    private static String writeEntries(Map<String, Entry> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((ap, e) -> text.append(ap).append('\t').append(e.value().toPlainString()).append('\t')
                .append(e.distinct()).append('\n'));
        return text.toString();
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

    private static LocalDate localDate(Map<String, Object> p, String field) {
        Object v = p.get(field);
        return v == null ? null : LocalDate.parse(v.toString());
    }

    private static String text(Map<String, Object> p, String field) {
        Object v = p.get(field);
        return v == null ? null : v.toString();
    }
}
