package cn.changdu.labour.benchmark;

import cn.changdu.labour.generator.load.LoadDriver;
import cn.changdu.labour.generator.load.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The measurements made at one store size, each returning its part of results.json. */
final class Phases {

    private final Options options;
    private final Platform platform;
    private final Kafka kafka;
    private final Events events;

    Phases(Options options, Platform platform, Kafka kafka, Events events) {
        this.options = options;
        this.platform = platform;
        this.kafka = kafka;
        this.events = events;
    }

    // ------------------------------------------------------------------------------------------ start-up, memory, CPU

    /** {@code ./platform up --no-demo} until every component is healthy (the script waits for that itself). */
    ObjectNode up(String name) {
        Platform.Script s = platform.script(name, options.phaseBudget().plus(Duration.ofMinutes(5)), "up", "--no-demo");
        ObjectNode n = Json.object();
        n.put("exit", s.exit());
        Json.put(n, "seconds", s.seconds());
        Matcher m = Pattern.compile("Platform is up in (\\d+) s").matcher(s.tail());
        if (m.find()) {
            n.put("scriptSeconds", Integer.parseInt(m.group(1)));
        }
        if (!s.ok()) {
            n.put("error", "./platform up failed (exit " + s.exit() + "), see " + s.log() + ": " + last(s.tail(), 800));
        }
        n.set("rssMb", rss());
        return n;
    }

    ObjectNode down(String name) {
        Platform.Script s = platform.script(name, Duration.ofMinutes(5), "down");
        ObjectNode n = Json.object();
        n.put("exit", s.exit());
        Json.put(n, "seconds", s.seconds());
        return n;
    }

    /** Resident memory of every component and the total, MB. */
    ObjectNode rss() {
        ObjectNode n = Json.object();
        long total = 0;
        for (var e : platform.pids().entrySet()) {
            long mb = Platform.rssMb(e.getValue());
            n.put(e.getKey(), mb);
            total += mb;
        }
        n.put("total", total);
        return n;
    }

    /** CPU of every process over a window with nothing sent, % of one core (utime + stime from /proc). */
    ObjectNode idleCpu() {
        Platform.sleep(options.idleSettle().toMillis());
        Map<String, Long> pids = platform.pids();
        Map<String, Long> before = new LinkedHashMap<>();
        pids.forEach((c, pid) -> before.put(c, Platform.cpuTicks(pid)));
        long t0 = System.nanoTime();
        Platform.sleep(options.idle().toMillis());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long hz = Platform.clockTicksPerSecond();
        ObjectNode n = Json.object();
        Json.put(n, "seconds", seconds);
        ObjectNode by = n.putObject("percentOfCore");
        double max = 0;
        double total = 0;
        for (var e : pids.entrySet()) {
            long after = Platform.cpuTicks(e.getValue());
            if (after < 0 || before.get(e.getKey()) < 0) {
                by.putNull(e.getKey());
                continue;
            }
            double pct = 100.0 * (after - before.get(e.getKey())) / hz / seconds;
            Json.put(by, e.getKey(), pct);
            max = Math.max(max, pct);
            total += pct;
        }
        Json.put(n, "maxPercent", max);
        Json.put(n, "totalPercent", total);
        Json.put(n, "loadAverage", loadAverage());
        return n;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    // ------------------------------------------------------------------------------------------ quiescence

    /**
     * Waits until every relay has caught up ({@code platform_relay_lag_seconds} 0) and the projection has read every
     * record ({@code platform_projection_lag_events} 0), twice in a row, within the phase budget.
     */
    ObjectNode quiesce() {
        ObjectNode n = Json.object();
        long t0 = System.nanoTime();
        long deadline = t0 + options.phaseBudget().toNanos();
        int calm = 0;
        double relay = Double.NaN;
        double projection = Double.NaN;
        while (System.nanoTime() < deadline) {
            relay = relayLag();
            projection = projectionLag();
            calm = relay == 0 && projection == 0 ? calm + 1 : 0;
            if (calm >= 2) {
                break;
            }
            Platform.sleep(1000);
        }
        Json.put(n, "seconds", (System.nanoTime() - t0) / 1e9);
        n.put("quiet", calm >= 2);
        Json.put(n, "relayLagSeconds", relay);
        Json.put(n, "projectionLagEvents", projection);
        return n;
    }

    /** The largest relay lag of the domain services (s); NaN if one does not answer. */
    double relayLag() {
        double max = 0;
        for (String s : Platform.DOMAIN_SERVICES) {
            double v = Metrics.sum(Metrics.prometheus(platform.url(s), "platform_relay_lag"), "platform_relay_lag_seconds");
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, v);
        }
        return max;
    }

