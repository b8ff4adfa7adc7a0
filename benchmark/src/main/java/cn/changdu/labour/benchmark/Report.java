package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed table and report.html: a self-contained page (inline CSS and SVG, no script, nothing fetched) with
 * the targets judged at each size, every figure with its ratio to the raw limit, the loading cost curve and a
 * chart per target, side by side with a second run (--compare, e.g. the baseline) where one is given.
 */
final class Report {

    /** One figure of the tables: where it is in a size's results, its unit, and the ratio shown beside it. */
    record Row(String section, String label, String path, String unit, String ratio) {
    }

    static final List<Row> ROWS = List.of(
            new Row("Store", "events in the stores when measured", "events.total", "", null),
            new Row("Store", "events at the end of the size's phases", "eventsAtEnd.total", "", null),
            new Row("Loading to the size", "requests/s (mixed, unlimited rate)", "loading.requests.perSecond", "/s", null),
            new Row("Loading to the size", "events/s stored", "loading.eventsPerSecond", "/s", "loadingEventsPerRawRow"),
            new Row("Loading to the size", "request p50", "loading.requests.p50Ms", "ms", null),
            new Row("Loading to the size", "request p99", "loading.requests.p99Ms", "ms", null),
            new Row("Loading to the size", "seconds", "loading.requests.seconds", "s", null),
            new Row("Start-up and memory", "./platform up until healthy", "startup.seconds", "s", null),
            new Row("Start-up and memory", "total RSS after start-up", "startup.rssMb.total", "MB", null),
            new Row("Start-up and memory", "total RSS after the steady load", "rssAfterLoad.total", "MB", null),
            new Row("Start-up and memory", "idle CPU, busiest process", "idleCpu.maxPercent", "%", null),
            new Row("Start-up and memory", "idle CPU, all processes", "idleCpu.totalPercent", "%", null),
            new Row("Raw limits", "Kafka producer (perf tool)", "raw.kafka.producer.recordsPerSecond", "records/s", null),
            new Row("Raw limits", "Kafka consumer (perf tool)", "raw.kafka.consumer.recordsPerSecond", "records/s", null),
            new Row("Raw limits", "H2 file: batched inserts", "raw.h2.batchedInserts.rowsPerSecond", "rows/s", null),
            new Row("Raw limits", "H2 file: one-row transactions", "raw.h2.singleRowTransactions.commitsPerSecond", "/s", null),
            new Row("Raw limits", "H2 file: point read p99", "raw.h2.pointReads.p99Ms", "ms", null),
            new Row("Raw limits", "PostgreSQL: batched inserts", "raw.postgres.batchedInserts.rowsPerSecond", "rows/s", null),
            new Row("Raw limits", "PostgreSQL: one-row transactions", "raw.postgres.singleRowTransactions.commitsPerSecond", "/s", null),
            new Row("Raw limits", "PostgreSQL: point read p99", "raw.postgres.pointReads.p99Ms", "ms", null),
            new Row("Raw limits", "MongoDB (mongo-java-server): insertMany", "raw.mongo.batchedInserts.rowsPerSecond", "docs/s", null),
            new Row("Raw limits", "MongoDB: insertOne", "raw.mongo.singleRowTransactions.commitsPerSecond", "/s", null),
            new Row("Raw limits", "MongoDB: find by _id p99", "raw.mongo.pointReads.p99Ms", "ms", null),
            new Row("Sustained throughput", "mixed requests/s", "throughput.mixed.perSecond", "/s", "mixedRequestsPerRawCommit"),
            new Row("Sustained throughput", "mixed events/s", "throughput.mixed.eventsPerSecond", "/s", "mixedEventsPerRawRow"),
            new Row("Sustained throughput", "mixed request p50", "throughput.mixed.p50Ms", "ms", null),
            new Row("Sustained throughput", "mixed request p99", "throughput.mixed.p99Ms", "ms", null),
            new Row("Sustained throughput", "training alone, requests/s", "throughput.byService.training.perSecond", "/s", null),
            new Row("Sustained throughput", "training alone, p99", "throughput.byService.training.p99Ms", "ms", null),
            new Row("Sustained throughput", "employment alone, requests/s", "throughput.byService.employment.perSecond", "/s", null),
            new Row("Sustained throughput", "employment alone, p99", "throughput.byService.employment.p99Ms", "ms", null),
            new Row("Sustained throughput", "project-labor alone, requests/s", "throughput.byService.project-labor.perSecond", "/s", null),
            new Row("Sustained throughput", "project-labor alone, p99", "throughput.byService.project-labor.p99Ms", "ms", null),
            new Row("Steady load", "achieved requests/s", "steady.requests.perSecond", "/s", null),
            new Row("Steady load", "command p50", "steady.commands.p50Ms", "ms", "steadyCommandP50PerRawCommit"),
            new Row("Steady load", "command p99", "steady.commands.p99Ms", "ms", null),
            new Row("Steady load", "import p99", "steady.requests.bySort.import.p99Ms", "ms", null),
            new Row("Steady load", "command → indicator p50", "steady.probes.acceptedToVisible.p50Ms", "ms", null),
            new Row("Steady load", "command → indicator p99", "steady.probes.acceptedToVisible.p99Ms", "ms", null),
            new Row("Steady load", "relay lag p99", "steady.lag.relaySeconds.p99", "s", null),
            new Row("Steady load", "relay lag max", "steady.lag.relaySeconds.max", "s", null),
            new Row("Steady load", "projection lag p99", "steady.lag.projectionEvents.p99", "events", null),
            new Row("Steady load", "projection lag max", "steady.lag.projectionEvents.max", "events", null),
            new Row("Reads at rest (p99)", "dashboard", "reads.dashboard.p99Ms", "ms", "readP99PerRawPointRead.dashboard"),
            new Row("Reads at rest (p99)", "indicators summary", "reads.indicators.p99Ms", "ms", "readP99PerRawPointRead.indicators"),
            new Row("Reads at rest (p99)", "as of (recordedBefore)", "reads.asOf.p99Ms", "ms", "readP99PerRawPointRead.asOf"),
            new Row("Reads at rest (p99)", "quarter-end export", "reads.export.p99Ms", "ms", "readP99PerRawPointRead.export"),
            new Row("Reads at rest (p50)", "dashboard", "reads.dashboard.p50Ms", "ms", null),
            new Row("Reads at rest (p50)", "indicators summary", "reads.indicators.p50Ms", "ms", null),
            new Row("Reads at rest (p50)", "as of (recordedBefore)", "reads.asOf.p50Ms", "ms", null),
            new Row("Reads at rest (p50)", "quarter-end export", "reads.export.p50Ms", "ms", null),
            new Row("Reads under the steady load (p99)", "dashboard", "steady.readsUnderLoad.dashboard.p99Ms", "ms", null),
            new Row("Reads under the steady load (p99)", "indicators summary", "steady.readsUnderLoad.indicators.p99Ms", "ms", null),
            new Row("Reads under the steady load (p99)", "as of (recordedBefore)", "steady.readsUnderLoad.asOf.p99Ms", "ms", null),
            new Row("Reads under the steady load (p99)", "quarter-end export", "steady.readsUnderLoad.export.p99Ms", "ms", null),
            new Row("Relay catch-up", "backlog written while cut off", "relayCatchUp.backlogEvents", "events", null),
            new Row("Relay catch-up", "drain rate", "relayCatchUp.eventsPerSecond", "events/s", "relayPerKafkaProducer"),
            new Row("Relay catch-up", "drain time", "relayCatchUp.drainSeconds", "s", null),
            new Row("Projection rebuild", "events", "rebuild.done", "", null),
            new Row("Projection rebuild", "rate", "rebuild.eventsPerSecond", "events/s", "rebuildPerKafkaConsumer"),
            new Row("Projection rebuild", "seconds", "rebuild.seconds", "s", null),
            new Row("Reporting restart", "stop → ready", "restart.readySeconds", "s", null),
            new Row("Reporting restart", "stop → serving", "restart.servingSeconds", "s", null),
            new Row("Reporting restart", "stop → caught up", "restart.caughtUpSeconds", "s", null));

