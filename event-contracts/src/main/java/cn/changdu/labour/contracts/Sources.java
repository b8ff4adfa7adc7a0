package cn.changdu.labour.contracts;

/** Names of the services that publish integration events (the envelope's {@code source}). */
public final class Sources {
    public static final String TRAINING = "training-service";
    public static final String EMPLOYMENT = "employment-service";
    public static final String PROJECT_LABOR = "project-labor-service";

    private Sources() {
    }
}
