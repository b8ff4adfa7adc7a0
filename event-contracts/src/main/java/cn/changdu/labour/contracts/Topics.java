package cn.changdu.labour.contracts;

import java.util.List;

/** Kafka topics, one per publishing service, keyed by aggregate id so one aggregate's events stay in order. */
public final class Topics {
    public static final String TRAINING = "changdu.training.events";
    public static final String EMPLOYMENT = "changdu.employment.events";
    public static final String PROJECT_LABOR = "changdu.project-labor.events";

    public static final List<String> ALL = List.of(TRAINING, EMPLOYMENT, PROJECT_LABOR);

    private Topics() {
    }

    public static String forSource(String source) {
        return switch (source) {
            case Sources.TRAINING -> TRAINING;
            case Sources.EMPLOYMENT -> EMPLOYMENT;
            case Sources.PROJECT_LABOR -> PROJECT_LABOR;
            default -> throw new IllegalArgumentException("unknown event source: " + source);
        };
    }
}
