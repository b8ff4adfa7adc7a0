package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.IntegrationEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A case opened by a fact of one type, updated by others, closed by another, identified by payload fields (an arrears
 * case by project, worker and period): what the current-state indicators (CURRENT_*) keep and what alert rules open
 * and close.
 */
public final class OpenCase {

    public enum Role { OPENS, UPDATES, CLOSES }

    private final Read<List<Object>> key;
    private final Set<String> opens = new HashSet<>();
    private final Set<String> updates = new HashSet<>();
    private final Set<String> closes = new HashSet<>();

    private OpenCase(Read<List<Object>> key) {
        this.key = key;
    }

    public static <E extends IntegrationEvent> OpenCase openedBy(Class<E> type, Function<E, List<Object>> key) {
        OpenCase c = new OpenCase(Read.of(type, key));
        c.opens.add(name(type));
        return c;
    }

    public <E extends IntegrationEvent> OpenCase updatedBy(Class<E> type, Function<E, List<Object>> key) {
        this.key.or(type, key);
        updates.add(name(type));
        return this;
    }

    public <E extends IntegrationEvent> OpenCase closedBy(Class<E> type, Function<E, List<Object>> key) {
        this.key.or(type, key);
        closes.add(name(type));
        return this;
    }

    /** What a fact of the type does to its case (null: nothing). */
    public Role role(String type) {
        return opens.contains(type) ? Role.OPENS : updates.contains(type) ? Role.UPDATES
                : closes.contains(type) ? Role.CLOSES : null;
    }

    /** The types that open or update a case. */
    public Set<String> setters() {
        Set<String> types = new HashSet<>(opens);
        types.addAll(updates);
        return types;
    }

    public Set<String> closers() {
        return Set.copyOf(closes);
    }

    /** The case's identifying values, as written into its stored key ({@code String.valueOf} each). */
    public List<Object> key(Fact fact) {
        return key.from(fact);
    }

    private static String name(Class<?> type) {
        return cn.changdu.labour.contracts.EventTypes.typeOf(type).name();
    }
}
