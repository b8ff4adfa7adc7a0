package cn.changdu.labour.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an integration event type and the schema version of its payload. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** Stable type name, {@code <context>.<PastTenseFact>}, e.g. {@code training.TraineeEnrolled}. */
    String name();

    /** Incremented on every incompatible payload change; consumers read every version they know. */
    int version();
}
