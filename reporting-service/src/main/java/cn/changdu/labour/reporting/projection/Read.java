package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.EventTypes;
import cn.changdu.labour.contracts.IntegrationEvent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A value read from the typed payload of facts of one or more contract types, each type by its own accessor (the
 * amount of a detected and of a changed arrears case).
 */
public final class Read<T> {

    private final Map<String, Function<IntegrationEvent, T>> byType = new HashMap<>();

    private Read() {
    }

    public static <E extends IntegrationEvent, T> Read<T> of(Class<E> type, Function<E, T> accessor) {
        return new Read<T>().or(type, accessor);
    }

    public <E extends IntegrationEvent> Read<T> or(Class<E> type, Function<E, T> accessor) {
        byType.put(EventTypes.typeOf(type).name(), e -> accessor.apply(type.cast(e)));
        return this;
    }

    /** The same read, its value then changed by {@code then}. */
    public <U> Read<U> map(Function<? super T, U> then) {
        Read<U> mapped = new Read<>();
        byType.forEach((type, accessor) -> mapped.byType.put(type, accessor.andThen(then)));
        return mapped;
    }

    /** The type names it reads. */
    public Set<String> types() {
        return byType.keySet();
    }

    /** The value of a fact of one of its types. */
    public T from(Fact fact) {
        Function<IntegrationEvent, T> accessor = byType.get(fact.type());
        if (accessor == null) {
            throw new IllegalArgumentException(fact.type() + " is not read here (" + byType.keySet() + ")");
        }
        return accessor.apply(fact.event());
    }

    /** The value of a fact of one of its types, or null for a fact of any other type. */
    public T orNull(Fact fact) {
        Function<IntegrationEvent, T> accessor = byType.get(fact.type());
        return accessor == null ? null : accessor.apply(fact.event());
    }

    /** The payload fields that identify a case, in order (null stays a value: "null", as the stored keys have it). */
    public static List<Object> key(Object... fields) {
        return Arrays.asList(fields);
    }
}
