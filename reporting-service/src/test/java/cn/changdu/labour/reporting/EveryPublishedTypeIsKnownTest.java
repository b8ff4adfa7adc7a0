package cn.changdu.labour.reporting;

import cn.changdu.labour.contracts.EventType;
import cn.changdu.labour.contracts.EventTypes;
import cn.changdu.labour.contracts.IntegrationEvent;
import cn.changdu.labour.reporting.alerts.Alerts;
import cn.changdu.labour.reporting.indicators.IndicatorCatalog;
import cn.changdu.labour.reporting.projection.NotCounted;
import cn.changdu.labour.reporting.projection.Projection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build check for a new published event type: reporting must count it (an indicator, an alert rule, the state the
 * projection keeps) or say in {@link NotCounted} why not.
 */
class EveryPublishedTypeIsKnownTest {

    @Test
    void everyPublishedTypeIsCountedOrListedAsNotCounted() {
        assertThat(unknown(EventTypes.ALL))
                .as("published types reporting neither counts nor lists in NotCounted.TYPES (with the reason)")
                .isEmpty();
    }

    @Test
    void aTypeListedAsNotCountedIsPublishedAndNotCounted() {
        Set<String> counted = counted();
        for (Class<? extends IntegrationEvent> type : NotCounted.TYPES.keySet()) {
            assertThat(EventTypes.ALL).as("listed as not counted, but not published").contains(type);
            assertThat(counted).as("listed as not counted, but counted").doesNotContain(name(type));
            assertThat(NotCounted.TYPES.get(type)).as("the reason " + name(type) + " is not counted").isNotBlank();
        }
    }

    /** The check itself: a type nobody counts or lists is reported. */
    @Test
    void aNewTypeNobodyCountsIsReported() {
        List<Class<? extends IntegrationEvent>> published = new ArrayList<>(EventTypes.ALL);
        published.add(SomethingHappened.class);
        assertThat(unknown(published)).containsExactly("training.SomethingHappened");
    }

    @EventType(name = "training.SomethingHappened", version = 1)
    record SomethingHappened(String classId) implements IntegrationEvent {
    }

    private static List<String> unknown(Collection<Class<? extends IntegrationEvent>> published) {
        Set<String> known = counted();
        NotCounted.TYPES.keySet().forEach(t -> known.add(name(t)));
        return published.stream().map(EveryPublishedTypeIsKnownTest::name).filter(t -> !known.contains(t)).toList();
    }

    private static Set<String> counted() {
        Set<String> counted = new HashSet<>();
        for (IndicatorCatalog.Definition d : IndicatorCatalog.DEFINITIONS) {
            counted.addAll(d.types());
            counted.addAll(d.closers());
        }
        counted.addAll(Alerts.types());
        counted.addAll(Projection.KEEPS_STATE_FOR);
        return counted;
    }

    private static String name(Class<?> type) {
        return EventTypes.typeOf(type).name();
    }
}
