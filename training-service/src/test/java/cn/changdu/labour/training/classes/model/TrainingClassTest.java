package cn.changdu.labour.training.classes.model;

import cn.changdu.labour.support.domain.RuleViolation;
import cn.changdu.labour.training.classes.api.ClassFiledEvent;
import cn.changdu.labour.training.classes.api.EnrollTraineeCommand;
import cn.changdu.labour.training.classes.api.FileClassCommand;
import cn.changdu.labour.training.classes.api.TraineeEnrolledEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class TrainingClassTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2020, 6, 1);
    private static final LocalDate JUNE_20 = LocalDate.of(2020, 6, 20);
    private static final ClassFiledEvent ELECTRICIANS_FILED =
            new ClassFiledEvent("c-1", "540321", "江达县职业技能培训中心", "电工", 2, JUNE_1, JUNE_20);

    private AggregateTestFixture<TrainingClass> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrainingClass.class);
    }

    @Test
    void a_class_is_filed_with_its_county_trade_size_and_dates() {
        fixture.givenNoPriorActivity()
                .when(new FileClassCommand("c-1", "540321", "江达县职业技能培训中心", "电工", 2, JUNE_1, JUNE_20))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ELECTRICIANS_FILED);
    }

    @Test
    void a_class_cannot_end_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(new FileClassCommand("c-1", "540321", "江达县职业技能培训中心", "电工", 2, JUNE_20, JUNE_1))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("结束日期不能早于开班日期")
                .expectNoEvents();
    }

    @Test
    void a_trainee_is_enrolled_by_real_name_and_published_by_key() {
        fixture.given(ELECTRICIANS_FILED)
                .when(new EnrollTraineeCommand("c-1", "pk_1", "扎西", "540321199003150018", "岗托镇", null))
                .expectEvents(new TraineeEnrolledEvent("c-1", "pk_1", "扎西", "540321199003150018", "岗托镇", null,
                        "540321", "电工"));
    }

    @Test
    void a_person_is_enrolled_in_a_class_only_once() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"))
                .when(new EnrollTraineeCommand("c-1", "pk_1", "扎西", "540321199003150018", "岗托镇", null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void the_class_size_cannot_exceed_the_plan() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"))
                .when(new EnrollTraineeCommand("c-1", "pk_3", "次仁", "540321199003150026", "岗托镇", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("班级已满：计划人数 2 人，超出须先登记计划变更")
                .expectNoEvents();
    }

    private static TraineeEnrolledEvent enrolled(String personKey) {
        return new TraineeEnrolledEvent("c-1", personKey, "某人", "540321199003150018", null, null, "540321", "电工");
    }
}
