package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many events the domain services hold, on either layout: the reconciliation endpoint's stored count where a
 * service has one ({@code /actuator/reconciliation}, the JDBC layout), else the records on its Kafka topic (the
 * layout before it publishes every event and has no transactions, so offsets are records). Between exact counts the
 * services' {@code platform.events.appended} counters say cheaply how many were added.
 */
final class Events {

    /** @param source "stored" (reconciliation), "kafka" (topic records) or "mixed" */
    record Count(long total, String source, Map<String, Long> byService, long kafkaRecords) {
        ObjectNode json() {
            ObjectNode n = Json.object();
            n.put("total", total);
            n.put("source", source);
            ObjectNode by = n.putObject("byService");
            byService.forEach(by::put);
            n.put("kafkaOffsets", kafkaRecords);
            return n;
        }
    }

    private final Platform platform;
    private final Kafka kafka;

    Events(Platform platform, Kafka kafka) {
        this.platform = platform;
        this.kafka = kafka;
    }

    Count exact() {
        Map<String, Long> by = new LinkedHashMap<>();
        Map<String, Long> topics = kafka.records(Platform.TOPICS.values());
        boolean stored = false;
        boolean fromKafka = false;
        for (String service : Platform.DOMAIN_SERVICES) {
            Http.Answer a = Http.get(platform.url(service) + "/actuator/reconciliation", Duration.ofSeconds(60));
            if (a.ok() && a.json().has("stored")) {
                by.put(service, a.json().path("stored").asLong());
                stored = true;
            } else {
                by.put(service, Math.max(0, topics.getOrDefault(Platform.TOPICS.get(service), 0L)));
                fromKafka = true;
            }
        }
        long total = by.values().stream().mapToLong(Long::longValue).sum();
        long offsets = topics.values().stream().mapToLong(v -> Math.max(0, v)).sum();
        return new Count(total, stored && fromKafka ? "mixed" : stored ? "stored" : "kafka", by, offsets);
    }

    /** The appended counters of the running services (a counter restarts with its process). */
    Map<String, Double> appended() {
        Map<String, Double> out = new HashMap<>();
        for (String service : Platform.DOMAIN_SERVICES) {
            out.put(service, Metrics.meter(platform.url(service), "platform.events.appended"));
        }
        return out;
    }

    /** A cheap running count: an exact count once, then what the appended counters added since. */
    final class Tally {
        private final long base;
        private final Map<String, Double> start = new HashMap<>();
        private final Map<String, Double> carried = new HashMap<>();
        private final Map<String, Double> last = new HashMap<>();

        Tally(long base) {
            this.base = base;
            Map<String, Double> now = appended();
            now.forEach((s, v) -> {
                start.put(s, Double.isNaN(v) ? 0 : v);
                last.put(s, Double.isNaN(v) ? 0 : v);
                carried.put(s, 0.0);
            });
        }

        long current() {
            Map<String, Double> now = appended();
            long added = 0;
            for (String s : Platform.DOMAIN_SERVICES) {
                double v = now.getOrDefault(s, Double.NaN);
                if (Double.isNaN(v)) {
                    v = last.get(s); // not answering right now: keep the last reading
                }
                if (v < last.get(s)) {
                    // the process restarted: what it had counted is kept, its new counter starts at 0
                    carried.put(s, carried.get(s) + last.get(s) - start.get(s));
                    start.put(s, 0.0);
                }
                last.put(s, v);
                added += Math.round(carried.get(s) + v - start.get(s));
            }
            return base + added;
        }
    }

    Tally tally(long base) {
        return new Tally(base);
    }
}
