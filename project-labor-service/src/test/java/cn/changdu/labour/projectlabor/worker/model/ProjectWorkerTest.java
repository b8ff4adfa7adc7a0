package cn.changdu.labour.projectlabor.worker.model;

import cn.changdu.labour.projectlabor.worker.api.EndRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReleaseRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.ReserveRosterDaysCommand;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysEndedEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysReleasedEvent;
import cn.changdu.labour.projectlabor.worker.api.RosterDaysReservedEvent;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class ProjectWorkerTest {

    private static final LocalDate APRIL_1 = LocalDate.of(2020, 4, 1);
    private AggregateTestFixture<ProjectWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProjectWorker.class);
    }

    @Test
    void a_person_first_on_a_roster_has_the_days_reserved() {
        fixture.givenNoPriorActivity()
                .when(new ReserveRosterDaysCommand("pk_1", "p-1", APRIL_1))
                .expectEvents(new RosterDaysReservedEvent("pk_1", "p-1", APRIL_1));
    }

    @Test
    void one_person_cannot_be_on_two_active_rosters_on_the_same_days() {
        fixture.given(new RosterDaysReservedEvent("pk_1", "p-1", APRIL_1))
                .when(new ReserveRosterDaysCommand("pk_1", "p-2", LocalDate.of(2020, 5, 1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_person_cannot_join_another_roster_on_the_day_they_leave_the_first() {
        fixture.given(new RosterDaysReservedEvent("pk_1", "p-1", APRIL_1),
                        new RosterDaysEndedEvent("pk_1", "p-1", LocalDate.of(2020, 4, 30)))
                .when(new ReserveRosterDaysCommand("pk_1", "p-2", LocalDate.of(2020, 4, 30)))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_person_may_join_another_roster_after_leaving_the_first() {
        fixture.given(new RosterDaysReservedEvent("pk_1", "p-1", APRIL_1),
                        new RosterDaysEndedEvent("pk_1", "p-1", LocalDate.of(2020, 4, 30)))
                .when(new ReserveRosterDaysCommand("pk_1", "p-2", LocalDate.of(2020, 5, 1)))
                .expectEvents(new RosterDaysReservedEvent("pk_1", "p-2", LocalDate.of(2020, 5, 1)));
    }

    @Test
    void an_earlier_stint_entered_late_may_not_overlap_a_later_one() {
        fixture.given(new RosterDaysReservedEvent("pk_1", "p-1", LocalDate.of(2020, 6, 1)),
                        new RosterDaysEndedEvent("pk_1", "p-1", LocalDate.of(2020, 6, 30)))
                .when(new ReserveRosterDaysCommand("pk_1", "p-2", APRIL_1))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_join_retried_after_a_crash_finds_its_days_already_reserved() {
        fixture.given(new RosterDaysReservedEvent("pk_1", "p-1", APRIL_1))
                .when(new ReserveRosterDaysCommand("pk_1", "p-1", APRIL_1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_reservation_the_project_refused_is_released() {
        fixture.given(new RosterDaysReservedEvent("pk_1", "p-1", APRIL_1))
                .when(new ReleaseRosterDaysCommand("pk_1", "p-1", APRIL_1))
                .expectEvents(new RosterDaysReleasedEvent("pk_1", "p-1", APRIL_1));
    }

    @Test
    void leaving_ends_the_reserved_days() {
        fixture.given(new RosterDaysReservedEvent("pk_1", "p-1", APRIL_1))
                .when(new EndRosterDaysCommand("pk_1", "p-1", LocalDate.of(2020, 6, 30)))
                .expectEvents(new RosterDaysEndedEvent("pk_1", "p-1", LocalDate.of(2020, 6, 30)));
    }
}
