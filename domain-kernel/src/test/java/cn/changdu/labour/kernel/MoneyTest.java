package cn.changdu.labour.kernel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void an_amount_keeps_its_value_written_to_the_fen() {
        assertThat(Money.yuanToTheFen(new BigDecimal("5400"))).isEqualTo(new BigDecimal("5400.00"));
        assertThat(Money.yuanToTheFen(new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void a_part_finer_than_the_fen_is_refused_not_rounded() {
        assertThatThrownBy(() -> Money.yuanToTheFen(new BigDecimal("0.001"))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.isPositiveToTheFen(new BigDecimal("0.001"))).isFalse();
        assertThat(Money.isPositiveToTheFen(new BigDecimal("0.01"))).isTrue();
        assertThat(Money.isPositiveToTheFen(BigDecimal.ZERO)).isFalse();
    }

    @Test
    void business_dates_are_beijing_dates() {
        java.time.Instant julyInBeijing = java.time.Instant.parse("2020-06-30T23:30:00Z");
        assertThat(BusinessTime.dateOf(julyInBeijing)).isEqualTo(java.time.LocalDate.of(2020, 7, 1));
        assertThat(BusinessTime.startOf(java.time.LocalDate.of(2020, 7, 1)))
                .isEqualTo(java.time.Instant.parse("2020-06-30T16:00:00Z"));
    }
}
