package cn.changdu.labour.employment.jobs.model;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.employment.jobs.api.FillJobPostingCommand;
import cn.changdu.labour.employment.jobs.api.JobPostingFilledEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingPublishedEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingWithdrawnEvent;
import cn.changdu.labour.employment.jobs.api.PublishJobPostingCommand;
import cn.changdu.labour.employment.jobs.api.WithdrawJobPostingCommand;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

class JobPostingTest {

    private static final LocalDate ON = LocalDate.of(2020, 4, 1);
    private AggregateTestFixture<JobPosting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JobPosting.class);
    }

    private static JobPostingPublishedEvent published(int positions) {
        return new JobPostingPublishedEvent("job-1", "540302", "昌都市康巴物流有限公司", "物流", positions,
                new BigDecimal("4000.00"), Destination.IN_COUNTY, null, ON);
    }

    @Test
    void a_posting_is_published_with_its_positions() {
        fixture.givenNoPriorActivity()
                .when(new PublishJobPostingCommand("job-1", "540302", "昌都市康巴物流有限公司", "物流", 5,
                        new BigDecimal("4000"), Destination.IN_COUNTY, null, ON))
                .expectEvents(published(5));
    }

    @Test
    void a_posting_has_at_least_one_position_and_a_wage_exact_to_the_fen() {
        fixture.givenNoPriorActivity()
                .when(new PublishJobPostingCommand("job-1", "540302", "e", "s", 0, null, Destination.IN_COUNTY, null, ON))
                .expectException(violation("posting-has-positions")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PublishJobPostingCommand("job-1", "540302", "e", "s", 1, new BigDecimal("1.005"),
                        Destination.IN_COUNTY, null, ON))
                .expectException(violation("wage-exact-to-the-fen")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PublishJobPostingCommand("job-1", "540302", "e", "s", 1, null, Destination.IN_TIBET, "四川省", ON))
                .expectException(violation("province-only-out-of-region")).expectNoEvents();
    }

    @Test
    void positions_are_filled_up_to_the_number_published() {
        fixture.given(published(5), new JobPostingFilledEvent("job-1", "540302", 3, 3, ON.plusDays(5)))
                .when(new FillJobPostingCommand("job-1", 2, ON.plusDays(10)))
                .expectEvents(new JobPostingFilledEvent("job-1", "540302", 2, 5, ON.plusDays(10)));
        fixture.given(published(5), new JobPostingFilledEvent("job-1", "540302", 3, 3, ON.plusDays(5)))
                .when(new FillJobPostingCommand("job-1", 3, ON.plusDays(10)))
                .expectException(violation("filled-within-positions")).expectNoEvents();
        fixture.given(published(5))
                .when(new FillJobPostingCommand("job-1", 1, ON.minusDays(1)))
                .expectException(violation("filled-after-publication")).expectNoEvents();
    }

    @Test
    void a_withdrawn_or_filled_posting_is_closed() {
        fixture.given(published(5), new JobPostingFilledEvent("job-1", "540302", 1, 1, ON))
                .when(new WithdrawJobPostingCommand("job-1", "企业停产", ON.plusDays(3)))
                .expectEvents(new JobPostingWithdrawnEvent("job-1", "540302", 4, "企业停产", ON.plusDays(3)));
        fixture.given(published(5), new JobPostingWithdrawnEvent("job-1", "540302", 5, null, ON))
                .when(new FillJobPostingCommand("job-1", 1, ON.plusDays(3)))
                .expectException(violation("posting-open")).expectNoEvents();
        fixture.given(published(1), new JobPostingFilledEvent("job-1", "540302", 1, 1, ON))
                .when(new WithdrawJobPostingCommand("job-1", null, ON.plusDays(3)))
                .expectException(violation("posting-open")).expectNoEvents();
    }

    static Matcher<RuleViolation> violation(String rule) {
        return new CustomMatcher<>("RuleViolation " + rule) {
            @Override
            public boolean matches(Object o) {
                return o instanceof RuleViolation v && rule.equals(v.rule());
            }
        };
    }
}
