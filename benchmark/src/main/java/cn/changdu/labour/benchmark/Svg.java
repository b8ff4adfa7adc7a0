package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's charts as inline SVG: grouped bars per size with the target as a dashed line, and the loading curve. */
final class Svg {

    private static final String[] COLOURS = {"#2b6cb0", "#c05621", "#2f855a", "#6b46c1"};
    private static final int W = 440;
    private static final int H = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 12;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;

    private Svg() {
    }

    /** Bars per size and series; a logarithmic axis when the values span more than 30×. */
    static String bars(String title, List<String> categories, Map<String, double[]> series, double limit, String unit) {
        List<Double> all = new ArrayList<>();
        series.values().forEach(v -> {
            for (double d : v) {
                if (!Double.isNaN(d) && !Double.isInfinite(d) && d > 0) {
                    all.add(d);
                }
            }
        });
        all.add(limit);
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1) * 1.15;
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        boolean log = max / Math.max(min, 1e-9) > 30;
        Axis axis = log ? new Axis(Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max))), true)
                : new Axis(0, nice(max), false);
        StringBuilder b = start(title);
        grid(b, axis, unit);
        int plotW = W - LEFT - RIGHT;
        double group = (double) plotW / Math.max(1, categories.size());
        double bar = Math.min(36, group * 0.8 / Math.max(1, series.size()));
        int k = 0;
        for (var e : series.entrySet()) {
            double[] v = e.getValue();
            for (int i = 0; i < categories.size(); i++) {
                double x = LEFT + group * i + (group - bar * series.size()) / 2 + bar * k;
                if (i >= v.length || Double.isNaN(v[i])) {
                    text(b, x + bar / 2, H - BOTTOM - 4, "–", "middle", 10, "#888");
                    continue;
                }
                if (Double.isInfinite(v[i])) {
                    text(b, x + bar / 2, H - BOTTOM - 4, "✗", "middle", 12, "#c53030");
                    continue;
                }
                double y = axis.y(Math.max(v[i], axis.lo));
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
                        x, y, bar - 2, Math.max(0.5, H - BOTTOM - y), COLOURS[k % COLOURS.length], Report.esc(e.getKey()),
                        Report.esc(categories.get(i)), Report.esc(Targets.format(v[i], unit))));
                text(b, x + bar / 2 - 1, y - 3, shortNumber(v[i]), "middle", 9, "#333");
            }
            k++;
        }
        double ty = axis.y(limit);
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c53030\" stroke-dasharray=\"5,4\"/>",
                LEFT, W - RIGHT, ty, ty));
        text(b, W - RIGHT, ty - 3, "target " + shortNumber(limit), "end", 9, "#c53030");
        for (int i = 0; i < categories.size(); i++) {
            text(b, LEFT + group * i + group / 2, H - BOTTOM + 14, categories.get(i), "middle", 11, "#333");
        }
        legend(b, new ArrayList<>(series.keySet()));
        return b.append("</svg>\n").toString();
    }

    /** The loading curve: a figure of the 10-second intervals against the events stored at their end. */
    static String curve(String title, JsonNode results, JsonNode compare, String field, String unit) {
        List<String> names = new ArrayList<>();
        List<List<double[]>> lines = new ArrayList<>();
        for (JsonNode r : compare == null ? List.of(results) : List.of(results, compare)) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode s : r.path("sizes")) {
                for (JsonNode p : s.path("loading").path("curve")) {
                    if (p.path(field).isNumber()) {
                        points.add(new double[]{p.path("events").asDouble(), p.path(field).asDouble()});
                    }
                }
            }
            names.add(r.path("label").asText());
            lines.add(points);
        }
        double maxX = 1;
        double maxY = 1;
        for (List<double[]> l : lines) {
            for (double[] p : l) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        Axis axis = new Axis(0, nice(maxY * 1.1), false);
        StringBuilder b = start(title);
        grid(b, axis, unit);
        double xMax = nice(maxX);
        int plotW = W - LEFT - RIGHT;
        for (int i = 0; i <= 4; i++) {
            double x = LEFT + plotW * i / 4.0;
            text(b, x, H - BOTTOM + 14, shortNumber(xMax * i / 4), "middle", 10, "#333");
        }
        text(b, LEFT + plotW / 2.0, H - 8, "events stored", "middle", 10, "#555");
        for (int k = 0; k < lines.size(); k++) {
            List<double[]> l = lines.get(k);
            if (l.isEmpty()) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (double[] p : l) {
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%.1f",
                        LEFT + plotW * p[0] / xMax, axis.y(p[1])));
            }
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(COLOURS[k % COLOURS.length]).append("\"/>");
        }
        if (lines.stream().allMatch(List::isEmpty)) {
            text(b, W / 2.0, H / 2.0, "no loading phase in this run", "middle", 12, "#888");
        }
        legend(b, names);
        return b.append("</svg>\n").toString();
    }

    private record Axis(double lo, double hi, boolean log) {
        double y(double v) {
            double plotH = H - TOP - BOTTOM;
            double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
            return H - BOTTOM - plotH * Math.max(0, Math.min(1.02, f));
        }
    }

    private static StringBuilder start(String title) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"system-ui,sans-serif\" style=\"border:1px solid #ddd;background:#fff\">", W, H, W, H));
        text(b, 8, 16, title.length() > 72 ? title.substring(0, 71) + "…" : title, "start", 12, "#222");
        return b;
    }

    private static void grid(StringBuilder b, Axis axis, String unit) {
        List<Double> ticks = new ArrayList<>();
        if (axis.log) {
            for (double t = axis.lo; t <= axis.hi * 1.0001; t *= 10) {
                ticks.add(t);
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                ticks.add(axis.lo + (axis.hi - axis.lo) * i / 4);
            }
        }
        for (double t : ticks) {
            double y = axis.y(t);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, W - RIGHT, y, y));
            text(b, LEFT - 4, y + 3, shortNumber(t), "end", 10, "#555");
        }
        text(b, 10, TOP - 6, unit + (axis.log ? " (log)" : ""), "start", 10, "#555");
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LEFT, W - RIGHT, H - BOTTOM, H - BOTTOM));
    }

    private static void legend(StringBuilder b, List<String> names) {
        double x = W - RIGHT;
        for (int k = names.size() - 1; k >= 0; k--) {
            String n = names.get(k);
            double w = 14 + 6.5 * n.length();
            x -= w;
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"22\" width=\"10\" height=\"8\" fill=\"%s\"/>", x, COLOURS[k % COLOURS.length]));
            text(b, x + 13, 30, n, "start", 10, "#333");
            x -= 8;
        }
    }

    private static void text(StringBuilder b, double x, double y, String s, String anchor, int size, String colour) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>",
                x, y, anchor, size, colour, Report.esc(s)));
    }

    static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String shortNumber(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return significant(v / 1e6, 3) + "M";
        }
        if (a >= 1e4) {
            return significant(v / 1e3, 3) + "k";
        }
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return significant(v, a >= 1 ? 3 : 2);
    }

    /** {@code digits} significant digits, without trailing zeros: 10 not 10.0, 2.5 not 2.50. */
    private static String significant(double v, int digits) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
