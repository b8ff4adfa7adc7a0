package cn.changdu.labour.infra.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points a Spring Boot test at the JVM's shared {@link TestInfra}: sets {@code spring.kafka.bootstrap-servers}
 * and {@code spring.data.mongodb.uri} (database from {@link WithPlatformInfra#database()}) before the
 * application context starts.
 */
public class PlatformInfraExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestInfra infra = TestInfra.shared();
        String database = context.getRequiredTestClass().isAnnotationPresent(WithPlatformInfra.class)
                ? context.getRequiredTestClass().getAnnotation(WithPlatformInfra.class).database()
                : "test";
        System.setProperty("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        System.setProperty("spring.data.mongodb.uri", infra.mongoUri(database));
    }
}
