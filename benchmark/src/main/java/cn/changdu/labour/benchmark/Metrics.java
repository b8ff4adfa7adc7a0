package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the services' meters: one meter through {@code /actuator/metrics}, or a family from the Prometheus page. */
final class Metrics {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private Metrics() {
    }

    /** A meter's value (VALUE of a gauge, COUNT of a counter) summed over its tags; NaN when absent. */
    static double meter(String baseUrl, String name) {
        Http.Answer a = Http.get(baseUrl + "/actuator/metrics/" + name, Duration.ofSeconds(5));
        if (!a.ok()) {
            return Double.NaN;
        }
        for (JsonNode m : a.json().path("measurements")) {
            String statistic = m.path("statistic").asText();
            if (statistic.equals("VALUE") || statistic.equals("COUNT")) {
                return m.path("value").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }

    /** Every sample of the families whose names start with {@code prefix}: "name{labels}" → value. */
    static Map<String, Double> prometheus(String baseUrl, String prefix) {
        Http.Answer a = Http.get(baseUrl + "/actuator/prometheus", Duration.ofSeconds(5));
        return a.ok() ? parse(a.body(), prefix) : Map.of();
    }

    static Map<String, Double> parse(String text, String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(prefix)) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                try {
                    out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
                } catch (NumberFormatException ignored) {
                    // not a sample
                }
            }
        }
        return out;
    }

    /** The sum of a family's samples (NaN when there is none or one is NaN). */
    static double sum(Map<String, Double> samples, String name) {
        double total = 0;
        boolean any = false;
        for (var e : samples.entrySet()) {
            String key = e.getKey();
            if (key.equals(name) || key.startsWith(name + "{")) {
                total += e.getValue();
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }
}
