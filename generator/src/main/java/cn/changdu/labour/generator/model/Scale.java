package cn.changdu.labour.generator.model;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The size of the generated year ({@code --scale}: 1 = the plan's 2020 targets), the business date it runs to
 * ({@code --until}), the seed every random choice derives from, and the share of import-file rows typed wrong
 * ({@code --bad-rows}, 1 % by default; more, to see the services refuse every kind).
 */
public record Scale(double factor, LocalDate until, long seed, double badRowShare) {

    public static final double BAD_ROW_SHARE = 0.01;

    public static final LocalDate YEAR_START = LocalDate.of(2020, 1, 1);
    public static final LocalDate YEAR_END = LocalDate.of(2020, 12, 31);

    public Scale(double factor, LocalDate until, long seed) {
        this(factor, until, seed, BAD_ROW_SHARE);
    }

    public Scale {
        if (!(badRowShare >= 0) || badRowShare > 0.5) {
            throw new IllegalArgumentException("--bad-rows must be between 0 and 0.5, not " + badRowShare);
        }
        if (!(factor > 0) || factor > 10) {
            throw new IllegalArgumentException("--scale must be above 0 and at most 10, not " + factor);
        }
        if (until.isBefore(YEAR_START) || until.isAfter(YEAR_END)) {
            throw new IllegalArgumentException("--until must be a date of 2020, not " + until);
        }
    }

    /** A plan figure at this scale, rounded, but at least {@code minimum}. */
    public int of(double target, int minimum) {
        return (int) Math.max(minimum, Math.round(target * factor));
    }

    /**
     * A random source of its own for one part of the year (training, projects …), so that a change in one part
     * does not reshuffle the others.
     */
    public SplittableRandom random(String part) {
        long mixed = seed * 0x9E3779B97F4A7C15L;
        for (char c : part.toCharArray()) {
            mixed = (mixed ^ c) * 0x100000001B3L;
        }
        return new SplittableRandom(mixed);
    }
}