    private Report() {
    }

    static String value(JsonNode size, Row row) {
        JsonNode n = Json.at(size, row.path());
        if (!n.isNumber()) {
            return "–";
        }
        return number(n.asDouble(), row.unit());
    }

    static String number(double v, String unit) {
        return switch (unit) {
            case "ms" -> v >= 100 ? String.format(Locale.ROOT, "%,.0f ms", v) : v >= 1 ? String.format(Locale.ROOT, "%.1f ms", v)
                    : String.format(Locale.ROOT, "%.3f ms", v);
            case "s" -> String.format(Locale.ROOT, "%.1f s", v);
            case "%" -> String.format(Locale.ROOT, "%.1f %%", v);
            case "" -> String.format(Locale.ROOT, "%,.0f", v);
            default -> String.format(Locale.ROOT, "%,.0f %s", v, unit);
        };
    }

    static String ratio(JsonNode size, Row row) {
        if (row.ratio() == null) {
            return "";
        }
        JsonNode r = Json.at(size.path("ratios"), row.ratio()).path("value");
        if (!r.isNumber()) {
            return "";
        }
        double v = r.asDouble();
        return v >= 10 ? String.format(Locale.ROOT, "%,.0f×", v) : v >= 0.01 ? String.format(Locale.ROOT, "%.2f×", v)
                : String.format(Locale.ROOT, "%.4f×", v);
    }

