package cn.changdu.labour.support.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text field where line breaks and tabs are legitimate (an inspection's remarks, a dispute's description):
 * the input policy keeps them (CR LF becomes LF) instead of refusing them as control characters. Every other
 * control character is still refused.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLineText {
}