    double projectionLag() {
        return Metrics.sum(Metrics.prometheus(platform.url("reporting-service"), "platform_projection_lag"),
                "platform_projection_lag_events");
    }

    // ------------------------------------------------------------------------------------------ reads

    static List<String[]> readEndpoints(Instant recordedBefore) {
        return List.of(
                new String[]{"dashboard", "/api/reports/dashboard"},
                new String[]{"indicators", "/api/reports/indicators"},
                new String[]{"asOf", "/api/reports/dashboard?recordedBefore=" + recordedBefore.truncatedTo(ChronoUnit.SECONDS)},
                new String[]{"export", "/api/reports/quarterly?year=2020&quarter=1&format=xlsx"});
    }

    /** Latency of each read endpoint through the gateway (full body), sampled in turn. */
    static final class Reads {
        private final Map<String, ConcurrentHistogram> latency = new LinkedHashMap<>();
        private final Map<String, AtomicLong> errors = new LinkedHashMap<>();
        private final Map<String, String> lastError = Collections.synchronizedMap(new LinkedHashMap<>());
        private final List<String[]> endpoints;
        private final String gateway;

        Reads(String gateway, List<String[]> endpoints) {
            this.gateway = gateway;
            this.endpoints = endpoints;
            for (String[] e : endpoints) {
                latency.put(e[0], new ConcurrentHistogram(3_600_000_000L, 3));
                errors.put(e[0], new AtomicLong());
            }
        }

        void sampleOnce() {
            for (String[] e : endpoints) {
                Http.Answer a = Http.download(gateway + e[1], Duration.ofSeconds(60));
                if (a.ok()) {
                    latency.get(e[0]).recordValue(Math.max(1, Math.round(a.ms() * 1000)));
                } else {
                    errors.get(e[0]).incrementAndGet();
                    lastError.put(e[0], a.status() + (a.error() == null ? "" : " " + a.error()));
                }
            }
        }

        ObjectNode json() {
            ObjectNode n = Json.object();
            double worst = 0;
            for (String[] e : endpoints) {
                ObjectNode r = n.putObject(e[0]);
                r.put("path", e[1]);
                Histogram h = latency.get(e[0]);
                r.put("samples", h.getTotalCount());
                r.put("errors", errors.get(e[0]).get());
                if (lastError.containsKey(e[0])) {
                    r.put("lastError", lastError.get(e[0]));
                }
                Stats.percentiles(r, h);
                if (h.getTotalCount() > 0) {
                    worst = Math.max(worst, h.getValueAtPercentile(99) / 1000.0);
                }
                if (errors.get(e[0]).get() > 0) {
                    worst = Double.POSITIVE_INFINITY;
                }
            }
            if (Double.isInfinite(worst)) {
                n.putNull("worstP99Ms");
                n.put("worstNote", "an endpoint failed");
            } else {
                Json.put(n, "worstP99Ms", worst);
            }
            return n;
        }
    }

    ObjectNode readsAtRest(Instant recordedBefore) {
        Reads reads = new Reads(platform.gateway(), readEndpoints(recordedBefore));
        reads.sampleOnce(); // warm-up, not counted
        reads = new Reads(platform.gateway(), readEndpoints(recordedBefore));
        long deadline = System.nanoTime() + options.phaseBudget().toNanos();
        for (int i = 0; i < options.reads() && System.nanoTime() < deadline; i++) {
            reads.sampleOnce();
        }
        return reads.json();
    }

    // ------------------------------------------------------------------------------------------ throughput

    /** Unlimited generated load for the burst length: mixed, or one service's requests only. */
    ObjectNode burst(long seed, String service) {
        double expected = 2000.0 * options.burst().toSeconds();
        Stream<Request> year = Load.year(Load.scaleForRequests(expected), seed);
        if (service != null) {
            year = year.filter(r -> r.service().equals(service));
        }
        LoadDriver.Options o = Load.options(platform.gateway(), 0, options.concurrency(), 10);
        Stats s = Load.run(year, o, options.burst(), st -> false);
        return s.json();
    }

