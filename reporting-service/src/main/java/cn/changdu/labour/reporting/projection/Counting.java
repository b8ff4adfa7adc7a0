package cn.changdu.labour.reporting.projection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the projection counts for one indicator: the measure, the fact types and which of their facts count. The
 * indicators declare them ({@code IndicatorCatalog}); the projection applies them fact by fact.
 *
 * @param types   the fact types it counts
 * @param when    which of those facts count
 * @param field   the payload field summed (SUM, CURRENT_SUM) or counted once (CURRENT_DISTINCT)
 * @param key     payload fields identifying a case (CURRENT_*)
 * @param closers fact types that close a case (CURRENT_*)
 */
public record Counting(String id, Measure measure, Set<String> types, Predicate<Map<String, Object>> when, String field,
                       List<String> key, Set<String> closers) {

    public enum Measure {
        /** number of events */
        COUNT,
        /** distinct persons (personKey) within the area and period: a person counts once across services */
        PERSONS,
        /** sum of a decimal payload field (yuan, positions), exact */
        SUM,
        /**
         * the current value of a field per key (e.g. per project, or per arrears case), summed over keys: events of
         * the {@code closers} types remove the key (arrears cleared)
         */
        CURRENT_SUM,
        /** the number of keys currently open (see {@link #CURRENT_SUM}) */
        CURRENT_KEYS,
        /** the number of distinct values of {@code field} among the keys currently open (workers or projects in arrears) */
        CURRENT_DISTINCT,
        /**
         * people transferred, by the platform's one counting rule ({@code TransferCounting}): once per year by
         * personKey across placements and roster joins of local workers, in the channel, county and quarter of their
         * first transfer of the year; {@code field} names a channel to count only that one
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

    public static boolean isTrue(Map<String, Object> payload, String field) {
        return Boolean.TRUE.equals(payload.get(field));
    }

    public static BigDecimal number(Map<String, Object> payload, String field) {
        Object value = payload.get(field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
