package cn.changdu.labour.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * mongo-java-server speaking the MongoDB wire protocol, stored in one H2 MVStore file: reporting-service's
 * documents (alerts, targets). It reports MongoDB 4.2, has no transactions and serves only exact {@code _id} or
 * unique-key lookups from an index; everything else scans.
 * <p>
 * A store written before the domain services kept their events in their own databases (it holds their
 * {@code domainevents} collections) is refused: this version cannot read those events, and starting on the
 * folder as if it were new would lose them silently.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final Path storeFile;
    private final int port;
    private MongoServer server;
    private H2Backend backend;

    public EmbeddedMongo(Path storeFile, int port) {
        this.storeFile = storeFile;
        this.port = port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public void start() {
        try {
            Files.createDirectories(storeFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = MVStore.open(storeFile.toAbsolutePath().toString());
        List<String> oldEventStores = store.getMapNames().stream()
                .filter(name -> name.startsWith("databases.") && name.endsWith(".domainevents"))
                .map(name -> name.substring("databases.".length(), name.length() - ".domainevents".length()))
                .sorted().toList();
        if (!oldEventStores.isEmpty()) {
            store.close();
            throw new OldLayoutException(storeFile, oldEventStores);
        }
        backend = new H2Backend(store);
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    /** The data folder is of the layout before the services' own databases. */
    public static final class OldLayoutException extends IllegalStateException {
        OldLayoutException(Path storeFile, List<String> databases) {
            super("The data folder of " + storeFile + " holds the event stores of " + databases + " in MongoDB: it was"
                    + " written before each domain service kept its events in its own database. This version cannot"
                    + " read them and does not start on them, so that nothing is lost silently. Keep the folder (an"
                    + " earlier version reads it) and start this version on a new one (PLATFORM_DATA_DIR=...).");
        }
    }

    @Override
    public void close() {
        if (server != null) {
            // shutdownNow closes client connections and the backend, which commits and closes the MVStore
            server.shutdownNow();
            server = null;
        }
    }
}
