package cn.changdu.labour.reporting.projection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact text forms of figure deltas (a fact's effects), of figure sets (checkpoints, gzip + Base64 to stay a
 * plain VARCHAR) and of a case's open entries. Fields are tab-separated, lines newline-separated: no indicator, area,
 * period or case value holds either.
 */
public final class Codec {

    private Codec() {
    }

    /** A figure: indicator, area ({@code 540300}, a county, {@code dept:name}) and period. */
    public record FigureKey(String indicator, String area, String period) implements Comparable<FigureKey> {
        @Override
        public int compareTo(FigureKey o) {
            int c = indicator.compareTo(o.indicator);
            if (c == 0) {
                c = area.compareTo(o.area);
            }
            return c == 0 ? period.compareTo(o.period) : c;
        }
    }

    /** {@code indicator \t area \t delta \t period,period,...} per line, grouped by indicator, area and delta. */
    public static String effects(Map<FigureKey, BigDecimal> deltas) {
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        deltas.forEach((k, d) -> {
            if (d.signum() != 0) {
                StringBuilder periods = groups.computeIfAbsent(k.indicator() + "\t" + k.area() + "\t" + d.toPlainString(),
                        g -> new StringBuilder());
                if (!periods.isEmpty()) {
                    periods.append(',');
                }
                periods.append(k.period());
            }
        });
        StringBuilder text = new StringBuilder();
        groups.forEach((group, periods) -> text.append(group).append('\t').append(periods).append('\n'));
        return text.toString();
    }

    public static void readEffects(String text, BiConsumer<FigureKey, BigDecimal> each) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            BigDecimal delta = new BigDecimal(f[2]);
            for (String period : f[3].split(",")) {
                each.accept(new FigureKey(f[0], f[1], period), delta);
            }
        }
    }

    public static String figures(Map<FigureKey, BigDecimal> figures) {
        StringBuilder text = new StringBuilder();
        figures.forEach((k, v) -> {
            if (v.signum() != 0) {
                text.append(k.indicator()).append('\t').append(k.area()).append('\t').append(k.period()).append('\t')
                        .append(v.toPlainString()).append('\n');
            }
        });
        return gzip(text.toString());
    }

    public static Map<FigureKey, BigDecimal> readFigures(String packed) {
        Map<FigureKey, BigDecimal> figures = new java.util.HashMap<>();
        String text = gunzip(packed);
        if (text.isEmpty()) {
            return figures;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            figures.put(new FigureKey(f[0], f[1], f[2]), new BigDecimal(f[3]));
        }
        return figures;
    }

    static String gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String gunzip(String packed) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(packed)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