    // ------------------------------------------------------------------------------------------ steady load

    /**
     * The steady generated load at {@code --steady-rate} for {@code --steady}; meanwhile probe commands (a class filed
     * with a business date in 2019, so nothing else moves the 2019 figure) timed from their 201 until the 2019
     * classes-filed figure of {@code /api/reports/indicators?year=2019} shows them; relay and projection lag sampled
     * every second from the Prometheus endpoints; the read endpoints sampled in turn; JFR when {@code profile}.
     */
    ObjectNode steady(long seed, Instant recordedBefore, Profile profile, Path summaryDir, String size) {
        double rate = options.steadyRate();
        Stream<Request> year = Load.year(Load.scaleForRequests(rate * options.steady().toSeconds()), seed);
        LoadDriver.Options o = Load.options(platform.gateway(), rate, options.steadyConcurrency(), 10);
        AtomicBoolean running = new AtomicBoolean(true);

        Probes probes = new Probes(platform.gateway());
        Thread probeThread = new Thread(() -> probes.run(running), "benchmark-probes");
        List<Double> relayLag = Collections.synchronizedList(new ArrayList<>());
        List<Double> projectionLag = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Double>> relayByService = new LinkedHashMap<>();
        Platform.DOMAIN_SERVICES.forEach(s -> relayByService.put(s, Collections.synchronizedList(new ArrayList<>())));
        Thread lagThread = new Thread(() -> {
            while (running.get()) {
                long t = System.nanoTime();
                double max = 0;
                for (String s : Platform.DOMAIN_SERVICES) {
                    double v = Metrics.sum(Metrics.prometheus(platform.url(s), "platform_relay_lag"), "platform_relay_lag_seconds");
                    if (!Double.isNaN(v)) {
                        relayByService.get(s).add(v);
                        max = Math.max(max, v);
                    }
                }
                relayLag.add(max);
                double p = projectionLag();
                if (!Double.isNaN(p)) {
                    projectionLag.add(p);
                }
                long spent = (System.nanoTime() - t) / 1_000_000;
                if (spent < 1000) {
                    try {
                        Thread.sleep(1000 - spent);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "benchmark-lag");
        Reads reads = new Reads(platform.gateway(), readEndpoints(recordedBefore));
        Thread readThread = new Thread(() -> {
            while (running.get()) {
                reads.sampleOnce();
            }
        }, "benchmark-reads");

        if (profile != null) {
            profile.start();
        }
        probeThread.start();
        lagThread.start();
        readThread.start();
        Stats s;
        try {
            s = Load.run(year, o, options.steady(), st -> false);
        } finally {
            running.set(false);
        }
        join(probeThread, 60);
        join(lagThread, 10);
        join(readThread, 120);

        ObjectNode n = Json.object();
        n.put("targetRate", rate);
        n.set("requests", s.json());
        n.set("commands", s.commands());
        n.set("probes", probes.json());
        ObjectNode lag = n.putObject("lag");
        lag.set("relaySeconds", distribution(relayLag));
        ObjectNode per = lag.putObject("relaySecondsByService");
        relayByService.forEach((svc, values) -> per.set(svc, distribution(values)));
        lag.set("projectionEvents", distribution(projectionLag));
        n.set("readsUnderLoad", reads.json());
        if (profile != null) {
            n.set("profile", profile.finish(summaryDir, size));
        }
        return n;
    }

    private static void join(Thread t, int seconds) {
        try {
            t.join(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ObjectNode distribution(List<Double> values) {
        ObjectNode n = Json.object();
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        n.put("samples", sorted.size());
        if (sorted.isEmpty()) {
            n.putNull("p50");
            n.putNull("p99");
            n.putNull("max");
            return n;
        }
        Json.put(n, "p50", sorted.get((int) Math.floor(0.50 * (sorted.size() - 1))));
        Json.put(n, "p99", sorted.get((int) Math.ceil(0.99 * (sorted.size() - 1))));
        Json.put(n, "max", sorted.get(sorted.size() - 1));
        return n;
    }

    /** Probe commands and the time until the indicator shows them. */
    static final class Probes {
        private static final List<String> COUNTIES = List.of("540302", "540321", "540322", "540323", "540324",
                "540325", "540326", "540327", "540328", "540329", "540330");
        private final String gateway;
        private final Histogram visible = new Histogram(3_600_000_000L, 3);
        private final Histogram command = new Histogram(3_600_000_000L, 3);
        private int refused;
        private int notVisible;
        private String lastRefusal;

        Probes(String gateway) {
            this.gateway = gateway;
        }

        long filed2019() {
            Http.Answer a = Http.get(gateway + "/api/reports/indicators?year=2019", Duration.ofSeconds(30));
            return a.ok() ? a.json().path("city").path("classesFiled").asLong(-1) : -1;
        }

        void run(AtomicBoolean running) {
            long base = filed2019();
            long accepted = 0;
            int i = 0;
            while (running.get()) {
                long start = System.nanoTime();
                Instant occurred = Instant.parse("2019-03-01T02:00:00Z").plus(i, ChronoUnit.MINUTES);
                String county = COUNTIES.get(i % COUNTIES.size());
                i++;
                String body = "{\"countyCode\":\"" + county + "\",\"organiser\":\"基准测试培训中心\",\"trade\":\"电工\","
                        + "\"plannedSize\":20,\"startDate\":\"2019-09-02\",\"endDate\":\"2019-09-20\",\"occurredAt\":\""
                        + occurred + "\"}";
                Http.Answer a = Http.postJson(gateway + "/api/training/classes", body, "benchmark-probe", "市人社局",
                        Duration.ofSeconds(30));
                if (!a.ok()) {
                    refused++;
                    lastRefusal = a.status() + " " + (a.body() == null ? a.error() : last(a.body(), 300));
                    Platform.sleep(1000);
                    continue;
                }
                long acceptedAt = System.nanoTime();
                command.recordValue(Math.max(1, Math.round(a.ms() * 1000)));
                accepted++;
                boolean seen = false;
                while (System.nanoTime() - acceptedAt < 30_000_000_000L) {
                    long filed = filed2019();
                    if (base >= 0 && filed >= base + accepted) {
                        visible.recordValue(Math.max(1, (System.nanoTime() - acceptedAt) / 1000));
                        seen = true;
                        break;
                    }
                    if (base < 0) {
                        base = filed2019() - accepted; // reporting was not answering at the start
                    }
                    Platform.sleep(20);
                }
                if (!seen) {
                    notVisible++;
                    base = filed2019() - accepted; // count on from what is visible now
                }
                long spent = (System.nanoTime() - start) / 1_000_000;
                if (spent < 1000 && running.get()) {
                    Platform.sleep(1000 - spent);
                }
            }
        }

        ObjectNode json() {
            ObjectNode n = Json.object();
            n.put("accepted", command.getTotalCount());
            n.put("refused", refused);
            if (lastRefusal != null) {
                n.put("lastRefusal", lastRefusal);
            }
            n.put("notVisibleIn30s", notVisible);
            ObjectNode v = n.putObject("acceptedToVisible");
            v.put("samples", visible.getTotalCount());
            Stats.percentiles(v, visible);
            ObjectNode c = n.putObject("command");
            Stats.percentiles(c, command);
            return n;
        }
    }

    // ------------------------------------------------------------------------------------------ rebuild, restart

    /** {@code POST /api/reports/rebuild}, then its progress every 0.5 s until it switched, failed or the budget ran out. */
    ObjectNode rebuild() {
        ObjectNode n = Json.object();
        Http.Answer started = Http.post(platform.gateway() + "/api/reports/rebuild", Duration.ofSeconds(60));
        n.put("startStatus", started.status());
        if (!started.ok()) {
            n.put("error", "POST /api/reports/rebuild: " + started.status() + " " + last(String.valueOf(started.body()), 300));
            return n;
        }
        long t0 = System.nanoTime();
        long deadline = t0 + options.phaseBudget().toNanos();
        JsonNode progress = started.json();
        while (System.nanoTime() < deadline) {
            Platform.sleep(500);
            Http.Answer a = Http.get(platform.gateway() + "/api/reports/rebuild", Duration.ofSeconds(30));
            if (a.ok()) {
                progress = a.json();
                String state = progress.path("state").asText();
                if (state.equals("SWITCHED") || state.equals("FAILED")) {
                    break;
                }
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String state = progress.path("state").asText();
        n.put("state", state);
        n.put("done", progress.path("done").asLong());
        n.put("total", progress.path("total").asLong());
        Json.put(n, "wallSeconds", wall);
        double seconds = wall;
        if (progress.hasNonNull("startedAt") && progress.hasNonNull("finishedAt")) {
            seconds = Duration.between(Instant.parse(progress.get("startedAt").asText()),
                    Instant.parse(progress.get("finishedAt").asText())).toMillis() / 1000.0;
        }
        Json.put(n, "seconds", seconds);
        Json.put(n, "eventsPerSecond", seconds > 0 ? progress.path("done").asLong() / seconds : Double.NaN);
        Json.put(n, "reportedEventsPerSecond", progress.path("eventsPerSecond").asDouble(Double.NaN));
        if (!state.equals("SWITCHED")) {
            n.put("error", state.equals("FAILED") ? "rebuild failed: " + progress.path("error").asText()
                    : "not finished within the phase budget (" + options.phaseBudget().toSeconds() + " s); it goes on in the background");
        }
        return n;
    }

    /** Stops reporting-service and starts it again: seconds until ready, and until it answers the indicators. */
    ObjectNode restartReporting() {
        ObjectNode n = Json.object();
        String c = "reporting-service";
        List<String> command = platform.commandLine(c);
        Json.put(n, "stopSeconds", platform.stop(c, Duration.ofSeconds(60)));
        long t0 = System.nanoTime();
        platform.start(c, command);
        long deadline = t0 + options.phaseBudget().toNanos();
        double ready = -1;
        double serving = -1;
        while (System.nanoTime() < deadline && (ready < 0 || serving < 0)) {
            if (platform.pid(c).isEmpty()) {
                n.put("error", "reporting-service exited while starting (see its log)");
                break;
            }
            if (ready < 0 && platform.ready(c)) {
                ready = (System.nanoTime() - t0) / 1e9;
            }
            if (serving < 0) {
                Http.Answer a = Http.get(platform.url(c) + "/api/reports/indicators", Duration.ofSeconds(10));
                if (a.ok()) {
                    serving = (System.nanoTime() - t0) / 1e9;
                }
            }
            Platform.sleep(100);
        }
        Json.put(n, "readySeconds", ready < 0 ? Double.NaN : ready);
        Json.put(n, "servingSeconds", serving < 0 ? Double.NaN : serving);
        ObjectNode q = quiesce();
        Json.put(n, "caughtUpSeconds", q.path("quiet").asBoolean() ? (System.nanoTime() - t0) / 1e9 : Double.NaN);
        return n;
    }

    // ------------------------------------------------------------------------------------------ relay catch-up

    /**
     * Cuts one domain service's relay off from Kafka (the service restarted with an address where no broker
     * listens, so commands are stored but not published), writes that service's generated requests until
     * {@code --relay-backlog} events are stored, then restarts it normally and measures how fast its relay drains
     * the backlog: events published per second from its first progress until it has caught up.
     */
    ObjectNode relayCatchUp(long seed) {
        String service = options.relayService();
        String topic = Platform.TOPICS.get(service);
        ObjectNode n = Json.object();
        n.put("service", service);
        List<String> normal = platform.commandLine(service);
        List<String> cut = new ArrayList<>();
        String dead = "127.0.0.1:" + Platform.freePort();
        for (String arg : normal) {
            cut.add(arg.startsWith("--spring.kafka.bootstrap-servers=") ? "--spring.kafka.bootstrap-servers=" + dead : arg);
        }
        if (!cut.contains("--spring.kafka.bootstrap-servers=" + dead)) {
            cut.add("--spring.kafka.bootstrap-servers=" + dead);
        }
        // fail fast instead of blocking a minute per attempt, and create no topics against the missing broker:
        // Spring Kafka's admin and producers (the JDBC layout), Spring Cloud Stream's binder (the baseline's layout,
        // whose provisioner otherwise retries for minutes before the service starts); unknown ones are ignored
        cut.add("--spring.kafka.producer.properties.max.block.ms=2000");
        cut.add("--spring.kafka.admin.auto-create=false");
        cut.add("--spring.kafka.admin.fail-fast=false");
        cut.add("--spring.kafka.admin.properties.default.api.timeout.ms=2000");
        cut.add("--spring.kafka.admin.properties.request.timeout.ms=1000");
        cut.add("--spring.cloud.stream.kafka.binder.auto-create-topics=false");
        cut.add("--spring.cloud.stream.kafka.binder.auto-add-partitions=false");
        cut.add("--spring.cloud.stream.kafka.binder.configuration.default.api.timeout.ms=2000");
        cut.add("--spring.cloud.stream.kafka.binder.configuration.request.timeout.ms=1000");
        cut.add("--spring.cloud.stream.kafka.binder.configuration.max.block.ms=2000");

        platform.stop(service, Duration.ofSeconds(60));
        platform.start(service, cut);
        double cutReady = platform.awaitReady(service, options.phaseBudget());
        if (cutReady < 0) {
            n.put("error", service + " did not start without Kafka (see its log); relay catch-up not measured");
            platform.stop(service, Duration.ofSeconds(20));
            platform.start(service, normal);
            platform.awaitReady(service, options.phaseBudget());
            return n;
        }
        Json.put(n, "startWithoutKafkaSeconds", cutReady);
        long topicBefore = kafka.records(topic);
        double appendedBefore = Metrics.meter(platform.url(service), "platform.events.appended");
        String prefix = service.replace("-service", "");
        // one service's share of a year's events is a quarter to a half: a year of four times the backlog has enough
        Stream<Request> year = Load.year(Load.scaleForEvents(options.relayBacklog() * 4), seed)
                .filter(r -> r.service().equals(prefix));
        LoadDriver.Options o = Load.options(platform.gateway(), 0, options.concurrency(), 5);
        AtomicLong written = new AtomicLong();
        AtomicLong lastCheck = new AtomicLong();
        Stats s = Load.run(year, o, options.phaseBudget(), st -> {
            long now = System.nanoTime();
            if (now - lastCheck.get() > 1_000_000_000L) {
                lastCheck.set(now);
                double a = Metrics.meter(platform.url(service), "platform.events.appended");
                if (!Double.isNaN(a)) {
                    written.set(Math.round(a - (Double.isNaN(appendedBefore) ? 0 : appendedBefore)));
                }
            }
            return written.get() >= options.relayBacklog();
        });
        double appended = Metrics.meter(platform.url(service), "platform.events.appended")
                - (Double.isNaN(appendedBefore) ? 0 : appendedBefore);
        long published = kafka.records(topic) - topicBefore;
        n.set("writes", s.json());
        n.put("backlogEvents", Math.round(appended));
        n.put("publishedWhileCutOff", published);

        platform.stop(service, Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        platform.start(service, normal);
        long topicAtRestart = kafka.records(topic);
        long deadline = t0 + options.phaseBudget().toNanos();
        double firstProgress = Double.NaN;
        double caughtUp = Double.NaN;
        double relayed = 0;
        double ready = Double.NaN;
        while (System.nanoTime() < deadline) {
            double t = (System.nanoTime() - t0) / 1e9;
            long onTopic = kafka.records(topic) - topicAtRestart;
            if (Double.isNaN(firstProgress) && onTopic > 0) {
                firstProgress = t;
            }
            if (Double.isNaN(ready) && platform.ready(service)) {
                ready = t;
            }
            if (!Double.isNaN(firstProgress)) {
                double r = Metrics.meter(platform.url(service), "platform.events.relayed");
                double lag = Metrics.sum(Metrics.prometheus(platform.url(service), "platform_relay_lag"), "platform_relay_lag_seconds");
                if (!Double.isNaN(r)) {
                    relayed = r;
                }
                if (lag == 0 && relayed > 0) {
                    caughtUp = (System.nanoTime() - t0) / 1e9;
                    break;
                }
            }
            if (platform.pid(service).isEmpty()) {
                n.put("error", service + " exited while its relay caught up (see its log)");
                break;
            }
            Platform.sleep(100);
        }
        Json.put(n, "readySeconds", ready);
        Json.put(n, "firstProgressSeconds", firstProgress);
        Json.put(n, "caughtUpSeconds", caughtUp);
        n.put("relayed", Math.round(relayed));
        n.put("topicOffsetsAdded", kafka.records(topic) - topicAtRestart);
        double drain = caughtUp - firstProgress;
        if (!Double.isNaN(caughtUp) && drain > 0) {
            // the first record was seen at most one poll (0.1 s) after it was sent: count the drain from there
            Json.put(n, "drainSeconds", drain);
            Json.put(n, "eventsPerSecond", relayed / drain);
        } else if (Double.isNaN(caughtUp) && !n.has("error")) {
            n.put("error", "the relay had not caught up within the phase budget");
        }
        return n;
    }

    static String last(String text, int chars) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ');
        return flat.length() > chars ? flat.substring(flat.length() - chars) : flat;
    }
}
