package cn.changdu.labour.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as separate JVMs, started from the modules' runnable jars the way {@code ./platform up}
 * does, on free ports and a fresh data folder: the infra launcher, four services and the gateway. With separate
 * infrastructure the broker and the store run as two launcher processes, so either can be stopped and started
 * again on its own (the fault tests).
 */
final class Platform implements AutoCloseable {

    static final List<String> SERVICES = List.of("training-service", "employment-service", "project-labor-service",
            "reporting-service");

    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private final String version = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
    private final Path dataDir;
    private final Path logDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int mongoPort;
    private final boolean separateInfra;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Platform() throws IOException {
        this(false);
    }

    Platform(boolean separateInfra) throws IOException {
        this.separateInfra = separateInfra;
        dataDir = Files.createTempDirectory("platform-e2e");
        logDir = root.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logDir);
        kafkaPort = freePort();
        kafkaControllerPort = freePort();
        mongoPort = freePort();
        for (String name : SERVICES) {
            ports.put(name, freePort());
        }
        ports.put("gateway", freePort());
    }

    /** The log file of a process (infra, a service, the gateway); each start appends to it. */
    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    String gateway() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The address of a service (or the gateway) itself, bypassing the gateway. */
    String direct(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    void startAll() throws Exception {
        if (separateInfra) {
            startInfra("kafka");
            startInfra("mongo");
        } else {
            startInfra("all");
        }
        for (String name : ports.keySet()) {
            start(name);
        }
        for (String name : ports.keySet()) {
            awaitHealthy(name);
        }
    }

    /** Starts the infrastructure, or one part of it: {@code all}, {@code kafka} or {@code mongo}. */
    void startInfra(String part) throws Exception {
        Path jar = root.resolve("infra/launcher/target/infra-launcher-" + version + "-exec.jar");
        String name = part.equals("all") ? "infra" : part;
        Path log = logDir.resolve(name + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(java(), "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--data-dir=" + dataDir.resolve("infra"), "--kafka-port=" + kafkaPort,
                "--kafka-controller-port=" + kafkaControllerPort, "--mongo-port=" + mongoPort, "--only=" + part)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        processes.put(name, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).substring((int) logStart).contains("INFRA READY")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("infra did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    void start(String name) throws IOException {
        start(name, name);
    }

    /**
     * Starts another instance of a service beside the first (same databases, topics and consumer group) under a
     * name of its own, e.g. {@code reporting-service-2}.
     */
    void startInstance(String module, String name) throws Exception {
        ports.put(name, freePort());
        start(module, name);
        awaitHealthy(name);
    }

    private void start(String module, String name) throws IOException {
        Path jar = root.resolve(module + "/target/" + module + "-" + version + "-exec.jar");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(),
                "--server.port=" + ports.get(name)));
        if (module.equals("gateway")) {
            command.add("--platform.routes.training=http://127.0.0.1:" + ports.get("training-service"));
            command.add("--platform.routes.employment=http://127.0.0.1:" + ports.get("employment-service"));
            command.add("--platform.routes.projects=http://127.0.0.1:" + ports.get("project-labor-service"));
            command.add("--platform.routes.reports=http://127.0.0.1:" + ports.get("reporting-service"));
        } else {
            command.add("--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort);
            command.add("--platform.data-dir=" + dataDir);
            if (module.equals("reporting-service")) {
                // the domain services keep everything in their own databases; reporting's documents are in MongoDB
                command.add("--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/reporting");
            }
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile())).start();
        processes.put(name, process);
    }

    void awaitHealthy(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        URI readiness = URI.create("http://127.0.0.1:" + ports.get(name) + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!processes.get(name).isAlive()) {
                throw new IllegalStateException(name + " exited; see " + logDir.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " not healthy in time; see " + logDir.resolve(name + ".log"));
    }

    /** Kills the service without warning (SIGKILL), as a crash would, then starts it again. */
    void crashAndRestart(String name) throws Exception {
        Process process = processes.get(name);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        start(name);
        awaitHealthy(name);
    }

    /** Stops a process the way an operator would (SIGTERM), waiting for it to exit. */
    void stop(String name) throws InterruptedException {
        Process process = processes.remove(name);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            Process process = processes.get(name);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
