package cn.changdu.labour.generator.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.SplittableRandom;

/** Small helpers for random choices and business times. */
final class Draw {

    /** Relative weight of each month for when work starts: the plateau's winter and Losar are quiet. */
    static final double[] MONTH_WEIGHTS = {0.3, 0.35, 1.0, 1.2, 1.3, 1.3, 1.2, 1.1, 1.1, 1.0, 0.8, 0.4};

    private Draw() {
    }

    static <T> T one(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    static boolean chance(double p, SplittableRandom random) {
        return random.nextDouble() < p;
    }

    static int between(int min, int max, SplittableRandom random) {
        return min + random.nextInt(max - min + 1);
    }

    /** An index drawn by weight. */
    static int weighted(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A date of 2020 between {@code from} and {@code to} drawn by the month weights. */
    static LocalDate seasonalDate(LocalDate from, LocalDate to, SplittableRandom random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int month = weighted(MONTH_WEIGHTS, random) + 1;
            LocalDate date = LocalDate.of(2020, month, 1).plusDays(random.nextInt(LocalDate.of(2020, month, 1).lengthOfMonth()));
            if (!date.isBefore(from) && !date.isAfter(to)) {
                return date;
            }
        }
        return from.plusDays(random.nextInt((int) Math.max(1, to.toEpochDay() - from.toEpochDay() + 1)));
    }

    /** A time within office hours on that day (09:00–17:59). */
    static LocalDateTime officeHours(LocalDate date, SplittableRandom random) {
        return date.atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60)));
    }

    /** Normal(mean, sd) clipped to [min, max]. */
    static double normal(double mean, double sd, double min, double max, SplittableRandom random) {
        // Box–Muller from two uniforms of this source, so the draw is repeatable
        double u = Math.max(1e-12, random.nextDouble());
        double v = random.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return Math.max(min, Math.min(max, mean + sd * z));
    }
}
