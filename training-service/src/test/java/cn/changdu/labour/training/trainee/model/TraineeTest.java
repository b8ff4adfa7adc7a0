package cn.changdu.labour.training.trainee.model;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.training.plan.api.EmploymentStatus;
import cn.changdu.labour.training.plan.api.TrainingCategory;
import cn.changdu.labour.training.trainee.api.DuplicateTrainingAttemptedEvent;
import cn.changdu.labour.training.trainee.api.PersonEnrolledEvent;
import cn.changdu.labour.training.trainee.api.PersonWithdrawnEvent;
import cn.changdu.labour.training.trainee.api.RecordDuplicateTrainingAttemptCommand;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

/** The rules across a person's classes. */
class TraineeTest {

    private AggregateTestFixture<Trainee> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trainee.class);
        fixture.registerInjectableResource(new TrainingRecordPolicy(365));
    }

    @Test
    void a_first_enrolment_opens_the_persons_training_record() {
        fixture.givenNoPriorActivity()
                .when(enrol("c-1", "电工", "2020-06-01", "2020-06-20"))
                .expectEvents(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"));
    }

    @Test
    void a_person_cannot_be_enrolled_in_two_classes_whose_dates_overlap() {
        fixture.given(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"))
                .when(enrol("c-2", "藏式烹饪", "2020-06-20", "2020-07-10"))
                .expectException(violation("no-overlapping-classes"))
                .expectNoEvents();
    }

    @Test
    void a_second_class_in_the_same_trade_within_the_window_is_duplicate_training() {
        fixture.given(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"))
                .when(enrol("c-2", "电工", "2020-09-01", "2020-09-20"))
                .expectException(violation("no-duplicate-training"))
                .expectNoEvents();
    }

    @Test
    void a_refused_duplicate_training_attempt_is_recorded_with_the_earlier_class() {
        fixture.given(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"))
                .when(new RecordDuplicateTrainingAttemptCommand("pk_1", "c-2", "540322", "电工", LocalDate.parse("2020-09-01")))
                .expectEvents(new DuplicateTrainingAttemptedEvent("pk_1", "c-2", "540322", "电工", LocalDate.parse("2020-09-01"),
                        "c-1", "540321", LocalDate.parse("2020-06-01")));
    }

    @Test
    void a_second_attempt_for_the_same_class_is_the_same_attempt() {
        fixture.given(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"),
                        new DuplicateTrainingAttemptedEvent("pk_1", "c-2", "540322", "电工", LocalDate.parse("2020-09-01"),
                                "c-1", "540321", LocalDate.parse("2020-06-01")))
                .when(new RecordDuplicateTrainingAttemptCommand("pk_1", "c-2", "540322", "电工", LocalDate.parse("2020-09-01")))
                .expectNoEvents();
    }

    @Test
    void no_attempt_is_recorded_once_the_earlier_class_no_longer_makes_it_duplicate_training() {
        fixture.given(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"), new PersonWithdrawnEvent("pk_1", "c-1"))
                .when(new RecordDuplicateTrainingAttemptCommand("pk_1", "c-2", "540322", "电工", LocalDate.parse("2020-09-01")))
                .expectNoEvents();
    }

    @Test
    void another_trade_after_the_first_class_is_not_duplicate_training() {
        fixture.given(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"))
                .when(enrol("c-2", "焊工", "2020-09-01", "2020-09-20"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_same_trade_after_the_window_is_allowed() {
        fixture.given(enrolled("c-1", "电工", "2019-05-01", "2019-05-20"))
                .when(enrol("c-2", "电工", "2020-06-01", "2020-06-20"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_withdrawal_frees_the_dates_of_the_class() {
        fixture.given(enrolled("c-1", "电工", "2020-06-01", "2020-06-20"), new PersonWithdrawnEvent("pk_1", "c-1"))
                .when(enrol("c-2", "电工", "2020-06-10", "2020-06-30"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_withdrawal_is_recorded_even_for_someone_enrolled_before_people_had_records() {
        fixture.givenNoPriorActivity()
                .when(new cn.changdu.labour.training.trainee.api.RecordPersonWithdrawalCommand("pk_1", "c-1"))
                .expectEvents(new PersonWithdrawnEvent("pk_1", "c-1"));
    }

    @Test
    void consolidation_training_is_only_for_registered_poor_people_trained_since_2016_and_not_employed() {
        fixture.givenNoPriorActivity()
                .when(consolidation(true, 2018, EmploymentStatus.NOT_EMPLOYED))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(consolidation(false, 2018, EmploymentStatus.NOT_EMPLOYED))
                .expectException(violation("consolidation-training-eligible"));
        fixture.givenNoPriorActivity()
                .when(consolidation(true, 2015, EmploymentStatus.NOT_EMPLOYED))
                .expectException(violation("consolidation-training-eligible"));
        fixture.givenNoPriorActivity()
                .when(consolidation(true, null, EmploymentStatus.NOT_EMPLOYED))
                .expectException(violation("consolidation-training-eligible"));
        fixture.givenNoPriorActivity()
                .when(consolidation(true, 2018, EmploymentStatus.EMPLOYED))
                .expectException(violation("consolidation-training-eligible"));
    }

    @Test
    void an_earlier_class_recorded_here_counts_as_training_since_2016() {
        fixture.given(enrolled("c-0", "焊工", "2019-03-01", "2019-03-20"))
                .when(consolidation(true, null, EmploymentStatus.NOT_EMPLOYED))
                .expectSuccessfulHandlerExecution();
    }

    private static RecordPersonEnrolmentCommand enrol(String classId, String trade, String start, String end) {
        return new RecordPersonEnrolmentCommand("pk_1", classId, "540321", trade, TrainingCategory.OTHER_TRADES, false,
                LocalDate.parse(start), LocalDate.parse(end), false, false, null, null, null, null);
    }

    private static RecordPersonEnrolmentCommand consolidation(boolean poor, Integer year, EmploymentStatus status) {
        return new RecordPersonEnrolmentCommand("pk_1", "c-9", "540321", "藏式烹饪", TrainingCategory.TOURISM_TRADES, false,
                LocalDate.of(2020, 8, 1), LocalDate.of(2020, 8, 20), poor, true, year, status, null, null);
    }

    private static PersonEnrolledEvent enrolled(String classId, String trade, String start, String end) {
        return new PersonEnrolledEvent("pk_1", classId, "540321", trade, TrainingCategory.OTHER_TRADES, false,
                LocalDate.parse(start), LocalDate.parse(end), false, false, null, null, null, null);
    }

    private static Matcher<RuleViolation> violation(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return rule.equals(item.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of " + rule);
            }
        };
    }
}
