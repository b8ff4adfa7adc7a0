package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.reporting.projection.FactStore;
import cn.changdu.labour.reporting.projection.Facts;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The indicators' running totals, in memory, per indicator × area (city, county, department) × period (year,
 * quarter). Built from the facts collection at start-up, then kept current by the projector. Applying a fact is
 * idempotent (by event id), so the start-up load and live projection may overlap safely.
 */
@Component
public class Ledger {

    /** The whole city (GB/T 2260 code of Changdu). */
    public static final String CITY = "540300";

    private volatile Map<Key, Accumulator> totals = new ConcurrentHashMap<>();
    /** The periods each indicator has totals for in an area ("indicator|area"), so a closing fact finds them directly. */
    private volatile Map<String, Set<String>> periodsOf = new ConcurrentHashMap<>();
    private volatile Set<String> applied = ConcurrentHashMap.newKeySet();
    private volatile Transfers transfers = new Transfers();
    private volatile Households households = new Households();
    private volatile Projects projects = new Projects();
    private final List<Consumer<Document>> listeners = new CopyOnWriteArrayList<>();

    /** The period of everything ever recorded. */
    public static final String ALL_TIME = "all";

    /** Area: {@link #CITY}, a county code, or {@code dept:<name>}; period: {@code 2020}, {@code 2020Q2} or {@link #ALL_TIME}. */
    public record Key(String indicator, String area, String period) {
    }

    /** The live ledger, from every fact of the active read model. */
    @Autowired
    public Ledger(FactStore facts) {
        this(facts.active().find().sort(Facts.IN_STREAM_ORDER));
    }

    /** A ledger of some facts only: the figures as of a past moment, or up to a quarter's end. */
    public Ledger(Iterable<Document> facts) {
        for (Document fact : facts) {
            apply(fact);
        }
    }

    /** Replaces the totals with those of other facts (after a rebuild switched the read model). */
    public synchronized void reload(Iterable<Document> facts) {
        Ledger fresh = new Ledger(facts);
        totals = fresh.totals;
        periodsOf = fresh.periodsOf;
        applied = fresh.applied;
        transfers = fresh.transfers;
        households = fresh.households;
        projects = fresh.projects;
        listeners.forEach(l -> l.accept(new Document("_id", "reload")));
    }

    /** Adds a fact once; later calls with the same event id change nothing. */
    public synchronized void apply(Document fact) {
        if (!applied.add(fact.getString("_id"))) {
            return;
        }
        String type = fact.getString("type");
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = fact.get("p", Document.class);
        if (payload == null) {
            return;
        }
        List<String> areas = new ArrayList<>(List.of(CITY));
        if (fact.getString("countyCode") != null) {
            areas.add(fact.getString("countyCode"));
        }
        if (fact.getString("department") != null) {
            areas.add("dept:" + fact.getString("department"));
        }
        String year = String.valueOf(fact.getInteger("year"));
        List<String> periods = List.of(year, year + "Q" + fact.getInteger("quarter"), ALL_TIME);
        transfers.add(fact, payload);
        households.add(fact, payload);
        projects.add(fact, payload);
        for (IndicatorCatalog.Definition definition : IndicatorCatalog.DEFINITIONS) {
            if (definition.measure() == IndicatorCatalog.Measure.TRANSFERS
                    || definition.measure() == IndicatorCatalog.Measure.HOUSEHOLDS_WITHOUT_WORK) {
                continue;
            }
            boolean counts = definition.types().contains(type) && definition.when().test(payload);
            boolean closes = definition.closers().contains(type);
            if (!counts && !closes) {
                continue;
            }
            for (String area : areas) {
                if (!counts) {
                    // a case closes wherever it is open: it may have opened in another period than the one closing it
                    // (arrears detected in Q3 for a worker whose departure, dated in Q2, was recorded late)
                    for (String period : periodsOf.getOrDefault(definition.id() + "|" + area, Set.of())) {
                        totals.get(new Key(definition.id(), area, period)).close(definition, payload);
                    }
                    continue;
                }
                Set<String> seen = periodsOf.computeIfAbsent(definition.id() + "|" + area, k -> ConcurrentHashMap.newKeySet());
                for (String period : periods) {
                    seen.add(period);
                    totals.computeIfAbsent(new Key(definition.id(), area, period), k -> new Accumulator())
                            .add(definition, payload, fact.getString("personKey"));
                }
            }
        }
        listeners.forEach(l -> l.accept(fact));
    }

