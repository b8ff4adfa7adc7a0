package cn.changdu.labour.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One checkout's platform, driven through its own {@code ./platform} script (up, down) on the benchmark's data
 * folder and ports, and component by component where a phase needs it: the pid files in {@code <data>/run} say
 * which process is which; a component restarted here gets the same command line (or one with extra arguments) and
 * its pid file is rewritten, so {@code ./platform down} still stops exactly what runs.
 */
final class Platform {

    static final List<String> DOMAIN_SERVICES = List.of("training-service", "employment-service", "project-labor-service");
    static final List<String> SERVICES = List.of("training-service", "employment-service", "project-labor-service",
            "reporting-service");
    static final List<String> COMPONENTS = List.of("infra", "training-service", "employment-service",
            "project-labor-service", "reporting-service", "gateway");
    static final Map<String, String> TOPICS = Map.of("training-service", "changdu.training.events",
            "employment-service", "changdu.employment.events", "project-labor-service", "changdu.project-labor.events");

    /** How the checkout stores the domain services' events. */
    enum Layout {
        /** Axon's JDBC store in an H2 file per service (the storage change of issue 11) */
        JDBC,
        /** Axon's MongoDB store on the platform's mongo-java-server (before it) */
        MONGO
    }

    private final Path dir;
    private final Path data;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final int kafkaPort;
    private final int mongoPort;
    private final Path logs;

