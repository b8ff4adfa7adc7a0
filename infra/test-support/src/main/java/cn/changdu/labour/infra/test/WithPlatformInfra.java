package cn.changdu.labour.infra.test;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the test class against the JVM's shared Kafka broker and MongoDB-protocol store, with a relational database of its own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PlatformInfraExtension.class)
public @interface WithPlatformInfra {
    /** The MongoDB database the service under test uses. */
    String database() default "test";
}
