package cn.changdu.labour.support.axon;

import org.springframework.dao.DataAccessResourceFailureException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes committed transactions survive a killed process on the embedded H2 file. H2 writes commits to its file in
 * the background (every 500 ms by default): a service killed in between loses what it had committed, answered and
 * possibly relayed. {@code WRITE_DELAY=0} (a file write in every commit) corrupted the file here under concurrent
 * writers (MVStore "Double mark", reporting's two-writer test, 2 runs in 3), so commits are put on file in groups
 * instead: whoever needs its commit there (a command before it is answered, the relay before it sends) waits for
 * a {@code CHECKPOINT} that started after its commit; the first to find none running runs one for everyone
 * waiting. The checkpoint runs on a connection of its own: the waiters may still hold the pool's connections (a
 * command inside an import's transaction, the relay inside its batch's), so taking one from the pool could wait
 * for ever. PostgreSQL has its own write-ahead log: there this does nothing.
 */
public class CommitsOnFile {

    private final DataSource dataSource;
    private final boolean h2;
    private final Object lock = new Object();
    private long requested;
    private long onFile;
    private boolean running;
    /** Used by the one thread running a checkpoint at a time (guarded by {@code running}). */
    private Connection connection;

    public CommitsOnFile(DataSource dataSource) {
        this.dataSource = dataSource;
        this.h2 = isH2(dataSource);
        if (h2) {
            checkpoint();   // takes the connection now, while the pool is idle
        }
    }

    /** Returns once everything this thread committed before the call is in the file. */
    public void await() {
        if (!h2) {
            return;
        }
        long ticket;
        synchronized (lock) {
            ticket = ++requested;
        }
        while (true) {
            long covers;
            synchronized (lock) {
                while (running && onFile < ticket) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the store's file", e);
                    }
                }
                if (onFile >= ticket) {
                    return;
                }
                running = true;
                covers = requested;
            }
            boolean written = false;
            try {
                checkpoint();
                written = true;
            } finally {
                synchronized (lock) {
                    running = false;
                    if (written) {
                        onFile = Math.max(onFile, covers);
                    }
                    lock.notifyAll();   // on a failure the next waiter tries again
                }
            }
        }
    }

    private void checkpoint() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            closeQuietly();
            throw new DataAccessResourceFailureException("could not write the store's commits to its file", e);
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // a broken connection: the next checkpoint takes a new one
        }
        connection = null;
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not read the store's product name", e);
        }
    }
}
