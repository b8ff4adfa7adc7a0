package cn.changdu.labour.reporting.projection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact forms of figure deltas (a fact's effects, binary: {@link Packed}) and of figure sets (checkpoints: text,
 * gzip + Base64 to stay a plain VARCHAR; fields tab-separated, lines newline-separated: no indicator, area or period
 * holds either).
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

    /**
     * A fact's effects, binary: per indicator, area and delta (names by number, {@link Names}) the periods it changed,
     * as period codes ({@link Packed#period(String)}), ascending and each after the first as the difference.
     */
    static byte[] effects(Map<FigureKey, BigDecimal> deltas, Names names) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        deltas.forEach((k, d) -> {
            if (d.signum() != 0) {
                groups.computeIfAbsent(List.of(k.indicator(), k.area(), d), g -> new ArrayList<>()).add(Packed.period(k.period()));
            }
        });
        Packed.Out out = new Packed.Out();
        groups.forEach((g, periods) -> {
            out.varint(names.id((String) g.get(0))).varint(names.id((String) g.get(1))).decimal((BigDecimal) g.get(2));
            Collections.sort(periods);
            out.varint(periods.size());
            int last = 0;
            for (int code : periods) {
                out.varint(code - last);
                last = code;
            }
        });
        return out.bytes();
    }

    static void readEffects(byte[] packed, Names names, BiConsumer<FigureKey, BigDecimal> each) {
        Packed.In in = new Packed.In(packed);
        while (in.more()) {
            String indicator = names.name(in.small());
            String area = names.name(in.small());
            BigDecimal delta = in.decimal();
            int count = in.small();
            int code = 0;
            for (int i = 0; i < count; i++) {
                code += in.small();
                each.accept(new FigureKey(indicator, area, Packed.period(code)), delta);
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
