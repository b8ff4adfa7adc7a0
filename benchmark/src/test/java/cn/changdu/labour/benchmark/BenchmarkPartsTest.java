package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of the benchmark that need no platform: options, parsing of tool output and meters, judging, the report. */
class BenchmarkPartsTest {

    @Test
    void sizesAndDurations() {
        assertThat(Options.Size.parse("empty").events()).isZero();
        assertThat(Options.Size.parse("100k").events()).isEqualTo(100_000);
        assertThat(Options.Size.parse("1m").events()).isEqualTo(1_000_000);
        assertThat(Options.Size.parse("2.5k").events()).isEqualTo(2_500);
        assertThat(Options.Size.parse("750").events()).isEqualTo(750);
        assertThatThrownBy(() -> Options.Size.parse("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Options.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Options.duration("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(Options.duration("120")).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void optionsHaveTheBriefsDefaults() {
        Options o = Options.parse(new String[0], Path.of("/repo"));
        assertThat(o.sizes()).extracting(Options.Size::name).containsExactly("empty", "100k", "1m");
        assertThat(o.label()).isEqualTo("repo");
        assertThat(o.steadyRate()).isEqualTo(300);
        assertThat(o.steady()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.out().toString()).startsWith("/repo/docs/benchmarks/").endsWith("-repo");
        assertThat(o.dataDir().toString()).isEqualTo("/tmp/changdu-benchmark-repo");

        Options other = Options.parse(new String[]{"--sizes", "5k,empty", "--label", "baseline", "--platform-dir", "/work/baseline",
                "--skip", "raw,rebuild", "--out=/tmp/x"}, Path.of("/repo"));
        assertThat(other.sizes()).extracting(Options.Size::name).containsExactly("empty", "5k");
        assertThat(other.platformDir()).isEqualTo(Path.of("/work/baseline"));
        assertThat(other.runs("raw")).isFalse();
        assertThat(other.runs("steady")).isTrue();
        assertThat(other.out()).isEqualTo(Path.of("/tmp/x"));
        assertThatThrownBy(() -> Options.parse(new String[]{"--sizez", "1"}, Path.of("/repo"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Options.parse(new String[]{"--skip", "lunch"}, Path.of("/repo"))).hasMessageContaining("phases");
    }

    @Test
    void prometheusSamples() {
        String page = """
                # HELP platform_relay_lag_seconds how far the Kafka relay is behind the event store
                # TYPE platform_relay_lag_seconds gauge
                platform_relay_lag_seconds{application="training-service",service="training-service"} 0.25
                platform_projection_lag_events{application="reporting-service",topic="changdu.training.events"} 3.0
                platform_projection_lag_events{application="reporting-service",topic="changdu.employment.events"} 4.0
                platform_projection_lag_events_other 7
                """;
        Map<String, Double> relay = Metrics.parse(page, "platform_relay_lag");
        assertThat(Metrics.sum(relay, "platform_relay_lag_seconds")).isEqualTo(0.25);
        Map<String, Double> projection = Metrics.parse(page, "platform_projection_lag");
        assertThat(Metrics.sum(projection, "platform_projection_lag_events")).isEqualTo(7.0);
        assertThat(Metrics.sum(projection, "platform_missing")).isNaN();
    }

    @Test
    void consumerPerformanceOutput() {
        String out = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-12-02 00:10:01:123, 2026-12-02 00:10:04:456, 200.1, 60.0, 300000, 90000.0, 3050, 1283, 155.9, 233826.9
                """;
        Map<String, String> row = RawLimits.consumerRow(out);
        assertThat(row).containsEntry("fetch.nMsg.sec", "233826.9").containsEntry("data.consumed.in.nMsg", "300000");
    }

    @Test
    void targetsAreMetOrMissedByHowMuch() {
        Targets.Target rebuild = Targets.ALL.stream().filter(t -> t.id().equals("rebuild")).findFirst().orElseThrow();
        assertThat(rebuild.verdict(60_000)).isEqualTo("met");
        assertThat(rebuild.verdict(5_000)).startsWith("missed: 5,000 events/s (10 % of the target");
        Targets.Target p99 = Targets.ALL.stream().filter(t -> t.id().equals("commandP99Steady")).findFirst().orElseThrow();
        assertThat(p99.verdict(40)).isEqualTo("met");
        assertThat(p99.verdict(125)).startsWith("missed: 125 ms (2.5× the limit");
        assertThat(p99.verdict(Double.NaN)).isEqualTo("not measured");
    }

    @Test
    void chartNumbersAreShort() {
        assertThat(Svg.shortNumber(10)).isEqualTo("10");
        assertThat(Svg.shortNumber(2.5)).isEqualTo("2.5");
        assertThat(Svg.shortNumber(0.0153)).isEqualTo("0.015");
        assertThat(Svg.shortNumber(50_000)).isEqualTo("50k");
        assertThat(Svg.shortNumber(1_250_000)).isEqualTo("1.25M");
        assertThat(Svg.nice(73)).isEqualTo(80);
    }

    @Test
    void theReportRendersASizeWithAndWithoutAComparison() {
        ObjectNode results = sample("main", 42.0, 12_000);
        ObjectNode baseline = sample("baseline", 900.0, 400);
        String html = Report.html(results, baseline);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Targets of issue 11")
                .contains("missed: 900 ms").contains("baseline").doesNotContain("<script").doesNotContain("http://cdn");
        assertThat(Report.table(results)).contains("command p99").contains("42.0 ms").contains("met");
        assertThat(Report.html(results, null)).contains("<svg");
    }

    private static ObjectNode sample(String label, double p99, double rebuild) {
        ObjectNode r = Json.object();
        r.put("label", label);
        r.put("startedAt", "2026-12-02T00:00:00Z");
        r.put("layout", "JDBC");
        r.putObject("machine").put("cores", 2).put("memoryMb", 24000).put("jdk", "17");
        r.putObject("platformCode").put("commit", "0123456789abcdef").put("clean", true);
        r.putObject("options").put("sizes", "empty,5k");
        ArrayNode sizes = r.putArray("sizes");
        for (String size : new String[]{"empty", "5k"}) {
            ObjectNode s = sizes.addObject();
            s.put("size", size);
            s.putObject("events").put("total", size.equals("empty") ? 0 : 5_100);
            s.putObject("steady").put("targetRate", 300).putObject("commands").put("p99Ms", p99).put("p50Ms", 9.0);
            ((ObjectNode) s.get("steady")).putObject("requests").put("perSecond", 299.0);
            s.putObject("rebuild").put("state", "SWITCHED").put("eventsPerSecond", rebuild).put("done", 5_000);
            s.putObject("raw").putObject("h2").putObject("singleRowTransactions").put("commitsPerSecond", 9000.0);
            s.putObject("throughput").putObject("mixed").put("perSecond", 800.0);
            s.putObject("ratios").putObject("mixedRequestsPerRawCommit").put("value", 800.0 / 9000);
            s.putObject("loading").putArray("curve").addObject().put("events", 5_000).put("requestsPerSecond", 700.0).put("p99Ms", 80.0);
        }
        r.set("targets", Targets.judge(sizes));
        return r;
    }
}
