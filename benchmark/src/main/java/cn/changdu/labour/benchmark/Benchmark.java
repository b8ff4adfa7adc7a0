package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run: the platform up on a fresh data folder, then at each size — loaded to it with the generated year —
 * every measurement, the results written after each size (a run cut short keeps what it measured).
 */
final class Benchmark {

    private static final String MARKER = ".changdu-benchmark";

    private final Options options;
    private final Path self;
    private final Platform platform;
    private final ObjectNode results = Json.object();
    private final ArrayNode sizes;
    private final Map<String, List<String>> commandLines = new HashMap<>();
    private volatile boolean started;
    private final long t0 = System.nanoTime();

    Benchmark(Options options, Path self) {
        this.options = options;
        this.self = self;
        this.platform = new Platform(options.platformDir(), options.dataDir(), options.portOffset(), options.today());
        results.put("label", options.label());
        results.put("startedAt", Instant.now().toString());
        sizes = Json.array();
    }

    int run() {
        List<Path> missing = platform.missingJars();
        if (!missing.isEmpty()) {
            System.err.println("benchmark: the platform in " + options.platformDir() + " is not built: missing " + missing);
            System.err.println("  build it first (for this checkout ./platform bench does; for another, its own build command)");
            return 1;
        }
        Path kafkaTools = kafkaTools();
        prepareDataDir();
        List<Integer> taken = platform.portsTaken();
        if (!taken.isEmpty()) {
            System.err.println("benchmark: ports " + taken + " are in use; choose others with --port-offset");
            return 1;
        }
        results.set("machine", Machine.describe());
        results.set("benchmarkCode", Machine.git(self));
        results.set("platformCode", Machine.git(options.platformDir()));
        results.set("options", options());
        results.set("sizes", sizes);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "benchmark-shutdown"));

        say("Benchmark '%s' of %s (commit %s%s) on %d cores; data %s; results %s", options.label(),
                options.platformDir(), results.path("platformCode").path("commit").asText().substring(0, Math.min(10,
                        results.path("platformCode").path("commit").asText().length())),
                results.path("platformCode").path("clean").asBoolean() ? "" : ", with uncommitted changes",
                Runtime.getRuntime().availableProcessors(), options.dataDir(), options.out());

        say("==> starting the platform (./platform up --no-demo)");
        started = true;
        Phases phases0 = new Phases(options, platform, null, null);
        ObjectNode firstUp = phases0.up("up-0");
        if (firstUp.has("error")) {
            results.put("error", firstUp.path("error").asText());
            write();
            System.err.println("benchmark: " + firstUp.path("error").asText());
            return 1;
        }
        say("    up in %.1f s, %d MB", firstUp.path("seconds").asDouble(), firstUp.path("rssMb").path("total").asLong());
        rememberCommandLines();
        Platform.Layout layout = platform.layout();
        results.put("layout", layout.name());
        say("    layout: %s", layout == Platform.Layout.JDBC ? "JDBC event stores (H2 files)" : "MongoDB event stores (mongo-java-server)");

        Instant loadStart = Instant.now();
        boolean missed = false;
        try (Kafka kafka = new Kafka(platform.kafka())) {
            Events events = new Events(platform, kafka);
            Phases phases = new Phases(options, platform, kafka, events);
            Load.Filling filling = null;
            long seed = options.seed();
            int upCount = 1;
            try {
                for (Options.Size size : options.sizes()) {
                    ObjectNode s = sizes.addObject();
                    s.put("size", size.name());
                    s.put("targetEvents", size.events());
                    if (size.events() > 0 && missed && !options.continueAfterMiss()) {
                        s.put("skipped", "a smaller size was not reached within the load budget");
                        say("==> %s: skipped (a smaller size was not reached)", size.name());
                        write();
                        continue;
                    }
                    say("==> size %s", size.name());
                    if (size.events() > 0) {
                        if (filling == null) {
                            double scale = options.scale() != null ? options.scale() : Load.scaleForEvents(options.largest().events());
                            results.put("loadScale", scale);
                            say("    generating the year that fills the store: scale %s, seed %d", scale, seed);
                            filling = new Load.Filling(Load.year(scale, seed), Load.options(platform.gateway(), 0,
                                    options.concurrency(), 30));
                            loadStart = Instant.now();
                        }
                    }
                    Events.Count before = size.events() > 0 ? events.exact() : null;
                    if (before != null && before.total() >= size.events()) {
                        s.put("note", String.format("the phases at the smaller size had already stored %,d events: "
                                + "measured there, nothing loaded", before.total()));
                        say("    %s", s.path("note").asText());
                    } else if (before != null) {
                        Load.Filling.Phase phase = filling.to(size.events(), options.loadBudget(), events.tally(before.total()));
                        ObjectNode loading = s.putObject("loading");
                        loading.put("eventsAtStart", before.total());
                        loading.put("eventsAtEnd", phase.eventsAtEnd());
                        loading.put("reached", phase.reached());
                        loading.put("yearExhausted", phase.exhausted());
                        loading.put("budgetSpent", phase.budgetSpent());
                        loading.set("requests", phase.stats().json());
                        Json.put(loading, "eventsPerSecond", (phase.eventsAtEnd() - before.total()) / Math.max(0.001, phase.stats().seconds()));
                        ArrayNode curve = loading.putArray("curve");
                        for (double[] p : phase.curve()) {
                            ObjectNode c = curve.addObject();
                            Json.put(c, "seconds", p[0]);
                            c.put("events", (long) p[1]);
                            Json.put(c, "requestsPerSecond", p[2]);
                            Json.put(c, "p50Ms", p[3]);
                            Json.put(c, "p99Ms", p[4]);
                        }
                        if (!phase.reached()) {
                            missed = true;
                            s.put("note", String.format("not reached: %,d events when the load stopped (%s)", phase.eventsAtEnd(),
                                    phase.exhausted() ? "the year ran out: give a larger --scale" : "load budget spent"));
                            say("    %s", s.path("note").asText());
                        }
                        say("    loaded %,d → %,d events in %.0f s (%.0f requests/s)", before.total(), phase.eventsAtEnd(),
                                phase.stats().seconds(), loading.path("requests").path("perSecond").asDouble());
                        check(s, "loading");
                    }
                    s.set("quiesceAfterLoad", phases.quiesce());
                    Events.Count count = events.exact();
                    s.set("events", count.json());
                    say("    %,d events in the stores (%s)", count.total(), count.source());

                    if (size.events() > 0 && options.runs("startup")) {
                        say("    restarting the whole platform");
                        s.set("down", phases.down("down-" + upCount));
                        s.set("startup", phases.up("up-" + upCount++));
                        rememberCommandLines();
                        say("    up in %.1f s, %d MB", s.path("startup").path("seconds").asDouble(),
                                s.path("startup").path("rssMb").path("total").asLong());
                        check(s, "startup");
                    } else if (size.events() == 0) {
                        s.set("startup", firstUp);
                    }
                    if (options.runs("idle")) {
                        say("    idle CPU over %d s", options.idle().toSeconds());
                        s.set("idleCpu", phases.idleCpu());
                        say("    busiest process %.1f %% of a core", s.path("idleCpu").path("maxPercent").asDouble());
                    }
                    if (options.runs("raw")) {
                        say("    raw limits: Kafka perf tools, H2%s, MongoDB", options.postgres() != null ? ", PostgreSQL" : "");
                        s.set("raw", raw(kafka, kafkaTools));
                        say("    %s", rawLine(s.path("raw")));
                        check(s, "raw");
                    }
                    Instant asOf = midpoint(loadStart, Instant.now());
                    s.put("recordedBefore", asOf.toString());
                    if (options.runs("reads")) {
                        say("    reads at rest (%d samples each)", options.reads());
                        s.set("reads", phases.readsAtRest(asOf));
                        say("    worst read p99 %s", fmt(s.path("reads").path("worstP99Ms"), "ms"));
                        check(s, "reads");
                    }
                    if (options.runs("throughput")) {
                        ObjectNode t = s.putObject("throughput");
                        say("    mixed burst, unlimited rate, %d s", options.burst().toSeconds());
                        Events.Tally tally = events.tally(0);
                        ObjectNode mixed = phases.burst(seed + 101 + 10L * sizes.size(), null);
                        Json.put(mixed, "eventsPerSecond", tally.current() / Math.max(0.001, mixed.path("seconds").asDouble()));
                        t.set("mixed", mixed);
                        say("    %.0f requests/s, %.0f events/s", mixed.path("perSecond").asDouble(), mixed.path("eventsPerSecond").asDouble());
                        ObjectNode by = t.putObject("byService");
                        int k = 0;
                        for (String service : List.of("training", "employment", "project-labor")) {
                            Events.Tally st = events.tally(0);
                            ObjectNode b = phases.burst(seed + 111 + 10L * sizes.size() + k++, service);
                            Json.put(b, "eventsPerSecond", st.current() / Math.max(0.001, b.path("seconds").asDouble()));
                            by.set(service, b);
                            say("    %s alone: %.0f requests/s, p99 %s", service, b.path("perSecond").asDouble(), fmt(b.path("p99Ms"), "ms"));
                        }
                        s.set("quiesceAfterThroughput", phases.quiesce());
                        check(s, "throughput");
                    }
                    if (options.runs("steady")) {
                        boolean profileHere = options.profile().equals("all")
                                || options.profile().equals("largest") && size.equals(options.largest());
                        Profile profile = profileHere ? new Profile(platform.pids(), options.dataDir().resolve("profiles")) : null;
                        say("    steady load %.0f/s for %d s%s", options.steadyRate(), options.steady().toSeconds(),
                                profileHere ? ", JFR on every process" : "");
                        s.set("steady", phases.steady(seed + 201 + 10L * sizes.size(), asOf, profile, options.out(), size.name()));
                        JsonNode st = s.path("steady");
                        say("    %.0f requests/s; command p99 %s; accepted → visible p99 %s; relay lag p99 %s s; projection lag p99 %s",
                                st.path("requests").path("perSecond").asDouble(), fmt(st.path("commands").path("p99Ms"), "ms"),
                                fmt(st.path("probes").path("acceptedToVisible").path("p99Ms"), "ms"),
                                st.path("lag").path("relaySeconds").path("p99").asText(),
                                st.path("lag").path("projectionEvents").path("p99").asText());
                        s.set("rssAfterLoad", phases.rss());
                        s.set("quiesceAfterSteady", phases.quiesce());
                        check(s, "steady");
                    }
                    if (options.runs("relay")) {
                        say("    relay catch-up: %s cut off from Kafka, %,d events written, then restarted",
                                options.relayService(), options.relayBacklog());
                        s.set("relayCatchUp", phases.relayCatchUp(seed + 301 + 10L * sizes.size()));
                        JsonNode r = s.path("relayCatchUp");
                        say("    %s", r.has("error") ? "error: " + r.path("error").asText()
                                : String.format("%,d events in %.1f s: %,.0f events/s", r.path("relayed").asLong(),
                                r.path("drainSeconds").asDouble(), r.path("eventsPerSecond").asDouble()));
                        s.set("quiesceAfterRelay", phases.quiesce());
                        check(s, "relay");
                    }
                    if (options.runs("rebuild")) {
                        say("    projection rebuild");
                        s.set("rebuild", phases.rebuild());
                        JsonNode r = s.path("rebuild");
                        say("    %s: %,d events in %.1f s, %,.0f events/s", r.path("state").asText(), r.path("done").asLong(),
                                r.path("seconds").asDouble(), r.path("eventsPerSecond").asDouble());
                        check(s, "rebuild");
                    }
                    if (options.runs("restart")) {
                        say("    reporting restart");
                        s.set("restart", phases.restartReporting());
                        JsonNode r = s.path("restart");
                        say("    ready in %s s, serving in %s s", r.path("readySeconds").asText(), r.path("servingSeconds").asText());
                        check(s, "restart");
                    }
                    s.set("eventsAtEnd", events.exact().json());
                    s.set("ratios", ratios(s, layout));
                    write();
                }
            } finally {
                if (filling != null) {
                    filling.end();
                }
            }
        } catch (RuntimeException e) {
            results.put("error", e.toString());
            e.printStackTrace();
        } finally {
            say("==> stopping the platform");
            results.set("finalDown", new Phases(options, platform, null, null).down("down-final"));
            started = false;
            Json.put(results, "totalSeconds", (System.nanoTime() - t0) / 1e9);
            results.put("finishedAt", Instant.now().toString());
            write();
        }
        System.out.println();
        System.out.print(Report.table(results));
        say("Results: %s and %s", options.out().resolve("results.json"), options.out().resolve("report.html"));
        return results.has("error") ? 1 : 0;
    }

    /** After a phase: every component must still run; a dead one is noted and started again. */
    private void check(ObjectNode size, String phase) {
        List<String> dead = platform.notRunning();
        if (dead.isEmpty()) {
            return;
        }
        ArrayNode problems = size.has("problems") ? (ArrayNode) size.get("problems") : size.putArray("problems");
        for (String c : dead) {
            problems.add(c + " was not running after the " + phase + " phase (see " + options.dataDir().resolve("logs/" + c + ".log")
                    + "); started again");
            say("    %s died during %s: starting it again", c, phase);
            List<String> command = commandLines.get(c);
            if (command != null) {
                platform.start(c, command);
                platform.awaitReady(c, options.phaseBudget());
            }
        }
    }

    private void rememberCommandLines() {
        for (String c : Platform.COMPONENTS) {
            if (platform.pid(c).isPresent()) {
                commandLines.put(c, platform.commandLine(c));
            }
        }
    }

    private ObjectNode raw(Kafka kafka, Path kafkaTools) {
        ObjectNode n = Json.object();
        RawLimits raw = new RawLimits(options.dataDir().resolve("benchmark-raw"), options.phaseBudget());
        n.set("kafka", raw.kafka(kafkaTools, kafka, platform.kafka(), options.kafkaRecords()));
        n.set("h2", raw.h2(options.rawRows()));
        if (options.postgres() != null) {
            n.set("postgres", raw.postgres(options.postgres(), options.rawRows()));
        }
        n.set("mongo", raw.mongo(platform.mongoPort(), Math.min(options.rawRows(), 20_000)));
        return n;
    }

    private static String rawLine(JsonNode raw) {
        return String.format("Kafka produce %,.0f/s, consume %,.0f/s; H2 %,.0f rows/s batched, %,.0f commits/s, read p99 %.3f ms; "
                        + "MongoDB %,.0f docs/s batched, %,.0f inserts/s, read p99 %.3f ms",
                raw.path("kafka").path("producer").path("recordsPerSecond").asDouble(Double.NaN),
                raw.path("kafka").path("consumer").path("recordsPerSecond").asDouble(Double.NaN),
                raw.path("h2").path("batchedInserts").path("rowsPerSecond").asDouble(Double.NaN),
                raw.path("h2").path("singleRowTransactions").path("commitsPerSecond").asDouble(Double.NaN),
                raw.path("h2").path("pointReads").path("p99Ms").asDouble(Double.NaN),
                raw.path("mongo").path("batchedInserts").path("rowsPerSecond").asDouble(Double.NaN),
                raw.path("mongo").path("singleRowTransactions").path("commitsPerSecond").asDouble(Double.NaN),
                raw.path("mongo").path("pointReads").path("p99Ms").asDouble(Double.NaN));
    }

    /**
     * Each platform figure against the raw limit it stands on, measured at the same size: the domain services'
     * store (H2 file or MongoDB, by layout) for commands and events, the reporting store for reads, Kafka for the
     * relay and the rebuild.
     */
    private ObjectNode ratios(JsonNode s, Platform.Layout layout) {
        ObjectNode n = Json.object();
        JsonNode raw = s.path("raw");
        if (raw.isMissingNode()) {
            n.put("note", "raw limits not measured (--skip raw)");
            return n;
        }
        JsonNode store = raw.path(layout == Platform.Layout.JDBC ? "h2" : "mongo");
        boolean reportingH2 = Files.exists(options.dataDir().resolve("reporting/store.mv.db"))
                || Files.exists(options.dataDir().resolve("reporting-service/store.mv.db"));
        JsonNode reportingStore = raw.path(reportingH2 ? "h2" : "mongo");
        n.put("domainStore", layout == Platform.Layout.JDBC ? "h2" : "mongo");
        n.put("reportingStore", reportingH2 ? "h2" : "mongo");
        ratio(n, "mixedRequestsPerRawCommit", "sustained mixed requests/s ÷ raw one-row transactions/s",
                Json.num(s, "throughput.mixed.perSecond"), Json.num(store, "singleRowTransactions.commitsPerSecond"));
        ratio(n, "mixedEventsPerRawRow", "events/s stored under the mixed burst ÷ raw batched inserts rows/s",
                Json.num(s, "throughput.mixed.eventsPerSecond"), Json.num(store, "batchedInserts.rowsPerSecond"));
        ratio(n, "loadingEventsPerRawRow", "events/s while loading to this size ÷ raw batched inserts rows/s",
                Json.num(s, "loading.eventsPerSecond"), Json.num(store, "batchedInserts.rowsPerSecond"));
        ratio(n, "steadyCommandP50PerRawCommit", "command p50 at the steady rate ÷ one raw commit (1 / commits/s)",
                Json.num(s, "steady.commands.p50Ms"), 1000 / Json.num(store, "singleRowTransactions.commitsPerSecond"));
        ratio(n, "relayPerKafkaProducer", "relay catch-up events/s ÷ Kafka producer records/s",
                Json.num(s, "relayCatchUp.eventsPerSecond"), Json.num(raw, "kafka.producer.recordsPerSecond"));
        ratio(n, "rebuildPerKafkaConsumer", "rebuild events/s ÷ Kafka consumer records/s",
                Json.num(s, "rebuild.eventsPerSecond"), Json.num(raw, "kafka.consumer.recordsPerSecond"));
        for (String endpoint : List.of("dashboard", "indicators", "asOf", "export")) {
            ratio(n, "readP99PerRawPointRead." + endpoint, endpoint + " p99 at rest ÷ raw point-read p99 of the reporting store",
                    Json.num(s, "reads." + endpoint + ".p99Ms"), Json.num(reportingStore, "pointReads.p99Ms"));
        }
        return n;
    }

    private static void ratio(ObjectNode n, String name, String what, double figure, double limit) {
        ObjectNode r = n.putObject(name);
        r.put("what", what);
        Json.put(r, "value", Double.isNaN(figure) || Double.isNaN(limit) || limit == 0 ? Double.NaN : figure / limit);
    }

    private ObjectNode options() {
        ObjectNode n = Json.object();
        n.put("sizes", String.join(",", options.sizes().stream().map(Options.Size::name).toList()));
        n.put("platformDir", options.platformDir().toString());
        n.put("dataDir", options.dataDir().toString());
        if (options.scale() != null) {
            n.put("scale", options.scale());
        }
        n.put("seed", options.seed());
        n.put("concurrency", options.concurrency());
        n.put("loadBudget", options.loadBudget().toString());
        n.put("phaseBudget", options.phaseBudget().toString());
        n.put("steadyRate", options.steadyRate());
        n.put("steadyConcurrency", options.steadyConcurrency());
        n.put("steady", options.steady().toString());
        n.put("burst", options.burst().toString());
        n.put("idle", options.idle().toString());
        n.put("reads", options.reads());
        n.put("relayService", options.relayService());
        n.put("relayBacklog", options.relayBacklog());
        n.put("kafkaRecords", options.kafkaRecords());
        n.put("rawRows", options.rawRows());
        n.put("postgres", options.postgres() != null);
        n.put("profile", options.profile());
        n.put("skip", String.join(",", options.skip()));
        n.put("businessDate", options.today());
        n.put("ports", platform.env().toString());
        return n;
    }

    private Path kafkaTools() {
        String property = System.getProperty("benchmark.kafka-tools");
        if (property != null) {
            return Path.of(property);
        }
        return self.resolve("benchmark/target/kafka-tools");
    }

    /** The data folder is the benchmark's own: emptied first, but only if it is new, empty or a benchmark's. */
    private void prepareDataDir() {
        Path dir = options.dataDir();
        try {
            if (Files.exists(dir)) {
                boolean empty;
                try (var list = Files.list(dir)) {
                    empty = list.findAny().isEmpty();
                }
                if (!empty && !Files.exists(dir.resolve(MARKER))) {
                    throw new IllegalStateException(dir + " is not empty and not a benchmark's data folder; choose another --data-dir");
                }
                if (!empty && platformRunsIn(dir)) {
                    throw new IllegalStateException("a platform still runs on " + dir + "; stop it first (PLATFORM_DATA_DIR=" + dir
                            + " ./platform down)");
                }
                RawLimits.deleteTree(dir);
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARKER), "data folder of a benchmark run; emptied by the next one\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean platformRunsIn(Path dir) {
        Path run = dir.resolve("run");
        if (!Files.isDirectory(run)) {
            return false;
        }
        try (var files = Files.list(run)) {
            return files.anyMatch(f -> {
                try {
                    long pid = Long.parseLong(Files.readString(f).strip());
                    Optional<ProcessHandle> h = ProcessHandle.of(pid);
                    return h.isPresent() && h.get().isAlive();
                } catch (IOException | NumberFormatException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized void write() {
        results.set("targets", Targets.judge(sizes));
        Json.write(options.out().resolve("results.json"), results);
        JsonNode compare = null;
        if (options.compare() != null) {
            try {
                compare = Json.read(options.compare());
            } catch (UncheckedIOException e) {
                say("    cannot read --compare %s: %s", options.compare(), e.getMessage());
            }
        }
        try {
            Files.writeString(options.out().resolve("report.html"), Report.html(results, compare));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void shutdown() {
        if (started) {
            System.err.println("benchmark: interrupted, stopping the platform");
            platform.script("down-interrupted", Duration.ofMinutes(3), "down");
            results.put("error", "interrupted");
            write();
        }
    }

    private static Instant midpoint(Instant a, Instant b) {
        return a.plus(Duration.between(a, b).dividedBy(2));
    }

    static String fmt(JsonNode n, String unit) {
        return n.isNumber() ? Targets.format(n.asDouble(), unit) : "–";
    }

    private void say(String format, Object... args) {
        double minutes = (System.nanoTime() - t0) / 60e9;
        System.out.printf("[%5.1f min] %s%n", minutes, String.format(format, args));
    }
}
