package cn.changdu.labour.support.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The operator's check that no event stays behind in the store: per domain type, the events stored against those
 * the relay has passed (published to Kafka, or internal). Once the relay has caught up they are equal; a
 * difference that stays is an event the relay skipped, whatever its lag says. At {@code /actuator/reconciliation},
 * and as the gauges {@code platform.events.stored} and {@code platform.events.relay.passed} (alert rule
 * {@code EventsNotRelayed} in infra/deploy).
 */
@Endpoint(id = "reconciliation")
public class Reconciliation {

    /** The gauges count the stored events at most this often (a count over the event table's primary index). */
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(60);

    public record Row(String payloadType, String publishedType, long stored, long published, long internal,
                      long notRelayed) {
    }

    public record Report(String service, boolean relayCaughtUp, long stored, long published, long internal,
                         long notRelayed, List<Row> types) {
    }

    private final String service;
    private final RelayCounts counts;
    private final BooleanSupplier relayCaughtUp;
    private final Clock clock = Clock.systemUTC();
    private volatile Totals cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    /** What the gauges show: totals, counted without reading every event. */
    private record Totals(long stored, long passed) {
    }

    public Reconciliation(String service, RelayCounts counts, BooleanSupplier relayCaughtUp, MeterRegistry meters) {
        this.service = service;
        this.counts = counts;
        this.relayCaughtUp = relayCaughtUp;
        Gauge.builder("platform.events.stored", () -> recent().stored()).tag("service", service)
                .description("events in the service's event store").register(meters);
        Gauge.builder("platform.events.relay.passed", () -> recent().passed())
                .tag("service", service)
                .description("events the relay has passed: published to Kafka or internal").register(meters);
    }

    @ReadOperation
    public Report report() {
        // relay status first: caught up before counting means every event counted as stored had been passed
        boolean caughtUp = relayCaughtUp.getAsBoolean();
        Map<String, RelayCounts.Count> relayed = counts.all();
        Map<String, Long> stored = counts.stored();
        List<Row> rows = new ArrayList<>();
        long storedTotal = 0;
        long publishedTotal = 0;
        long internalTotal = 0;
        for (String type : new TreeSet<>(union(stored.keySet(), relayed.keySet()))) {
            RelayCounts.Count c = relayed.getOrDefault(type, new RelayCounts.Count(type, null, 0, 0));
            long s = stored.getOrDefault(type, 0L);
            rows.add(new Row(type, c.publishedType(), s, c.published(), c.internal(), s - c.published() - c.internal()));
            storedTotal += s;
            publishedTotal += c.published();
            internalTotal += c.internal();
        }
        return new Report(service, caughtUp, storedTotal, publishedTotal, internalTotal,
                storedTotal - publishedTotal - internalTotal, rows);
    }

    private Totals recent() {
        Totals totals = cached;
        if (totals == null || Duration.between(cachedAt, clock.instant()).compareTo(GAUGE_REFRESH) > 0) {
            // passed first: an event stored meanwhile shows as not yet passed, never the other way round
            long passed = counts.all().values().stream().mapToLong(c -> c.published() + c.internal()).sum();
            totals = new Totals(counts.storedTotal(), passed);
            cached = totals;
            cachedAt = clock.instant();
        }
        return totals;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
