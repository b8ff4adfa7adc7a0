package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The targets of issue 11 (embedded default, 2 cores, at empty, 100k and 1M events) and the figures of a size that
 * judge them. A target is met, or missed by how much; a figure that was not measured is "not measured".
 */
final class Targets {

    /** One target: the figure at a dotted path of a size's results (or computed), at least or at most a limit. */
    record Target(String id, String what, String target, boolean atLeast, double limit, String unit,
                  ToDoubleFunction<JsonNode> figure, String note) {

        double value(JsonNode size) {
            return figure.applyAsDouble(size);
        }

        /** "met", "missed: …" or "not measured". */
        String verdict(double v) {
            if (Double.isNaN(v)) {
                return "not measured";
            }
            boolean met = atLeast ? v >= limit : v <= limit;
            if (met) {
                return "met";
            }
            if (atLeast) {
                return String.format(Locale.ROOT, "missed: %s (%.0f %% of the target, %s short)", format(v, unit),
                        100 * v / limit, format(limit - v, unit));
            }
            return String.format(Locale.ROOT, "missed: %s (%.1f× the limit, %s over)", format(v, unit), v / limit,
                    format(v - limit, unit));
        }
    }

    static final List<Target> ALL = List.of(
            new Target("sustainedMixed", "sustained requests through the gateway, mixed", "≥ 1,000/s", true, 1000, "/s",
                    s -> Json.num(s, "throughput.mixed.perSecond"),
                    "unlimited rate, --concurrency in flight, the mixed generated stream (commands, imports, lookups)"),
            new Target("commandP99Steady", "command p99 at 300/s", "≤ 50 ms", false, 50, "ms",
                    s -> Json.num(s, "steady.commands.p99Ms"), "single commands (JSON writes); imports and lookups apart"),
            new Target("indicatorP99Steady", "command → indicator p99 at 300/s", "≤ 1 s", false, 1000, "ms",
                    s -> s.path("steady").path("probes").path("notVisibleIn30s").asInt(0) > 0 ? Double.POSITIVE_INFINITY
                            : Json.num(s, "steady.probes.acceptedToVisible.p99Ms"),
                    "probe class filed (business date 2019) until /api/reports/indicators?year=2019 shows it"),
            new Target("relayCatchUp", "relay catch-up rate", "≥ 20,000 events/s", true, 20000, "events/s",
                    s -> Json.num(s, "relayCatchUp.eventsPerSecond"), "backlog of --relay-backlog events on one service"),
            new Target("rebuild", "projection rebuild", "≥ 50,000 events/s", true, 50000, "events/s",
                    s -> "SWITCHED".equals(s.path("rebuild").path("state").asText()) ? Json.num(s, "rebuild.eventsPerSecond")
                            : Double.NaN, "POST /api/reports/rebuild until it switched"),
            new Target("readsAtRest", "read APIs and dashboard p99, at rest", "≤ 200 ms (at 1M events)", false, 200, "ms",
                    s -> worst(s.path("reads")), "the worst of dashboard, indicators, as-of (recordedBefore), quarter-end export"),
            new Target("readsUnderLoad", "read APIs and dashboard p99, under the 300/s load", "≤ 200 ms (at 1M events)", false,
                    200, "ms", s -> worst(s.path("steady").path("readsUnderLoad")), "the same four, sampled in turn during the steady load"),
            new Target("reportingRestart", "reporting restart to serving", "≤ 10 s (at 1M events)", false, 10, "s",
                    s -> Json.num(s, "restart.servingSeconds"), "stop, start, until GET /api/reports/indicators answers"),
            new Target("idleCpu", "idle CPU of every process", "< 5 % of a core", false, 5, "%",
                    s -> Json.num(s, "idleCpu.maxPercent"), "the busiest process over the idle window"),
            new Target("platformUp", "whole platform up", "≤ 30 s (with a year loaded)", false, 30, "s",
                    s -> Json.num(s, "startup.seconds"), "./platform up --no-demo until every component is healthy"),
            new Target("totalRss", "total RSS", "≤ 2.5 GB (with a year loaded)", false, 2560, "MB",
                    s -> Math.max(Json.num(s, "startup.rssMb.total"), Json.num(s, "rssAfterLoad.total")),
                    "the larger of after start-up and after the steady load"));

    private Targets() {
    }

    private static double worst(JsonNode reads) {
        if (reads.isMissingNode()) {
            return Double.NaN;
        }
        if (reads.path("worstP99Ms").isNull() && reads.has("worstNote")) {
            return Double.POSITIVE_INFINITY;
        }
        return Json.num(reads, "worstP99Ms");
    }

    /** The targets judged at every size, and the flatness of the steady command p99 from the smallest to the largest. */
    static ArrayNode judge(ArrayNode sizes) {
        ArrayNode out = Json.array();
        for (Target t : ALL) {
            ObjectNode row = out.addObject();
            row.put("id", t.id());
            row.put("what", t.what());
            row.put("target", t.target());
            row.put("note", t.note());
            ObjectNode by = row.putObject("bySize");
            for (JsonNode s : sizes) {
                ObjectNode cell = by.putObject(s.path("size").asText());
                double v = t.value(s);
                if (Double.isInfinite(v)) {
                    cell.putNull("value");
                    cell.put("verdict", "missed: failed or not visible");
                } else {
                    Json.put(cell, "value", v);
                    cell.put("verdict", t.verdict(v));
                }
                if (t.id().equals("commandP99Steady") || t.id().equals("indicatorP99Steady")) {
                    double achieved = Json.num(s, "steady.requests.perSecond");
                    double rate = Json.num(s, "steady.targetRate");
                    if (!Double.isNaN(achieved) && achieved < 0.95 * rate) {
                        cell.put("caveat", String.format(Locale.ROOT, "the load reached %.0f/s, not %.0f/s", achieved, rate));
                    }
                }
            }
        }
        if (sizes.size() >= 2) {
            ObjectNode row = out.addObject();
            row.put("id", "commandP99Flat");
            row.put("what", "command p99 at 300/s, flat from the smallest to the largest size");
            row.put("target", "largest ≤ 1.5× smallest (and each ≤ 50 ms)");
            row.put("note", "'flat' is not defined in issue 11; this is the benchmark's reading of it");
            double first = Json.num(sizes.get(0), "steady.commands.p99Ms");
            JsonNode lastSize = sizes.get(sizes.size() - 1);
            double last = Json.num(lastSize, "steady.commands.p99Ms");
            ObjectNode cell = row.putObject("bySize").putObject(lastSize.path("size").asText());
            if (Double.isNaN(first) || Double.isNaN(last) || first <= 0) {
                cell.putNull("value");
                cell.put("verdict", "not measured");
            } else {
                double ratio = last / first;
                Json.put(cell, "value", ratio);
                cell.put("verdict", ratio <= 1.5 && last <= 50 ? "met" : String.format(Locale.ROOT,
                        "missed: %.2f× (%.1f → %.1f ms)", ratio, first, last));
            }
        }
        return out;
    }

    static String format(double v, String unit) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return switch (unit) {
            case "ms" -> v >= 100 ? String.format(Locale.ROOT, "%,.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
            case "s" -> String.format(Locale.ROOT, "%.1f s", v);
            case "%" -> String.format(Locale.ROOT, "%.1f %%", v);
            case "MB" -> String.format(Locale.ROOT, "%,.0f MB", v);
            default -> String.format(Locale.ROOT, "%,.0f %s", v, unit);
        };
    }
}
