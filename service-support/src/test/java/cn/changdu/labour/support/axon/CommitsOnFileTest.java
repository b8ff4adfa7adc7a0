package cn.changdu.labour.support.axon;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process that commits, waits for {@link CommitsOnFile} and is then killed (halted: no shutdown hook, no close)
 * keeps every commit in its H2 file. Without the wait H2's background writer has usually not written them yet.
 */
class CommitsOnFileTest {

    private static final int ROWS = 3_000;

    @Test
    void commits_waited_for_survive_a_killed_process(@TempDir Path dir) throws Exception {
        String url = url(dir.resolve("store"));
        assertThat(runAndHalt(url, true)).isZero();
        assertThat(rows(url)).isEqualTo(ROWS);

        String without = url(dir.resolve("without"));
        runAndHalt(without, false);
        System.out.printf("[commits-on-file] without waiting, %d of %d commits survived the halt%n", rows(without), ROWS);
    }

    @Test
    void waiting_while_the_pool_is_exhausted_does_not_block(@TempDir Path dir) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(dir.resolve("pool")));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CommitsOnFile commits = new CommitsOnFile(pool);
            // every connection the pool has left held by callers inside open transactions (an import's, the relay's)
            List<Connection> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(pool.getConnection());
                }
            } catch (SQLException exhausted) {
                // the pool has none left
            }
            try {
                Connection caller = held.get(0);
                caller.setAutoCommit(false);
                caller.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
                caller.commit();
                long started = System.nanoTime();
                commits.await();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    /** The child process: commits {@link #ROWS} one-row transactions, optionally waits, then halts. */
    public static void main(String[] args) throws Exception {
        JdbcDataSource dataSource = dataSource(args[0]);
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR)");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)");
            for (int i = 0; i < ROWS; i++) {
                insert.setInt(1, i);
                insert.setString(2, "x".repeat(500));
                insert.executeUpdate();
            }
            if (Boolean.parseBoolean(args[1])) {
                new CommitsOnFile(dataSource).await();
            }
            Runtime.getRuntime().halt(0);
        }
    }

    private static int runAndHalt(String url, boolean await) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitsOnFileTest.class.getName(), url,
                String.valueOf(await)).inheritIO().start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return child.exitValue();
    }

    private static long rows(String url) throws Exception {
        try (Connection connection = dataSource(url).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, payload VARCHAR)");  // lost with the rest
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String url(Path file) {
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }
}
