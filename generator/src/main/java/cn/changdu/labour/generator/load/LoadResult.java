package cn.changdu.labour.generator.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run did, for the CLI's table and for a benchmark reading it through Java: counts per service (and per
 * endpoint), answers by class, latency percentiles (HdrHistogram, microseconds), the rate achieved.
 */
public final class LoadResult {

    /** One service's (or all services') figures. */
    public record Stats(String service, long requests, long ok, long refusedAsIntended, long unexpected, long failed,
                        long skipped, long status2xx, long status4xx, long status5xx, long retries, double p50Ms,
                        double p90Ms, double p99Ms, double maxMs) {
    }

    /** Accumulates while the run goes on (thread-safe). */
    static final class Counter {
        final LongAdder requests = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder intended = new LongAdder();
        final LongAdder unexpected = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder s2xx = new LongAdder();
        final LongAdder s4xx = new LongAdder();
        final LongAdder s5xx = new LongAdder();
        final LongAdder retries = new LongAdder();
        /** microseconds, up to an hour, 3 significant digits */
        final ConcurrentHistogram latency = new ConcurrentHistogram(3_600_000_000L, 3);

        void add(Outcome o) {
            requests.increment();
            switch (o.kind()) {
                case OK -> ok.increment();
                case REFUSED_AS_INTENDED -> intended.increment();
                case UNEXPECTED -> unexpected.increment();
                case FAILED -> failed.increment();
                case SKIPPED -> skipped.increment();
            }
            if (o.status() >= 200 && o.status() < 300) {
                s2xx.increment();
            } else if (o.status() >= 400 && o.status() < 500) {
                s4xx.increment();
            } else if (o.status() >= 500) {
                s5xx.increment();
            }
            retries.add(Math.max(0, o.attempts() - 1));
        }

        void latency(double ms) {
            latency.recordValue(Math.max(1, Math.min(3_600_000_000L, Math.round(ms * 1000))));
        }

        Stats stats(String service) {
            return new Stats(service, requests.sum(), ok.sum(), intended.sum(), unexpected.sum(), failed.sum(),
                    skipped.sum(), s2xx.sum(), s4xx.sum(), s5xx.sum(), retries.sum(),
                    percentile(50), percentile(90), percentile(99), latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0);
        }

        private double percentile(double p) {
            return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(p) / 1000.0;
        }
    }

    private final Counter all = new Counter();
    private final Map<String, Counter> byService = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final List<Outcome> notAsMeant = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant started;
    private volatile Instant finished;
    private volatile boolean aborted;

    void start() {
        started = Instant.now();
    }

    void finish(boolean abortedRun) {
        finished = Instant.now();
        aborted = abortedRun;
    }

    void record(Outcome o) {
        all.add(o);
        byService.computeIfAbsent(o.request().service(), s -> new Counter()).add(o);
        byEndpoint.computeIfAbsent(o.request().method() + " " + o.request().endpoint(), e -> new LongAdder()).increment();
        if (!o.asMeant() && notAsMeant.size() < 1000) {
            notAsMeant.add(o);
        }
    }

    void latency(String service, double ms) {
        all.latency(ms);
        byService.computeIfAbsent(service, s -> new Counter()).latency(ms);
    }

    void warn(String warning) {
        if (warnings.size() < 100 && !warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    public Stats overall() {
        return all.stats("all");
    }

    /** Per service, by name. */
    public Map<String, Stats> byService() {
        Map<String, Stats> out = new TreeMap<>();
        byService.forEach((service, counter) -> out.put(service, counter.stats(service)));
        return out;
    }

    /** Requests per endpoint template ("POST /api/training/classes/{classId}/trainees"). */
    public Map<String, Long> byEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        byEndpoint.forEach((endpoint, n) -> out.put(endpoint, n.sum()));
        return out;
    }

    /** A copy of a service's latency histogram (microseconds), or of all requests' with {@code null}. */
    public Histogram latency(String service) {
        Counter counter = service == null ? all : byService.get(service);
        return counter == null ? new Histogram(3) : counter.latency.copy();
    }

    /** The first 1,000 requests not answered as meant. */
    public List<Outcome> notAsMeant() {
        return List.copyOf(notAsMeant);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Duration elapsed() {
        return started == null ? Duration.ZERO : Duration.between(started, finished == null ? Instant.now() : finished);
    }

    /** Requests answered per second, measured over the run. */
    public double achievedRate() {
        double seconds = elapsed().toNanos() / 1e9;
        return seconds == 0 ? 0 : (all.requests.sum() - all.skipped.sum()) / seconds;
    }

    /** Whether --strict stopped the run at a request not answered as meant. */
    public boolean aborted() {
        return aborted;
    }

    /** Everything was answered as meant. */
    public boolean clean() {
        Stats s = overall();
        return s.unexpected() == 0 && s.failed() == 0 && s.skipped() == 0 && !aborted;
    }

    /** The run as a table (the CLI prints it). */
    public String table() {
        StringBuilder out = new StringBuilder();
        String format = "%-14s %8s %8s %8s %8s %6s %6s %6s %6s %9s %9s %9s%n";
        out.append(String.format(format, "service", "requests", "2xx", "4xx", "5xx", "meant", "unexp", "failed", "skip",
                "p50 ms", "p99 ms", "max ms"));
        List<Stats> rows = new ArrayList<>(byService().values());
        rows.add(overall());
        for (Stats s : rows) {
            out.append(String.format(format, s.service(), s.requests(), s.status2xx(), s.status4xx(), s.status5xx(),
                    s.refusedAsIntended(), s.unexpected(), s.failed(), s.skipped(), String.format("%.1f", s.p50Ms()),
                    String.format("%.1f", s.p99Ms()), String.format("%.1f", s.maxMs())));
        }
        out.append(String.format("%d requests in %.1f s: %.1f requests/s achieved; %d retries%s%n", overall().requests(),
                elapsed().toMillis() / 1000.0, achievedRate(), overall().retries(), aborted ? " (stopped by --strict)" : ""));
        return out.toString();
    }
}
