package cn.changdu.labour.support.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date of a plan (a class's or a project's schedule), which may lie after the business clock's today. Every other
 * date in a request body records something that happened and is refused when it lies in the future.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlannedDate {
}
