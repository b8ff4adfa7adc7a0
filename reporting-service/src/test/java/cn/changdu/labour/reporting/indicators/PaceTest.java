package cn.changdu.labour.reporting.indicators;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PaceTest {

    private final Pace pace = new Pace(1.0, 0.9, 0.75);

    @Test
    void the_share_of_the_year_elapsed_counts_whole_days() {
        assertThat(Pace.elapsedShare(2020, LocalDate.of(2020, 12, 31))).isEqualTo(1.0);
        assertThat(Pace.elapsedShare(2020, LocalDate.of(2020, 6, 30))).isEqualTo(182.0 / 366);
        assertThat(Pace.elapsedShare(2020, LocalDate.of(2019, 12, 31))).isZero();
        assertThat(Pace.elapsedShare(2020, LocalDate.of(2021, 1, 1))).isEqualTo(1.0);
    }

    @Test
    void a_county_on_course_to_miss_its_year_is_red_in_spring() {
        // end of March: a quarter of the year gone, 15 % of the target done → progress 0.6, forecast 60 % of target
        Pace.Status status = pace.status(new BigDecimal("1500"), new BigDecimal("10000"), 0.25,
                IndicatorCatalog.Direction.HIGHER_IS_BETTER);
        assertThat(status.colour()).isEqualTo(Pace.Colour.RED);
        assertThat(status.expectedByNow()).isEqualByComparingTo("2500");
        assertThat(status.forecast()).isEqualByComparingTo("6000");
    }

    @Test
    void on_pace_is_green_slightly_behind_yellow_further_behind_orange() {
        assertThat(colour("2500")).isEqualTo(Pace.Colour.GREEN);
        assertThat(colour("2300")).isEqualTo(Pace.Colour.YELLOW);
        assertThat(colour("2000")).isEqualTo(Pace.Colour.ORANGE);
        assertThat(colour("1800")).isEqualTo(Pace.Colour.RED);
    }

    @Test
    void no_target_or_a_year_not_begun_has_no_colour() {
        assertThat(pace.status(BigDecimal.TEN, null, 0.5, IndicatorCatalog.Direction.HIGHER_IS_BETTER).colour())
                .isEqualTo(Pace.Colour.NONE);
        assertThat(pace.status(BigDecimal.TEN, BigDecimal.TEN, 0, IndicatorCatalog.Direction.HIGHER_IS_BETTER).colour())
                .isEqualTo(Pace.Colour.NONE);
    }

    private Pace.Colour colour(String value) {
        return pace.status(new BigDecimal(value), new BigDecimal("10000"), 0.25,
                IndicatorCatalog.Direction.HIGHER_IS_BETTER).colour();
    }
}
