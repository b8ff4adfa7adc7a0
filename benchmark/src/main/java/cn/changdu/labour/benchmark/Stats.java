package cn.changdu.labour.benchmark;

import cn.changdu.labour.generator.load.LoadDriver;
import cn.changdu.labour.generator.load.Outcome;
import cn.changdu.labour.generator.load.Request;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the requests of one phase did, from the driver's outcomes: answers by kind, latency (HdrHistogram, µs) of
 * all requests, per service, and per sort of request — single commands (a write with a JSON body), imports (a
 * file) and lookups (GETs) — because an import of 400 rows and a lookup are not the same unit as a command.
 */
final class Stats implements LoadDriver.Listener {

    /** The sort of a request. */
    static String sort(Request r) {
        if (r.method().equals("GET")) {
            return "lookup";
        }
        return r.body() instanceof Request.Upload || r.body() instanceof Request.RawFile ? "import" : "command";
    }

    private static final class Group {
        final ConcurrentHistogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
        final LongAdder requests = new LongAdder();
        final LongAdder asMeant = new LongAdder();
        final LongAdder unexpected = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder status5xx = new LongAdder();
        final LongAdder rows = new LongAdder();

        void add(Outcome o, int rowCount) {
            requests.increment();
            switch (o.kind()) {
                case OK, REFUSED_AS_INTENDED -> asMeant.increment();
                case UNEXPECTED -> unexpected.increment();
                case FAILED -> failed.increment();
                case SKIPPED -> skipped.increment();
            }
            if (o.status() >= 500) {
                status5xx.increment();
            }
            if (o.kind() != Outcome.Kind.SKIPPED && o.status() > 0) {
                latency.recordValue(Math.max(1, Math.min(3_600_000_000L, Math.round(o.latencyMs() * 1000))));
            }
            rows.add(rowCount);
        }

        ObjectNode json(double seconds) {
            ObjectNode n = Json.object();
            long sent = requests.sum() - skipped.sum();
            n.put("requests", requests.sum());
            n.put("asMeant", asMeant.sum());
            n.put("unexpected", unexpected.sum());
            n.put("failed", failed.sum());
            n.put("skipped", skipped.sum());
            n.put("status5xx", status5xx.sum());
            Json.put(n, "perSecond", seconds > 0 ? sent / seconds : Double.NaN);
            if (rows.sum() > 0) {
                n.put("rows", rows.sum());
                Json.put(n, "rowsPerSecond", seconds > 0 ? rows.sum() / seconds : Double.NaN);
            }
            percentiles(n, latency);
            return n;
        }
    }

    static void percentiles(ObjectNode n, Histogram h) {
        if (h.getTotalCount() == 0) {
            n.putNull("p50Ms");
            n.putNull("p99Ms");
            n.putNull("maxMs");
            return;
        }
        Json.put(n, "p50Ms", h.getValueAtPercentile(50) / 1000.0);
        Json.put(n, "p90Ms", h.getValueAtPercentile(90) / 1000.0);
        Json.put(n, "p99Ms", h.getValueAtPercentile(99) / 1000.0);
        Json.put(n, "maxMs", h.getMaxValue() / 1000.0);
        Json.put(n, "meanMs", h.getMean() / 1000.0);
    }

    private final Group all = new Group();
    private final Map<String, Group> byService = new ConcurrentHashMap<>();
    private final Map<String, Group> bySort = new ConcurrentHashMap<>();
    private final Recorder interval = new Recorder(3_600_000_000L, 3);
    private final LongAdder completed = new LongAdder();
    private final LongAdder withdrawn = new LongAdder();
    private final List<String> notAsMeant = Collections.synchronizedList(new ArrayList<>());
    private final long startedNanos = System.nanoTime();
    private volatile long finishedNanos;

    @Override
    public void completed(Outcome o) {
        Request r = o.request();
        if (o.kind() == Outcome.Kind.FAILED && o.note() != null && o.note().contains(Load.WITHDRAWN)) {
            withdrawn.increment();
            completed.increment();
            return;
        }
        int rows = r.body() instanceof Request.Upload u && o.asMeant() && o.status() / 100 == 2 ? u.file().rows().size() : 0;
        all.add(o, rows);
        byService.computeIfAbsent(r.service(), s -> new Group()).add(o, rows);
        bySort.computeIfAbsent(sort(r), s -> new Group()).add(o, rows);
        if (o.kind() != Outcome.Kind.SKIPPED && o.status() > 0) {
            interval.recordValue(Math.max(1, Math.min(3_600_000_000L, Math.round(o.latencyMs() * 1000))));
        }
        completed.increment();
        if (!o.asMeant() && notAsMeant.size() < 20) {
            notAsMeant.add(o.kind() + " " + r.method() + " " + r.endpoint() + " → " + o.status() + " "
                    + (o.note() == null ? "" : o.note().length() > 300 ? o.note().substring(0, 300) : o.note()));
        }
    }

    long completed() {
        return completed.sum();
    }

    /** The latencies since the last call (for the cost curve). */
    Histogram intervalHistogram() {
        return interval.getIntervalHistogram();
    }

    void finish() {
        finishedNanos = System.nanoTime();
    }

    double seconds() {
        long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
        return (end - startedNanos) / 1e9;
    }

    /** Single commands' latency (what the command targets are about). */
    ObjectNode commands() {
        Group g = bySort.get("command");
        return g == null ? Json.object() : g.json(seconds());
    }

    ObjectNode json() {
        double seconds = seconds();
        ObjectNode n = all.json(seconds);
        Json.put(n, "seconds", seconds);
        n.put("withdrawnAtTheEnd", withdrawn.sum());
        ObjectNode services = n.putObject("byService");
        new TreeMap<>(byService).forEach((s, g) -> services.set(s, g.json(seconds)));
        ObjectNode sorts = n.putObject("bySort");
        new TreeMap<>(bySort).forEach((s, g) -> sorts.set(s, g.json(seconds)));
        if (!notAsMeant.isEmpty()) {
            ArrayNode a = n.putArray("notAsMeantExamples");
            synchronized (notAsMeant) {
                notAsMeant.forEach(a::add);
            }
        }
        return n;
    }
}
