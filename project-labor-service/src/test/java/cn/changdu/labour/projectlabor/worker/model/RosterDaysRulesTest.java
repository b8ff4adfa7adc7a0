package cn.changdu.labour.projectlabor.worker.model;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's check and the import's pre-check of one roster at a time refuse the same days. */
class RosterDaysRulesTest {

    private static final LocalDate APRIL_1 = LocalDate.of(2020, 4, 1);
    private static final List<RosterStint> UNTIL_APRIL_30 =
            List.of(new RosterStint("p-1", APRIL_1, LocalDate.of(2020, 4, 30)));

    @Test
    void days_that_meet_a_stint_elsewhere_are_refused_by_both() {
        LocalDate april30 = LocalDate.of(2020, 4, 30);
        assertThatThrownBy(() -> RosterDaysRules.requireFree(UNTIL_APRIL_30, "p-2", april30))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("one-roster-at-a-time"));
        assertThatThrownBy(() -> RosterDaysRules.requireFreeAsViewed(UNTIL_APRIL_30, april30))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("one-roster-at-a-time"));
    }

    @Test
    void days_after_the_stint_ended_are_free_for_both() {
        LocalDate may1 = LocalDate.of(2020, 5, 1);
        assertThatCode(() -> RosterDaysRules.requireFree(UNTIL_APRIL_30, "p-2", may1)).doesNotThrowAnyException();
        assertThatCode(() -> RosterDaysRules.requireFreeAsViewed(UNTIL_APRIL_30, may1)).doesNotThrowAnyException();
    }
}
