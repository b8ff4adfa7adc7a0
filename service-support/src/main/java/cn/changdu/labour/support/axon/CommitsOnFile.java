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
 * waiting. PostgreSQL has its own write-ahead log: there this does nothing.
 */
public class CommitsOnFile {

    private final DataSource dataSource;
    private final boolean h2;
    private final Object lock = new Object();
    private long requested;
    private long onFile;
    private boolean running;

    public CommitsOnFile(DataSource dataSource) {
        this.dataSource = dataSource;
        this.h2 = isH2(dataSource);
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
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not write the store's commits to its file", e);
        }
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not read the store's product name", e);
        }
    }
}
