package cn.changdu.labour.kernel;

/**
 * The metadata every recorded fact carries, copied from the command (or the deadline) to the events it causes:
 * who recorded it, for which department, and when it happened in business time (which may be before it was
 * recorded).
 */
public final class MetadataKeys {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_DEPARTMENT = "actorDepartment";
    public static final String OCCURRED_AT = "occurredAt";

    private MetadataKeys() {
    }
}
