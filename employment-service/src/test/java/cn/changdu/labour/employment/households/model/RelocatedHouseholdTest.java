package cn.changdu.labour.employment.households.model;

import cn.changdu.labour.employment.households.api.RegisterRelocatedHouseholdCommand;
import cn.changdu.labour.employment.households.api.RelocatedHouseholdRegisteredEvent;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class RelocatedHouseholdTest {

    private final AggregateTestFixture<RelocatedHousehold> fixture = new AggregateTestFixture<>(RelocatedHousehold.class);

    @Test
    void a_household_with_members_able_to_work_is_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRelocatedHouseholdCommand("hh-1", "540321", "岗托镇易地搬迁安置点", "扎西", "540321199003150018",
                        2, LocalDate.of(2020, 3, 1)))
                .expectEvents(new RelocatedHouseholdRegisteredEvent("hh-1", "540321", "岗托镇易地搬迁安置点", "扎西",
                        "540321199003150018", 2, LocalDate.of(2020, 3, 1)));
    }

    @Test
    void only_households_with_labour_capacity_are_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRelocatedHouseholdCommand("hh-1", "540321", "安置点", "扎西", "540321199003150018", 0,
                        LocalDate.of(2020, 3, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("只登记有劳动能力的搬迁户：有劳动能力的成员至少1人")
                .expectNoEvents();
    }
}
