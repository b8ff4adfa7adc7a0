package cn.changdu.labour.employment.jobfairs.model;

import cn.changdu.labour.employment.jobfairs.api.JobFairHeldEvent;
import cn.changdu.labour.employment.jobfairs.api.RecordJobFairCommand;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class JobFairTest {

    private final AggregateTestFixture<JobFair> fixture = new AggregateTestFixture<>(JobFair.class);

    @Test
    void a_job_fair_is_recorded_with_its_attendance() {
        fixture.givenNoPriorActivity()
                .when(new RecordJobFairCommand("fair-1", "540321", "江达县春风行动招聘会", LocalDate.of(2020, 3, 10), 12, 300, 850))
                .expectEvents(new JobFairHeldEvent("fair-1", "540321", "江达县春风行动招聘会", LocalDate.of(2020, 3, 10),
                        12, 300, 850));
    }

    @Test
    void a_job_fair_has_employers() {
        fixture.givenNoPriorActivity()
                .when(new RecordJobFairCommand("fair-1", "540321", "空会", LocalDate.of(2020, 3, 10), 0, 0, 10))
                .expectException(RuleViolation.class).expectNoEvents();
    }
}
