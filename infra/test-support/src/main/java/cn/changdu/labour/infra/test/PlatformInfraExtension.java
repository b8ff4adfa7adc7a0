package cn.changdu.labour.infra.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points a Spring Boot test at the JVM's shared {@link TestInfra} and a relational database of its own: sets
 * {@code spring.kafka.bootstrap-servers}, {@code spring.data.mongodb.uri} (database from
 * {@link WithPlatformInfra#database()}) and {@code spring.datasource.*} (a new database from {@link TestDatabases})
 * before the application context starts.
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
        TestDatabases.Database jdbc = TestDatabases.shared().create(database);
        System.setProperty("spring.datasource.url", jdbc.url());
        System.setProperty("spring.datasource.username", jdbc.username());
        System.setProperty("spring.datasource.password", jdbc.password());
    }
}
