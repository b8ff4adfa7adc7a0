package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.EventTypes;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the projection counts for one indicator: the measure, the contract types whose facts count, which of them
 * count (typed predicates) and what they add. The indicators declare them ({@code IndicatorCatalog}) with the
 * factories below ({@code persons(PersonEnrolled.class).when(PersonEnrolled::consolidationTraining)}); the projection
 * applies them fact by fact. Type names come from the contracts' {@code @EventType}: the stored keys stay those names.
 *
 * @param types    the type names whose facts count (for CURRENT_*: those that open or update a case)
 * @param value    what a counted fact adds (SUM) or sets its case to (CURRENT_SUM)
 * @param distinct the value counted once among the open cases (CURRENT_DISTINCT)
 * @param openCase the case a fact opens, updates or closes (CURRENT_*)
 * @param channel  the transfer channel counted alone (TRANSFERS; null: all)
 * @param yuan     the value is money (shown with its two decimals)
 */
public record Counting(String id, Measure measure, Set<String> types, Predicate<Fact> when, Read<BigDecimal> value,
                       Read<?> distinct, OpenCase openCase, String channel, boolean yuan) {

    /** The type names that close a case (CURRENT_*). */
    public Set<String> closers() {
        return openCase == null ? Set.of() : openCase.closers();
    }

    public enum Measure {
        /** number of events */
        COUNT,
        /** distinct persons (personKey) within the area and period: a person counts once across services */
        PERSONS,
        /** sum of a payload number (yuan, positions), exact */
        SUM,
        /**
         * the current value per open case (a project's roster, an arrears case), summed over the open cases: a
         * closing fact removes the case (arrears cleared)
         */
        CURRENT_SUM,
        /** the number of cases currently open (see {@link #CURRENT_SUM}) */
        CURRENT_KEYS,
        /** the number of distinct values ({@code distinct}) among the cases currently open (workers or projects in arrears) */
        CURRENT_DISTINCT,
        /**
         * people transferred, by the platform's one counting rule ({@code TransferCounting}): once per year by
         * personKey across placements and roster joins of local workers, in the channel, county and quarter of their
         * first transfer of the year; {@code channel} names a channel to count only that one
         */
        TRANSFERS,
        /** relocated households with labour capacity and nobody employed now (current state in any period) */
        HOUSEHOLDS_WITHOUT_WORK
    }

    /** The countings the projection applies (the indicators' catalogue provides them). */
    @FunctionalInterface
    public interface Catalogue {
        List<Counting> countings();
    }

    public static <E extends IntegrationEvent> Of<E> count(Class<E> type) {
        return new Of<>(Measure.COUNT, type);
    }

    /** Distinct persons (the fact's personKey). */
    public static <E extends IntegrationEvent> Of<E> persons(Class<E> type) {
        return new Of<>(Measure.PERSONS, type);
    }

    public static <E extends IntegrationEvent> Of<E> sum(Class<E> type, Function<E, ? extends Number> value) {
        Of<E> of = new Of<>(Measure.SUM, type);
        of.value = Read.of(type, e -> decimal(value.apply(e)));
        return of;
    }

    public static <E extends IntegrationEvent> Of<E> sumOfYuan(Class<E> type, Function<E, BigDecimal> value) {
        Of<E> of = sum(type, value);
        of.yuan = true;
        return of;
    }

    /** People transferred ({@code TransferCounting}), in one channel or (null) all. */
    public static Of<IntegrationEvent> transfers(Set<String> types, String channel) {
        Of<IntegrationEvent> of = new Of<>(Measure.TRANSFERS, types);
        of.channel = channel;
        return of;
    }

    public static <E extends IntegrationEvent> Of<E> householdsWithoutWork(Class<E> type) {
        return new Of<>(Measure.HOUSEHOLDS_WITHOUT_WORK, type);
    }

    /** The current state of open cases: {@link Current#keys()}, {@link Current#sum}, {@link Current#distinct}. */
    public static Current current(OpenCase openCase) {
        return new Current(openCase);
    }

    /** A counting being declared; {@link #as} names it. */
    public static class Of<E extends IntegrationEvent> {
        final Measure measure;
        final Set<String> types;
        Predicate<Fact> when = f -> true;
        Read<BigDecimal> value;
        Read<?> distinct;
        OpenCase openCase;
        String channel;
        boolean yuan;

        Of(Measure measure, Class<E> type) {
            this(measure, Set.of(EventTypes.typeOf(type).name()));
        }

        Of(Measure measure, Set<String> types) {
            this.measure = measure;
            this.types = types;
        }

        /** Only the facts for which the condition holds count. */
        @SuppressWarnings("unchecked")
        public Of<E> when(Predicate<E> condition) {
            when = f -> condition.test((E) f.event());
            return this;
        }

        /** Only the facts for which the condition, read per type, holds count. */
        public Of<E> when(Read<Boolean> condition) {
            when = f -> Boolean.TRUE.equals(condition.from(f));
            return this;
        }

        public Counting as(String id) {
            return new Counting(id, measure, types, when, value, distinct, openCase, channel, yuan);
        }
    }

    /** The current state of the cases of an {@link OpenCase}. */
    public static final class Current {
        private final OpenCase openCase;

        Current(OpenCase openCase) {
            this.openCase = openCase;
        }

        /** The number of cases open. */
        public Of<IntegrationEvent> keys() {
            return of(Measure.CURRENT_KEYS);
        }

        /** The sum of the open cases' latest values. */
        public Of<IntegrationEvent> sum(Read<? extends Number> value) {
            Of<IntegrationEvent> of = of(Measure.CURRENT_SUM);
            of.value = value.map(Counting::decimal);
            return of;
        }

        public Of<IntegrationEvent> sumOfYuan(Read<BigDecimal> value) {
            Of<IntegrationEvent> of = sum(value);
            of.yuan = true;
            return of;
        }

        /** The number of distinct values among the open cases (workers, projects). */
        public Of<IntegrationEvent> distinct(Read<?> value) {
            Of<IntegrationEvent> of = of(Measure.CURRENT_DISTINCT);
            of.distinct = value;
            return of;
        }

        private Of<IntegrationEvent> of(Measure measure) {
            Of<IntegrationEvent> of = new Of<>(measure, openCase.setters());
            of.openCase = openCase;
            return of;
        }
    }

    /** A payload number as the figures add it (an absent one adds nothing). */
    public static BigDecimal decimal(Number n) {
        if (n == null) {
            return BigDecimal.ZERO;
        }
        return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
    }
}
