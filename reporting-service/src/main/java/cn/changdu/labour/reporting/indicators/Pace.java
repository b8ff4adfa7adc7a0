package cn.changdu.labour.reporting.indicators;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The four-colour warning (green/yellow/orange/red, after Shanghai's employment-warning practice): progress is
 * the value against the part of the target that should be done by now (target × share of the year elapsed), so
 * a county on course to miss its year shows red in spring. The year-end forecast extrapolates the current pace.
 *
 * @param yellowBelow progress below which the status is at least yellow (default 1.0: behind schedule)
 * @param orangeBelow progress below which it is orange (default 0.9)
 * @param redBelow    progress below which it is red (default 0.75)
 */
@ConfigurationProperties("platform.warning")
public record Pace(double yellowBelow, double orangeBelow, double redBelow) {

    public Pace {
        if (yellowBelow == 0 && orangeBelow == 0 && redBelow == 0) {
            yellowBelow = 1.0;
            orangeBelow = 0.9;
            redBelow = 0.75;
        }
    }

    public enum Colour { GREEN, YELLOW, ORANGE, RED, NONE }

    public record Status(Colour colour, BigDecimal expectedByNow, BigDecimal forecast, BigDecimal progress) {
        static final Status NONE = new Status(Colour.NONE, null, null, null);
    }

    /** Share of the year elapsed at the end of {@code asOf} (0 before the year, 1 after it). */
    public static double elapsedShare(int year, LocalDate asOf) {
        if (asOf.getYear() < year) {
            return 0;
        }
        if (asOf.getYear() > year) {
            return 1;
        }
        return (double) asOf.getDayOfYear() / asOf.lengthOfYear();
    }

    public Status status(BigDecimal value, BigDecimal target, double elapsed, IndicatorCatalog.Direction direction) {
        if (direction == IndicatorCatalog.Direction.LOWER_IS_BETTER && target != null && target.signum() == 0) {
            // "none at all" (every relocated household with someone employed): anything above zero is red
            return new Status(value.signum() == 0 ? Colour.GREEN : Colour.RED, target, value, null);
        }
        if (target == null || target.signum() <= 0 || elapsed <= 0) {
            return Status.NONE;
        }
        MathContext mc = new MathContext(10, RoundingMode.HALF_EVEN);
        if (direction == IndicatorCatalog.Direction.LOWER_IS_BETTER) {
            // a ceiling (unemployment rate ≤ 3%): how far under it the value stays
            BigDecimal progress = target.divide(value.max(new BigDecimal("0.0001")), mc);
            return new Status(colour(progress.doubleValue()), target, value, progress.setScale(4, RoundingMode.HALF_EVEN));
        }
        BigDecimal share = BigDecimal.valueOf(elapsed);
        BigDecimal expected = target.multiply(share, mc);
        BigDecimal progress = value.divide(expected, mc);
        BigDecimal forecast = value.divide(share, mc).setScale(0, RoundingMode.HALF_EVEN);
        return new Status(colour(progress.doubleValue()), expected.setScale(0, RoundingMode.HALF_EVEN), forecast,
                progress.setScale(4, RoundingMode.HALF_EVEN));
    }

    private Colour colour(double progress) {
        if (progress < redBelow) {
            return Colour.RED;
        }
        if (progress < orangeBelow) {
            return Colour.ORANGE;
        }
        if (progress < yellowBelow) {
            return Colour.YELLOW;
        }
        return Colour.GREEN;
    }
}
