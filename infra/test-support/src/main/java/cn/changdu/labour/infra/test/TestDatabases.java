package cn.changdu.labour.infra.test;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh relational database for each test class that asks: by default an embedded H2 file database (the
 * embedded default of the services, in a temporary folder); with {@code -Dplatform.test.jdbc=postgres} (Maven
 * profile {@code postgres}) a new database on a real PostgreSQL server; with {@code containers} one on
 * Testcontainers' PostgreSQL (skipped where no Docker engine runs).
 */
public abstract class TestDatabases {

    public static final String MODE_PROPERTY = "platform.test.jdbc";
    /** The same compatibility flags the services use for their H2 files (platform-defaults.yml). */
    public static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static TestDatabases shared;

    public record Database(String url, String username, String password) {
    }

    public static synchronized TestDatabases shared() {
        if (shared == null) {
            shared = switch (System.getProperty(MODE_PROPERTY, "h2")) {
                case "postgres" -> new Server(env("PLATFORM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                        env("PLATFORM_TEST_POSTGRES_USER", "postgres"), env("PLATFORM_TEST_POSTGRES_PASSWORD", "postgres"));
                case "containers" -> Containers.start();
                default -> new H2Files();
            };
        }
        return shared;
    }

    /** Whether the databases are PostgreSQL (some tests say which engine they ran on). */
    public abstract boolean postgres();

    /** A new, empty database; {@code name} makes it recognisable. */
    public abstract Database create(String name);

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static final class H2Files extends TestDatabases {
        private final AtomicInteger counter = new AtomicInteger();
        private Path folder;

        @Override
        public boolean postgres() {
            return false;
        }

        @Override
        public synchronized Database create(String name) {
            try {
                if (folder == null) {
                    folder = Files.createTempDirectory("platform-test-h2-");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path file = folder.resolve(name + "-" + counter.incrementAndGet()).resolve("store");
            return new Database("jdbc:h2:file:" + file.toAbsolutePath() + H2_FLAGS, "sa", "");
        }
    }

    static class Server extends TestDatabases {
        private final String adminUrl;
        private final String username;
        private final String password;
        private final AtomicInteger counter = new AtomicInteger();
        private final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

        Server(String adminUrl, String username, String password) {
            this.adminUrl = adminUrl;
            this.username = username;
            this.password = password;
        }

        @Override
        public boolean postgres() {
            return true;
        }

        @Override
        public Database create(String name) {
            String database = (name.replaceAll("[^A-Za-z0-9]", "_") + "_" + run + "_" + counter.incrementAndGet())
                    .toLowerCase();
            try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + database + " on " + adminUrl
                        + " (is PostgreSQL running? see .ci/run)", e);
            }
            return new Database(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database, username, password);
        }
    }

    static final class Containers extends Server {
        Containers(PostgreSQLContainer<?> container) {
            super(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }

        static Containers start() {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                    "profile 'containers' needs a Docker engine; none is reachable here");
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
            return new Containers(container);
        }
    }
}
