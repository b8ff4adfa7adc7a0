package cn.changdu.labour.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default of the relational store: without {@code spring.datasource.url}, an H2 file database in the
 * data folder ({@code --platform.data-dir}, which {@code ./platform} passes; {@code PLATFORM_DATA_DIR}; else
 * {@code ./data}) at {@code <data>/reporting/store}, in PostgreSQL mode, served to a second instance on the same
 * machine over loopback ({@code AUTO_SERVER}). Production sets {@code SPRING_DATASOURCE_URL} (PostgreSQL).
 */
public class ReportingDataSourceDefaults implements EnvironmentPostProcessor {

    /**
     * H2 writes commits to the file in the background: a killed instance loses its last ones, offsets included, and
     * reads those records again from Kafka (facts and offsets commit together).
     */
    static final String FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String dataDir = environment.getProperty("platform.data-dir", "./data");
        Path store = Path.of(dataDir).toAbsolutePath().normalize().resolve("reporting").resolve("store");
        environment.getPropertySources().addLast(new MapPropertySource("reporting-datasource-defaults", Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + store + FLAGS,
                "spring.datasource.username", "sa",
                "spring.datasource.password", "")));
    }
}