    /** The indicator's value for an area and period: people, events or yuan. */
    public BigDecimal value(String indicator, String area, String period) {
        IndicatorCatalog.Definition definition = IndicatorCatalog.definition(indicator).orElseThrow();
        if (definition.measure() == IndicatorCatalog.Measure.TRANSFERS) {
            return BigDecimal.valueOf(transfers.count(area, period, definition.field()));
        }
        if (definition.measure() == IndicatorCatalog.Measure.HOUSEHOLDS_WITHOUT_WORK) {
            return BigDecimal.valueOf(households.withNobodyEmployed(area));
        }
        Accumulator accumulator = totals.get(new Key(indicator, area, period));
        return accumulator == null ? BigDecimal.ZERO : accumulator.value(definition.measure());
    }

    /** The construction projects of an area as they stand now (local-labour share, open arrears). */
    public List<Projects.ProjectView> projects(String area) {
        return projects.in(area);
    }

    /** The departments that appear in the facts. */
    public Set<String> departments() {
        Set<String> departments = new HashSet<>();
        totals.keySet().forEach(k -> {
            if (k.area().startsWith("dept:")) {
                departments.add(k.area().substring(5));
            }
        });
        return departments;
    }

    public int factsApplied() {
        return applied.size();
    }

    /** Called after each newly applied fact (the live dashboard listens). */
    public void onApplied(Consumer<Document> listener) {
        listeners.add(listener);
    }

    private static final class Accumulator {
        private long count;
        private BigDecimal sum = BigDecimal.ZERO;
        private final Set<String> persons = new HashSet<>();
        /** CURRENT_* measures: the latest value per case */
        private final Map<String, BigDecimal> current = new HashMap<>();
        /** CURRENT_DISTINCT: the value of the counted field per open case */
        private final Map<String, String> distinct = new HashMap<>();

        synchronized void add(IndicatorCatalog.Definition definition, Map<String, Object> payload, String personKey) {
            count++;
            if (personKey != null) {
                persons.add(personKey);
            }
            switch (definition.measure()) {
                case SUM -> sum = sum.add(IndicatorCatalog.number(payload, definition.field()));
                case CURRENT_SUM -> current.put(caseKey(definition, payload), IndicatorCatalog.number(payload, definition.field()));
                case CURRENT_KEYS -> current.put(caseKey(definition, payload), BigDecimal.ONE);
                case CURRENT_DISTINCT -> distinct.put(caseKey(definition, payload), String.valueOf(payload.get(definition.field())));
                default -> {
                }
            }
        }

        synchronized void close(IndicatorCatalog.Definition definition, Map<String, Object> payload) {
            current.remove(caseKey(definition, payload));
            distinct.remove(caseKey(definition, payload));
        }

        synchronized BigDecimal value(IndicatorCatalog.Measure measure) {
            return switch (measure) {
                case COUNT -> BigDecimal.valueOf(count);
                case PERSONS -> BigDecimal.valueOf(persons.size());
                case SUM -> sum;
                case CURRENT_SUM -> current.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                case CURRENT_KEYS -> BigDecimal.valueOf(current.size());
                case CURRENT_DISTINCT -> BigDecimal.valueOf(distinct.values().stream().distinct().count());
                case TRANSFERS, HOUSEHOLDS_WITHOUT_WORK -> throw new IllegalStateException("counted by Transfers / Households");
            };
        }

        private static String caseKey(IndicatorCatalog.Definition definition, Map<String, Object> payload) {
            StringBuilder key = new StringBuilder();
            definition.key().forEach(field -> key.append(payload.get(field)).append('|'));
            return key.toString();
        }
    }
}
