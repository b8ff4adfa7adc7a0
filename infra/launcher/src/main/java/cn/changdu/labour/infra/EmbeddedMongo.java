package cn.changdu.labour.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server speaking the MongoDB wire protocol, stored in one H2 MVStore file. It reports MongoDB 4.2,
 * has no transactions and ignores compound secondary indexes: the services are written for that.
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
        backend = new H2Backend(storeFile.toAbsolutePath().toString());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
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