    Platform(Path dir, Path data, int portOffset, String today) {
        this.dir = dir;
        this.data = data;
        this.logs = data.resolve("benchmark-logs");
        ports.put("gateway", 8080 + portOffset);
        ports.put("training-service", 8081 + portOffset);
        ports.put("employment-service", 8082 + portOffset);
        ports.put("project-labor-service", 8083 + portOffset);
        ports.put("reporting-service", 8084 + portOffset);
        kafkaPort = 9092 + portOffset;
        mongoPort = 27017 + portOffset;
        env.put("PLATFORM_DATA_DIR", data.toString());
        env.put("PLATFORM_GATEWAY_PORT", String.valueOf(ports.get("gateway")));
        env.put("PLATFORM_TRAINING_PORT", String.valueOf(ports.get("training-service")));
        env.put("PLATFORM_EMPLOYMENT_PORT", String.valueOf(ports.get("employment-service")));
        env.put("PLATFORM_PROJECT_LABOR_PORT", String.valueOf(ports.get("project-labor-service")));
        env.put("PLATFORM_REPORTING_PORT", String.valueOf(ports.get("reporting-service")));
        env.put("PLATFORM_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("PLATFORM_KAFKA_CONTROLLER_PORT", String.valueOf(9093 + portOffset));
        env.put("PLATFORM_MONGO_PORT", String.valueOf(mongoPort));
        env.put("PLATFORM_TODAY", today);
    }

    Path dir() {
        return dir;
    }

    Path data() {
        return data;
    }

    String gateway() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    String url(String component) {
        return "http://127.0.0.1:" + ports.get(component);
    }

    String kafka() {
        return "127.0.0.1:" + kafkaPort;
    }

    int mongoPort() {
        return mongoPort;
    }

    Map<String, String> env() {
        return env;
    }

    /** The jars {@code ./platform up} needs, missing ones first. */
    List<Path> missingJars() {
        List<Path> missing = new ArrayList<>();
        for (String c : COMPONENTS) {
            Path jar = c.equals("infra") ? dir.resolve("infra/launcher/target/infra-launcher-0.1.0-SNAPSHOT-exec.jar")
                    : dir.resolve(c + "/target/" + c + "-0.1.0-SNAPSHOT-exec.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(jar);
            }
        }
        return missing;
    }

    Layout layout() {
        return Files.exists(data.resolve("training-service/store.mv.db")) ? Layout.JDBC : Layout.MONGO;
    }

    /** Ports the platform would use that something else holds. */
    List<Integer> portsTaken() {
        List<Integer> taken = new ArrayList<>();
        List<Integer> all = new ArrayList<>(ports.values());
        all.add(kafkaPort);
        all.add(mongoPort);
        all.add(Integer.parseInt(env.get("PLATFORM_KAFKA_CONTROLLER_PORT")));
        for (int port : all) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                taken.add(port);
            }
        }
        return taken;
    }

    /** Runs {@code ./platform <args>} with the benchmark's environment; its output goes to a log of its own. */
    Script script(String name, Duration timeout, String... args) {
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of("bash", dir.resolve("platform").toString()));
            command.addAll(Arrays.asList(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Script(done ? p.exitValue() : -1, seconds, log, tail(log, 30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What a run of the script did. */
    record Script(int exit, double seconds, Path log, String tail) {
        boolean ok() {
            return exit == 0;
        }
    }

    // ------------------------------------------------------------------------------------------ processes

    Optional<Long> pid(String component) {
        Path file = data.resolve("run").resolve(component + ".pid");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String c : COMPONENTS) {
            pid(c).ifPresent(p -> pids.put(c, p));
        }
        return pids;
    }

    /** The command line of a running component, from /proc. */
    List<String> commandLine(String component) {
        long pid = pid(component).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>(Arrays.asList(raw.split("\0")));
            parts.removeIf(String::isEmpty);
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns the seconds it took. */
    double stop(String component, Duration grace) {
        long t0 = System.nanoTime();
        Optional<ProcessHandle> handle = pid(component).flatMap(ProcessHandle::of);
        if (handle.isPresent()) {
            ProcessHandle h = handle.get();
            h.destroy();
            try {
                h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported by the caller's next health check
                }
            }
        }
        try {
            Files.deleteIfExists(data.resolve("run").resolve(component + ".pid"));
        } catch (IOException ignored) {
            // the script cleans up pid files of dead processes itself
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Starts a component with this command line, its output appended to its log, and records its pid. */
    long start(String component, List<String> commandLine) {
        try {
            Path log = data.resolve("logs").resolve(component + ".log");
            Files.writeString(log, "\n===== benchmark: starting " + component + " " + String.join(" ", commandLine.subList(
                    Math.max(0, commandLine.size() - 3), commandLine.size())) + " =====\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            File logFile = log.toFile();
            Process p = new ProcessBuilder(commandLine).directory(data.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Files.writeString(data.resolve("run").resolve(component + ".pid"), p.pid() + "\n");
            return p.pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ready: readiness UP for a service or the gateway; Kafka and MongoDB accepting connections for infra. */
    boolean ready(String component) {
        if (component.equals("infra")) {
            return open(kafkaPort) && open(mongoPort);
        }
        Http.Answer a = Http.get(url(component) + "/actuator/health/readiness", Duration.ofSeconds(3));
        return a.status() == 200 && a.body() != null && a.body().contains("\"UP\"");
    }

    /** Waits until the component is ready; the seconds it took, or -1 when it was not within the budget or died. */
    double awaitReady(String component, Duration budget) {
        long t0 = System.nanoTime();
        long deadline = t0 + budget.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(component)) {
                return (System.nanoTime() - t0) / 1e9;
            }
            if (pid(component).isEmpty()) {
                return -1;
            }
            sleep(200);
        }
        return -1;
    }

    List<String> notRunning() {
        List<String> dead = new ArrayList<>();
        for (String c : COMPONENTS) {
            if (pid(c).isEmpty()) {
                dead.add(c);
            }
        }
        return dead;
    }

    private static boolean open(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nothing listens on (for cutting a relay off from Kafka). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ /proc

    /** Resident memory in MB (VmRSS), 0 when unknown. */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return (Long.parseLong(line.replaceAll("\\D", "")) + 512) / 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // gone
        }
        return 0;
    }

    /** utime + stime of a process in clock ticks, -1 when gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(3) ppid … utime is field 14 and stime 15 of the whole line
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
