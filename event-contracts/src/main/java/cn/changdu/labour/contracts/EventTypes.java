package cn.changdu.labour.contracts;

import cn.changdu.labour.contracts.employment.WorkerPlaced;
import cn.changdu.labour.contracts.projectlabor.ProjectRegistered;
import cn.changdu.labour.contracts.projectlabor.WagePaid;
import cn.changdu.labour.contracts.training.ClassFiled;
import cn.changdu.labour.contracts.training.TraineeEnrolled;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every integration event type: the one place a new type (or version) is added. */
public final class EventTypes {

    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            ClassFiled.class,
            TraineeEnrolled.class,
            WorkerPlaced.class,
            ProjectRegistered.class,
            WagePaid.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(c -> key(typeOf(c).name(), typeOf(c).version()), Function.identity()));

    private EventTypes() {
    }

    public static EventType typeOf(Class<?> payloadClass) {
        EventType type = payloadClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    /** The payload class of a type name and version, empty when this build does not know it. */
    public static Optional<Class<? extends IntegrationEvent>> payloadClass(String type, int version) {
        return Optional.ofNullable(BY_KEY.get(key(type, version)));
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }
}
