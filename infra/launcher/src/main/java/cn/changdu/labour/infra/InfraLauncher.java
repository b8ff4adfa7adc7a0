package cn.changdu.labour.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the embedded default infrastructure on 127.0.0.1 and keeps it until the process is told to stop:
 * a Kafka broker (KRaft) and a MongoDB-protocol store, both keeping their data under one data folder.
 *
 * <pre>java -jar infra-launcher-exec.jar --data-dir=data/infra --kafka-port=9092 --kafka-controller-port=9093 --mongo-port=27017</pre>
 *
 * It prints {@value #READY} once both accept connections; SIGTERM shuts both down cleanly. {@code --only=kafka} or
 * {@code --only=mongo} starts one of them (the fault tests stop and restart the broker and the store apart).
 */
public final class InfraLauncher {

    public static final String READY = "INFRA READY";

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", "data/infra")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("kafka-controller-port", "9093"));
        int mongoPort = Integer.parseInt(options.getOrDefault("mongo-port", "27017"));

        String only = options.getOrDefault("only", "all");
        if (!java.util.Set.of("all", "kafka", "mongo").contains(only)) {
            throw new IllegalArgumentException("--only must be kafka or mongo, not " + only);
        }
        EmbeddedMongo mongo = only.equals("kafka") ? null
                : new EmbeddedMongo(dataDir.resolve("mongo").resolve("store.mv"), mongoPort);
        EmbeddedKafka kafka = only.equals("mongo") ? null
                : new EmbeddedKafka(dataDir.resolve("kafka").resolve("logs"), kafkaPort, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("INFRA STOPPING");
            // Kafka first: nothing of ours writes to Mongo from here, but producers may still be flushing
            if (kafka != null) {
                kafka.close();
            }
            if (mongo != null) {
                mongo.close();
            }
            System.out.println("INFRA STOPPED");
            stopped.countDown();
        }, "infra-shutdown"));

        if (mongo != null) {
            mongo.start();
            System.out.println("mongo-java-server (H2) listening on " + mongo.connectionString() + ", store " + dataDir.resolve("mongo"));
        }
        if (kafka != null) {
            kafka.start();
            System.out.println("Kafka broker (KRaft) listening on " + kafka.bootstrapServers() + ", logs " + dataDir.resolve("kafka"));
        }
        System.out.println(READY);
        stopped.await();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private InfraLauncher() {
    }
}