    // ------------------------------------------------------------------------------------------ the printed table

    static String table(JsonNode results) {
        StringBuilder b = new StringBuilder();
        List<JsonNode> sizes = new ArrayList<>();
        results.path("sizes").forEach(sizes::add);
        b.append("Benchmark ").append(results.path("label").asText()).append(" — ")
                .append(results.path("platformCode").path("commit").asText(), 0,
                        Math.min(10, results.path("platformCode").path("commit").asText().length()))
                .append(", ").append(results.path("layout").asText()).append(" layout, ")
                .append(results.path("machine").path("cores").asInt()).append(" cores, ")
                .append(results.path("machine").path("memoryMb").asLong()).append(" MB, ")
                .append(results.path("machine").path("jdk").asText()).append('\n');
        String head = "%-44s" + " %22s".repeat(sizes.size()) + "%n";
        Object[] names = new Object[sizes.size() + 1];
        names[0] = "";
        for (int i = 0; i < sizes.size(); i++) {
            names[i + 1] = sizes.get(i).path("size").asText();
        }
        String section = "";
        for (Row row : ROWS) {
            boolean any = sizes.stream().anyMatch(s -> Json.at(s, row.path()).isNumber());
            if (!any) {
                continue;
            }
            if (!row.section().equals(section)) {
                section = row.section();
                b.append('\n').append(String.format(head, concat(fit(section, 44), names)));
            }
            Object[] cells = new Object[sizes.size() + 1];
            cells[0] = "  " + fit(row.label(), 42);
            for (int i = 0; i < sizes.size(); i++) {
                String r = ratio(sizes.get(i), row);
                cells[i + 1] = value(sizes.get(i), row) + (r.isEmpty() ? "" : " (" + r + ")");
            }
            b.append(String.format(head, cells));
        }
        b.append("\nTargets of issue 11\n");
        for (JsonNode t : results.path("targets")) {
            b.append("  ").append(t.path("what").asText()).append(" — ").append(t.path("target").asText()).append('\n');
            t.path("bySize").properties().forEach(e -> b.append(String.format("      %-8s %s%s%n", e.getKey(),
                    e.getValue().path("verdict").asText(), e.getValue().has("caveat") ? " (" + e.getValue().path("caveat").asText() + ")" : "")));
        }
        return b.toString();
    }

    private static Object[] concat(String first, Object[] names) {
        Object[] out = names.clone();
        out[0] = first;
        return out;
    }

