package cn.changdu.labour.projectlabor.project.model;

import cn.changdu.labour.projectlabor.project.api.PayWageCommand;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.RegisterProjectCommand;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

class ProjectTest {

    private static final ProjectRegisteredEvent REGISTERED = new ProjectRegisteredEvent("p-1",
            "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120);

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void a_project_is_registered_by_its_department() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120))
                .expectEvents(REGISTERED);
    }

    @Test
    void a_wage_is_recorded_exactly_to_the_fen() {
        fixture.given(REGISTERED)
                .when(pay("5400.1", LocalDate.of(2020, 7, 5)))
                .expectEvents(new WagePaidEvent("p-1", "w-1", "pk_1", "格桑", "540302198001010015",
                        YearMonth.of(2020, 6), new BigDecimal("5400.10"), LocalDate.of(2020, 7, 5), "540302"));
    }

    @Test
    void a_wage_finer_than_a_fen_is_refused() {
        fixture.given(REGISTERED)
                .when(pay("5400.005", LocalDate.of(2020, 7, 5)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_wage_cannot_be_paid_before_its_period_begins() {
        fixture.given(REGISTERED)
                .when(pay("5400.00", LocalDate.of(2020, 5, 31)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("发放日期不能早于工资所属期间的开始")
                .expectNoEvents();
    }

    private static PayWageCommand pay(String amount, LocalDate paidOn) {
        return new PayWageCommand("p-1", "w-1", "pk_1", "格桑", "540302198001010015", YearMonth.of(2020, 6),
                new BigDecimal(amount), paidOn);
    }
}
