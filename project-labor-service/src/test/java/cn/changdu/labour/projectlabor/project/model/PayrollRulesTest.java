package cn.changdu.labour.projectlabor.project.model;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A payroll line and a payroll file's row are on the roster in the same periods. */
class PayrollRulesTest {

    private static final List<RosterStint> APRIL_15_TO_MAY_1 =
            List.of(new RosterStint("p-1", LocalDate.of(2020, 4, 15), LocalDate.of(2020, 5, 1)));

    @Test
    void a_stint_covers_the_days_of_a_period_it_touches() {
        assertThat(PayrollRules.daysIn(LocalDate.of(2020, 4, 15), LocalDate.of(2020, 5, 1), YearMonth.of(2020, 4)))
                .isEqualTo(16);
        assertThat(PayrollRules.daysIn(LocalDate.of(2020, 4, 15), LocalDate.of(2020, 5, 1), YearMonth.of(2020, 5)))
                .isEqualTo(1);
        assertThat(PayrollRules.daysIn(LocalDate.of(2020, 4, 15), null, YearMonth.of(2020, 3))).isZero();
    }

    @Test
    void a_line_and_a_row_outside_the_stint_are_refused_alike() {
        YearMonth june = YearMonth.of(2020, 6);
        assertThatThrownBy(() -> PayrollRules.requireOnRoster(APRIL_15_TO_MAY_1, "p-1", june))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("payroll-lines-on-roster"));
        assertThatThrownBy(() -> PayrollRules.requireRowOnRoster(APRIL_15_TO_MAY_1, "p-1", june))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("payroll-lines-on-roster"));
        assertThatCode(() -> PayrollRules.requireRowOnRoster(APRIL_15_TO_MAY_1, "p-1", YearMonth.of(2020, 5)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PayrollRules.requireRowOnRoster(APRIL_15_TO_MAY_1, "p-2", YearMonth.of(2020, 5)))
                .isInstanceOf(RuleViolation.class);
    }
}