    private static String fit(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    // ------------------------------------------------------------------------------------------ report.html

    static String html(JsonNode results, JsonNode compare) {
        StringBuilder b = new StringBuilder();
        String title = "Benchmark " + results.path("label").asText() + " — " + results.path("startedAt").asText().substring(0, 10);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n<style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1400px}")
                .append("table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}")
                .append("th{background:#f3f3f3}td.l,th.l{text-align:left}.met{background:#e3f4e3}.missed{background:#fbe3e3}.nm{color:#888}")
                .append(".base{color:#666;font-size:12px}.ratio{color:#555;font-size:12px}h2{margin-top:32px}.charts{display:flex;flex-wrap:wrap;gap:12px}")
                .append("code{background:#f6f6f6;padding:0 3px}pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}")
                .append("</style></head><body>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        describe(b, results, "This run");
        if (compare != null) {
            describe(b, compare, "Compared with: " + compare.path("label").asText());
        }
        List<String> sizeNames = new ArrayList<>();
        results.path("sizes").forEach(s -> sizeNames.add(s.path("size").asText()));
        Map<String, JsonNode> mine = bySize(results);
        Map<String, JsonNode> theirs = compare == null ? Map.of() : bySize(compare);
        if (compare != null) {
            compare.path("sizes").forEach(s -> {
                if (!sizeNames.contains(s.path("size").asText())) {
                    sizeNames.add(s.path("size").asText());
                }
            });
        }

        b.append("<h2>Targets of issue 11</h2>\n<p>Embedded default, measured at each store size. ")
                .append(compare != null ? "Each cell: this run, and below it <span class=base>" + esc(compare.path("label").asText()) + "</span>." : "")
                .append("</p>\n<table><tr><th class=l>what</th><th class=l>target</th>");
        sizeNames.forEach(s -> b.append("<th>").append(esc(s)).append("</th>"));
        b.append("</tr>\n");
        Map<String, JsonNode> theirTargets = new LinkedHashMap<>();
        if (compare != null) {
            compare.path("targets").forEach(t -> theirTargets.put(t.path("id").asText(), t));
        }
        for (JsonNode t : results.path("targets")) {
            b.append("<tr><td class=l>").append(esc(t.path("what").asText())).append("<br><span class=ratio>")
                    .append(esc(t.path("note").asText())).append("</span></td><td class=l>").append(esc(t.path("target").asText())).append("</td>");
            for (String s : sizeNames) {
                JsonNode cell = t.path("bySize").path(s);
                JsonNode other = theirTargets.getOrDefault(t.path("id").asText(), Json.object()).path("bySize").path(s);
                String verdict = cell.path("verdict").asText("");
                String cls = verdict.startsWith("met") ? "met" : verdict.startsWith("missed") ? "missed" : "nm";
                b.append("<td class=").append(cls).append(">").append(esc(verdict.isEmpty() ? "–" : verdict));
                if (cell.has("caveat")) {
                    b.append("<br><span class=ratio>").append(esc(cell.path("caveat").asText())).append("</span>");
                }
                if (compare != null) {
                    b.append("<br><span class=base>").append(esc(other.path("verdict").asText("–"))).append("</span>");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");

        b.append("<h2>Charts</h2>\n<div class=charts>\n");
        b.append(Svg.curve("Loading: requests/s against events stored", results, compare, "requestsPerSecond", "requests/s"));
        b.append(Svg.curve("Loading: request p99 against events stored", results, compare, "p99Ms", "ms"));
        for (Targets.Target t : Targets.ALL) {
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put(results.path("label").asText(), values(sizeNames, mine, t));
            if (compare != null) {
                series.put(compare.path("label").asText(), values(sizeNames, theirs, t));
            }
            b.append(Svg.bars(t.what() + " (target " + t.target() + ")", sizeNames, series, t.limit(), t.unit()));
        }
        b.append("</div>\n");

        b.append("<h2>Every figure</h2>\n<p>Beside a figure, in brackets: its ratio to the raw limit measured in the same run at the same size "
                + "(see <code>ratios</code> in results.json for what each divides by).</p>\n<table><tr><th class=l>figure</th>");
        sizeNames.forEach(s -> b.append("<th>").append(esc(s)).append("</th>"));
        b.append("</tr>\n");
        String section = "";
        for (Row row : ROWS) {
            boolean any = sizeNames.stream().anyMatch(s -> Json.at(mine.getOrDefault(s, Json.object()), row.path()).isNumber()
                    || Json.at(theirs.getOrDefault(s, Json.object()), row.path()).isNumber());
            if (!any) {
                continue;
            }
            if (!row.section().equals(section)) {
                section = row.section();
                b.append("<tr><th class=l colspan=").append(sizeNames.size() + 1).append(">").append(esc(section)).append("</th></tr>\n");
            }
            b.append("<tr><td class=l>").append(esc(row.label())).append("</td>");
            for (String s : sizeNames) {
                JsonNode m = mine.getOrDefault(s, Json.object());
                b.append("<td>").append(esc(value(m, row)));
                String r = ratio(m, row);
                if (!r.isEmpty()) {
                    b.append(" <span class=ratio>(").append(esc(r)).append(")</span>");
                }
                if (compare != null) {
                    JsonNode o = theirs.getOrDefault(s, Json.object());
                    b.append("<br><span class=base>").append(esc(value(o, row)));
                    String ro = ratio(o, row);
                    if (!ro.isEmpty()) {
                        b.append(" (").append(esc(ro)).append(")");
                    }
                    b.append("</span>");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");

        profiles(b, results);
        problems(b, results);
        if (compare != null) {
            problems(b, compare);
        }
        b.append("<p class=ratio>Written by the benchmark module (benchmark/README.md explains every figure). results.json holds "
                + "everything shown here and more: per-service and per-sort latencies, the loading curve, samples and errors.</p>\n");
        b.append("</body></html>\n");
        return b.toString();
    }

    private static double[] values(List<String> sizes, Map<String, JsonNode> bySize, Targets.Target t) {
        double[] v = new double[sizes.size()];
        for (int i = 0; i < sizes.size(); i++) {
            JsonNode s = bySize.get(sizes.get(i));
            v[i] = s == null ? Double.NaN : t.value(s);
        }
        return v;
    }

    private static Map<String, JsonNode> bySize(JsonNode results) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        results.path("sizes").forEach(s -> out.put(s.path("size").asText(), s));
        return out;
    }

    private static void describe(StringBuilder b, JsonNode r, String heading) {
        JsonNode m = r.path("machine");
        JsonNode code = r.path("platformCode");
        b.append("<p><b>").append(esc(heading)).append("</b>: ").append(esc(code.path("dir").asText())).append(" at <code>")
                .append(esc(code.path("commit").asText())).append("</code> (").append(esc(code.path("subject").asText())).append(")")
                .append(code.path("clean").asBoolean(true) ? "" : ", <b>with " + code.path("changedFiles").asLong() + " uncommitted changes</b>")
                .append("; ").append(esc(r.path("layout").asText())).append(" layout. Machine: ").append(m.path("cores").asInt())
                .append(" cores (").append(esc(m.path("cpu").asText())).append("), ").append(m.path("memoryMb").asLong())
                .append(" MB, ").append(esc(m.path("jdk").asText())).append(", ").append(esc(m.path("os").asText()))
                .append("; load average at the start ").append(m.path("loadAverageAtStart").asText())
                .append(". Options: <code>").append(esc(r.path("options").path("sizes").asText())).append("</code>, load scale ")
                .append(esc(r.path("loadScale").asText("–"))).append(", started ").append(esc(r.path("startedAt").asText()))
                .append(", ").append(r.path("totalSeconds").isNumber() ? String.format(Locale.ROOT, "%.0f min", r.path("totalSeconds").asDouble() / 60) : "unfinished")
                .append(r.has("error") ? ", <b>error: " + esc(r.path("error").asText()) + "</b>" : "").append(".</p>\n");
    }

    private static void profiles(StringBuilder b, JsonNode results) {
        boolean any = false;
        for (JsonNode s : results.path("sizes")) {
            JsonNode p = s.path("steady").path("profile");
            if (p.isMissingNode() || !p.isObject()) {
                continue;
            }
            if (!any) {
                b.append("<h2>Where the time goes (JFR during the steady load)</h2>\n");
                any = true;
            }
            b.append("<h3>").append(esc(s.path("size").asText())).append("</h3>\n<table><tr><th class=l>process</th><th>samples</th>"
                    + "<th class=l>top frames (self)</th><th class=l>first platform frame</th></tr>\n");
            p.properties().forEach(e -> {
                if (!e.getValue().isObject()) {
                    return;
                }
                b.append("<tr><td class=l>").append(esc(e.getKey())).append("</td><td>").append(e.getValue().path("samples").asLong())
                        .append("</td><td class=l>").append(esc(String.join("\n", Profile.lines((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue(), "topSelf", 8))).replace("\n", "<br>"))
                        .append("</td><td class=l>").append(esc(String.join("\n", Profile.lines((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue(), "topPlatformFrames", 8))).replace("\n", "<br>"))
                        .append(e.getValue().has("error") ? esc(e.getValue().path("error").asText()) : "").append("</td></tr>\n");
            });
            b.append("</table>\n<p class=ratio>Full summaries: profile-").append(esc(s.path("size").asText()))
                    .append("-&lt;process&gt;.txt beside this page.</p>\n");
        }
    }

    private static void problems(StringBuilder b, JsonNode results) {
        List<String> lines = new ArrayList<>();
        for (JsonNode s : results.path("sizes")) {
            String size = s.path("size").asText();
            s.path("problems").forEach(p -> lines.add(size + ": " + p.asText()));
            if (s.has("note")) {
                lines.add(size + ": " + s.path("note").asText());
            }
            if (s.has("skipped")) {
                lines.add(size + ": skipped, " + s.path("skipped").asText());
            }
            s.properties().forEach(e -> {
                if (e.getValue().isObject() && e.getValue().has("error")) {
                    lines.add(size + " " + e.getKey() + ": " + e.getValue().path("error").asText());
                }
                if (e.getValue().isObject() && e.getValue().path("quiet").isBoolean() && !e.getValue().path("quiet").asBoolean()) {
                    lines.add(size + " " + e.getKey() + ": not quiet within the phase budget");
                }
            });
            s.path("raw").properties().forEach(e -> {
                if (e.getValue().has("error")) {
                    lines.add(size + " raw " + e.getKey() + ": " + e.getValue().path("error").asText());
                }
            });
        }
        if (!lines.isEmpty()) {
            b.append("<h2>Problems and notes: ").append(esc(results.path("label").asText())).append("</h2>\n<ul>\n");
            lines.forEach(l -> b.append("<li>").append(esc(l)).append("</li>\n"));
            b.append("</ul>\n");
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
