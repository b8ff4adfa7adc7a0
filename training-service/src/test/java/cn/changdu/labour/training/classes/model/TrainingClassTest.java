package cn.changdu.labour.training.classes.model;

import cn.changdu.labour.training.plan.api.TrainingCategory;
import cn.changdu.labour.training.plan.api.EmploymentStatus;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.training.classes.api.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingClassTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2020, 6, 1);
    private static final LocalDate JUNE_20 = LocalDate.of(2020, 6, 20);
    /** 10:00 Beijing time on 20 May 2020, a Wednesday: 7 working days before 1 June. */
    private static final Map<String, String> FILED_20_MAY = meta("2020-05-20T02:00:00Z", "officer-1");
    private static final ClassFiledEvent ELECTRICIANS_FILED = new ClassFiledEvent("c-1", "540321", "江达县职业技能培训中心",
            "电工", 2, JUNE_1, JUNE_20, OrganiserType.INSTITUTION, TrainingCategory.RAILWAY_RESERVE, DeliveryMode.VILLAGE,
            false, null, true, new BigDecimal("1500.00"), LocalDate.of(2020, 5, 20), LocalDate.of(2020, 5, 25));

    private AggregateTestFixture<TrainingClass> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrainingClass.class);
        fixture.registerInjectableResource(Policies.PLAN);
    }

    private static Map<String, String> meta(String occurredAt, String actor) {
        return Map.of("occurredAt", occurredAt, "actorId", actor);
    }

    private static FileClassCommand filing(LocalDate start, LocalDate end, String reason, String approver) {
        return new FileClassCommand("c-1", "540321", "江达县职业技能培训中心", "电工", 2, start, end, null, null, null,
                false, null, true, new BigDecimal("1500"), reason, approver);
    }

    // ------------------------------------------------------------------ filing (开班报备)

    @Test
    void a_class_is_filed_with_its_county_trade_category_size_dates_and_subsidy_standard() {
        fixture.givenNoPriorActivity()
                .when(filing(JUNE_1, JUNE_20, null, null), FILED_20_MAY)
                .expectSuccessfulHandlerExecution()
                .expectEvents(ELECTRICIANS_FILED);
    }

    @Test
    void a_class_cannot_end_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(filing(JUNE_20, JUNE_1, null, null), FILED_20_MAY)
                .expectException(RuleViolation.class)
                .expectExceptionMessage("结束日期不能早于开班日期")
                .expectNoEvents();
    }

    @Test
    void the_trade_must_be_in_the_catalogue() {
        fixture.givenNoPriorActivity()
                .when(new FileClassCommand("c-1", "540321", "培训中心", "算命", 2, JUNE_1, JUNE_20), FILED_20_MAY)
                .expectException(violation("trade-in-catalogue"))
                .expectNoEvents();
    }

    @Test
    void an_order_directed_class_names_its_employer() {
        fixture.givenNoPriorActivity()
                .when(new FileClassCommand("c-1", "540321", "培训中心", "电工", 2, JUNE_1, JUNE_20, null, null, null,
                        true, " ", true, null, null, null), FILED_20_MAY)
                .expectException(violation("order-directed-names-employer"))
                .expectNoEvents();
    }

    @Test
    void a_class_is_filed_at_least_5_working_days_before_it_starts() {
        // 1 June is a Monday: the 5th working day before it is Monday 25 May
        fixture.givenNoPriorActivity()
                .when(filing(JUNE_1, JUNE_20, null, null), meta("2020-05-25T09:00:00Z", "officer-1"))
                .expectEvents(new ClassFiledEvent("c-1", "540321", "江达县职业技能培训中心", "电工", 2, JUNE_1, JUNE_20,
                        OrganiserType.INSTITUTION, TrainingCategory.RAILWAY_RESERVE, DeliveryMode.VILLAGE, false, null,
                        true, new BigDecimal("1500.00"), LocalDate.of(2020, 5, 25), LocalDate.of(2020, 5, 25)));
    }

    @Test
    void filing_later_than_5_working_days_before_the_start_is_refused_without_an_approval() {
        fixture.givenNoPriorActivity()
                .when(filing(JUNE_1, JUNE_20, null, null), meta("2020-05-26T02:00:00Z", "officer-1"))
                .expectException(violation("class-filed-5-working-days-before-start"))
                .expectNoEvents();
    }

    @Test
    void working_days_skip_weekends_and_holidays_and_count_make_up_working_days() {
        // start Wednesday 6 May 2020: 1, 4, 5 May are holidays, Sunday 26 April is a working day
        assertThat(Policies.PLAN.latestFilingDate(LocalDate.of(2020, 5, 6))).isEqualTo(LocalDate.of(2020, 4, 26));
        // start Monday 11 May: Saturday 9 May is a working day
        assertThat(Policies.PLAN.latestFilingDate(LocalDate.of(2020, 5, 11))).isEqualTo(LocalDate.of(2020, 4, 30));
        fixture.givenNoPriorActivity()
                .when(filing(LocalDate.of(2020, 5, 6), LocalDate.of(2020, 5, 29), null, null),
                        meta("2020-04-27T02:00:00Z", "officer-1"))
                .expectException(violation("class-filed-5-working-days-before-start"));
    }

    @Test
    void a_late_filing_is_allowed_with_an_approval_naming_reason_and_approver() {
        fixture.givenNoPriorActivity()
                .when(filing(JUNE_1, JUNE_20, "企业订单临时下达", "局长 张三"), meta("2020-05-28T02:00:00Z", "officer-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClassFiledEvent("c-1", "540321", "江达县职业技能培训中心", "电工", 2, JUNE_1, JUNE_20,
                                OrganiserType.INSTITUTION, TrainingCategory.RAILWAY_RESERVE, DeliveryMode.VILLAGE, false,
                                null, true, new BigDecimal("1500.00"), LocalDate.of(2020, 5, 28), LocalDate.of(2020, 5, 25)),
                        new LateFilingApprovedEvent("c-1", "540321", "企业订单临时下达", "局长 张三", JUNE_1,
                                LocalDate.of(2020, 5, 28), LocalDate.of(2020, 5, 25)));
    }

    @Test
    void the_filer_cannot_approve_their_own_late_filing() {
        fixture.givenNoPriorActivity()
                .when(filing(JUNE_1, JUNE_20, "临时", "officer-1"), meta("2020-05-28T02:00:00Z", "officer-1"))
                .expectException(violation("late-filing-approved-by-another"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ roster

    @Test
    void a_trainee_is_enrolled_by_real_name_and_published_by_key() {
        fixture.given(ELECTRICIANS_FILED)
                .when(new EnrolTraineeCommand("c-1", "pk_1", "扎西", "540321199003150018", "岗托镇", null))
                .expectEvents(new TraineeEnrolledEvent("c-1", "pk_1", "扎西", "540321199003150018", "岗托镇", null,
                        "540321", "电工"))
                .expectResultMessagePayload(new ClassFacts("c-1", "540321", "电工", TrainingCategory.RAILWAY_RESERVE,
                        false, JUNE_1, JUNE_20));
    }

    @Test
    void a_person_is_enrolled_in_a_class_only_once() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"))
                .when(new EnrolTraineeCommand("c-1", "pk_1", "扎西", "540321199003150018", "岗托镇", null))
                .expectException(violation("trainee-enrolled-once-per-class"))
                .expectNoEvents();
    }

    @Test
    void the_class_size_cannot_exceed_the_plan() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"))
                .when(new EnrolTraineeCommand("c-1", "pk_3", "次仁", "540321199003150026", "岗托镇", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("班级已满：计划人数 2 人，超出须先登记计划变更")
                .expectNoEvents();
    }

    @Test
    void the_class_size_may_exceed_the_original_plan_after_a_recorded_change() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"),
                        new PlannedSizeChangedEvent("c-1", "540321", 2, 3, "报名踊跃"))
                .when(new EnrolTraineeCommand("c-1", "pk_3", "次仁", "540321199003150026", "岗托镇", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_planned_size_cannot_be_changed_below_the_enrolled_trainees_nor_without_a_reason() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"))
                .when(new ChangePlannedSizeCommand("c-1", 1, "缩减"))
                .expectException(violation("planned-size-not-below-enrolled"));
        fixture.given(ELECTRICIANS_FILED)
                .when(new ChangePlannedSizeCommand("c-1", 5, ""))
                .expectException(violation("planned-size-change-has-reason"));
        fixture.given(ELECTRICIANS_FILED)
                .when(new ChangePlannedSizeCommand("c-1", 5, "报名踊跃"))
                .expectEvents(new PlannedSizeChangedEvent("c-1", "540321", 2, 5, "报名踊跃"));
    }

    @Test
    void a_withdrawn_trainee_frees_a_place_in_the_class() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"),
                        new TraineeWithdrawnEvent("c-1", "pk_2", "540321", "外出务工", JUNE_1))
                .when(new EnrolTraineeCommand("c-1", "pk_3", "次仁", "540321199003150026", "岗托镇", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_trainee_is_withdrawn_only_from_a_class_they_are_in() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"))
                .when(new WithdrawTraineeCommand("c-1", "pk_9", "外出"), meta("2020-06-02T02:00:00Z", "officer-1"))
                .expectException(violation("trainee-enrolled-in-class"));
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"))
                .when(new WithdrawTraineeCommand("c-1", "pk_1", "外出务工"), meta("2020-06-02T02:00:00Z", "officer-1"))
                .expectEvents(new TraineeWithdrawnEvent("c-1", "pk_1", "540321", "外出务工", LocalDate.of(2020, 6, 2)));
    }

    // ------------------------------------------------------------------ attendance, inspection, assessment, completion

    @Test
    void attendance_is_recorded_per_day_within_the_class_dates_for_enrolled_trainees() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"))
                .when(new RecordAttendanceCommand("c-1", LocalDate.of(2020, 6, 2), List.of("pk_1")))
                .expectEvents(new AttendanceRecordedEvent("c-1", "540321", LocalDate.of(2020, 6, 2), List.of("pk_1"),
                        List.of("pk_2")));
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"))
                .when(new RecordAttendanceCommand("c-1", LocalDate.of(2020, 6, 21), List.of("pk_1")))
                .expectException(violation("attendance-within-class-dates"));
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"))
                .when(new RecordAttendanceCommand("c-1", LocalDate.of(2020, 6, 2), List.of("pk_7")))
                .expectException(violation("attendance-of-enrolled-trainees"));
    }

    @Test
    void an_inspection_covers_the_five_items_of_the_plan_within_the_class_dates() {
        fixture.given(ELECTRICIANS_FILED)
                .when(new InspectClassCommand("c-1", "督导 李四", LocalDate.of(2020, 6, 5), allItems(true)))
                .expectEvents(new ClassInspectedEvent("c-1", "540321", 1, "督导 李四", LocalDate.of(2020, 6, 5),
                        allItems(true)));
        fixture.given(ELECTRICIANS_FILED)
                .when(new InspectClassCommand("c-1", "督导 李四", LocalDate.of(2020, 5, 30), allItems(true)))
                .expectException(violation("inspection-within-class-dates"));
        fixture.given(ELECTRICIANS_FILED)
                .when(new InspectClassCommand("c-1", "督导 李四", LocalDate.of(2020, 6, 5), allItems(true).subList(0, 4)))
                .expectException(violation("inspection-covers-five-items"));
        fixture.given(ELECTRICIANS_FILED)
                .when(new InspectClassCommand("c-1", " ", LocalDate.of(2020, 6, 5), allItems(true)))
                .expectException(violation("inspection-names-inspector"));
    }

    @Test
    void a_class_cannot_be_completed_with_fewer_than_two_inspections() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), assessed("pk_1", true), inspected(1))
                .when(new CompleteClassCommand("c-1"), meta("2020-06-21T02:00:00Z", "officer-1"))
                .expectException(violation("class-inspected-at-least-twice"))
                .expectNoEvents();
    }

    @Test
    void a_class_is_completed_after_its_end_with_every_trainee_assessed_and_its_pass_rate() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"), assessed("pk_1", true),
                        assessed("pk_2", false), inspected(1), inspected(2))
                .when(new CompleteClassCommand("c-1"), meta("2020-06-21T02:00:00Z", "officer-1"))
                .expectEvents(new ClassCompletedEvent("c-1", "540321", "电工", TrainingCategory.RAILWAY_RESERVE, false,
                        JUNE_20, LocalDate.of(2020, 6, 21), 2, 1, new BigDecimal("0.5000"), 2));
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"), assessed("pk_1", true), inspected(1), inspected(2))
                .when(new CompleteClassCommand("c-1"), meta("2020-06-21T02:00:00Z", "officer-1"))
                .expectException(violation("every-trainee-assessed"));
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), assessed("pk_1", true), inspected(1), inspected(2))
                .when(new CompleteClassCommand("c-1"), meta("2020-06-19T02:00:00Z", "officer-1"))
                .expectException(violation("class-completed-after-it-ends"));
    }

    @Test
    void a_completed_class_takes_no_more_trainees() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), assessed("pk_1", true), inspected(1), inspected(2), completed(1, 1))
                .when(new EnrolTraineeCommand("c-1", "pk_2", "次仁", "540321199003150026", null, null))
                .expectException(violation("class-not-completed"));
    }

    // ------------------------------------------------------------------ subsidy

    @Test
    void the_subsidy_is_the_standard_plus_450_yuan_for_the_general_curriculum() {
        fixture.given(completedWithPassedTrainee())
                .when(new ClaimSubsidyCommand("c-1", "pk_1"), meta("2020-06-25T02:00:00Z", "clerk-1"))
                .expectEvents(new SubsidyClaimedEvent("c-1", "pk_1", "540321", new BigDecimal("1950.00"), "clerk-1",
                        LocalDate.of(2020, 6, 25)));
    }

    @Test
    void the_subsidy_is_claimable_only_after_completion() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), assessed("pk_1", true))
                .when(new ClaimSubsidyCommand("c-1", "pk_1"), meta("2020-06-25T02:00:00Z", "clerk-1"))
                .expectException(violation("subsidy-after-completion"));
    }

    @Test
    void the_subsidy_is_only_for_trainees_who_passed() {
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2"), assessed("pk_1", true),
                        assessed("pk_2", false), inspected(1), inspected(2), completed(2, 1))
                .when(new ClaimSubsidyCommand("c-1", "pk_2"), meta("2020-06-25T02:00:00Z", "clerk-1"))
                .expectException(violation("subsidy-only-for-passed-trainees"));
    }

    @Test
    void the_subsidy_needs_the_attendance_threshold() {
        List<Object> history = new java.util.ArrayList<>(List.of(ELECTRICIANS_FILED, enrolled("pk_1"), enrolled("pk_2")));
        // pk_1 present on 4 of 5 days (80 %: enough), pk_2 on 3 of 5 (60 %: not)
        for (int day = 1; day <= 5; day++) {
            List<String> present = day <= 3 ? List.of("pk_1", "pk_2") : day == 4 ? List.of("pk_1") : List.of();
            List<String> absent = day <= 3 ? List.of() : day == 4 ? List.of("pk_2") : List.of("pk_1", "pk_2");
            history.add(new AttendanceRecordedEvent("c-1", "540321", JUNE_1.plusDays(day), present, absent));
        }
        history.add(new AttendanceRecordedEvent("c-1", "540321", JUNE_1.plusDays(5), List.of("pk_1"), List.of("pk_2")));
        history.addAll(List.of(assessed("pk_1", true), assessed("pk_2", true), inspected(1), inspected(2), completed(2, 2)));
        fixture.given(history)
                .when(new ClaimSubsidyCommand("c-1", "pk_2"), meta("2020-06-25T02:00:00Z", "clerk-1"))
                .expectException(violation("subsidy-attendance-threshold"));
        fixture.given(history)
                .when(new ClaimSubsidyCommand("c-1", "pk_1"), meta("2020-06-25T02:00:00Z", "clerk-1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void no_person_is_subsidised_twice_for_one_class() {
        fixture.given(append(completedWithPassedTrainee(), claimed()))
                .when(new ClaimSubsidyCommand("c-1", "pk_1"), meta("2020-06-26T02:00:00Z", "clerk-1"))
                .expectException(violation("subsidy-once-per-person-per-class"))
                .expectNoEvents();
    }

    @Test
    void a_subsidy_is_approved_by_someone_other_than_the_claimant_and_then_paid() {
        fixture.given(append(completedWithPassedTrainee(), claimed()))
                .when(new ApproveSubsidyCommand("c-1", "pk_1"), meta("2020-06-26T02:00:00Z", "clerk-1"))
                .expectException(violation("subsidy-approved-by-another"))
                .expectNoEvents();
        fixture.given(append(completedWithPassedTrainee(), claimed()))
                .when(new ApproveSubsidyCommand("c-1", "pk_1"), meta("2020-06-26T02:00:00Z", "head-1"))
                .expectEvents(new SubsidyApprovedEvent("c-1", "pk_1", "540321", new BigDecimal("1950.00"), "head-1",
                        LocalDate.of(2020, 6, 26)));
        fixture.given(append(completedWithPassedTrainee(), claimed()))
                .when(new PaySubsidyCommand("c-1", "pk_1"), meta("2020-06-27T02:00:00Z", "cashier-1"))
                .expectException(violation("subsidy-claim-approved"));
        fixture.given(append(completedWithPassedTrainee(), claimed(), new SubsidyApprovedEvent("c-1", "pk_1", "540321",
                        new BigDecimal("1950.00"), "head-1", LocalDate.of(2020, 6, 26))))
                .when(new PaySubsidyCommand("c-1", "pk_1"), meta("2020-06-27T02:00:00Z", "cashier-1"))
                .expectEvents(new SubsidyPaidEvent("c-1", "pk_1", "540321", new BigDecimal("1950.00"), LocalDate.of(2020, 6, 27)));
    }

    @Test
    void a_rejected_claim_has_a_reason_and_may_be_claimed_again() {
        fixture.given(append(completedWithPassedTrainee(), claimed()))
                .when(new RejectSubsidyCommand("c-1", "pk_1", "材料不全"), meta("2020-06-26T02:00:00Z", "head-1"))
                .expectEvents(new SubsidyRejectedEvent("c-1", "pk_1", "540321", new BigDecimal("1950.00"), "head-1",
                        "材料不全", LocalDate.of(2020, 6, 26)));
        fixture.given(append(completedWithPassedTrainee(), claimed(), new SubsidyRejectedEvent("c-1", "pk_1", "540321",
                        new BigDecimal("1950.00"), "head-1", "材料不全", LocalDate.of(2020, 6, 26))))
                .when(new ClaimSubsidyCommand("c-1", "pk_1"), meta("2020-06-28T02:00:00Z", "clerk-1"))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ after training

    @Test
    void jobs_are_recommended_and_follow_ups_recorded_for_qualified_trainees_with_their_employment_status() {
        fixture.given(completedWithPassedTrainee())
                .when(new RecommendJobCommand("c-1", "pk_1", "华能水电", "电工"), meta("2020-06-28T02:00:00Z", "officer-1"))
                .expectEvents(new JobRecommendedEvent("c-1", "pk_1", "540321", "华能水电", "电工", LocalDate.of(2020, 6, 28),
                        1, JUNE_20));
        fixture.given(append(completedWithPassedTrainee(), new FollowUpRecordedEvent("c-1", "pk_1", "540321",
                        LocalDate.of(2020, 7, 1), 1, EmploymentStatus.NOT_EMPLOYED, null, null, JUNE_20)))
                .when(new RecordFollowUpCommand("c-1", "pk_1", EmploymentStatus.EMPLOYED, "华能水电", null),
                        meta("2020-09-20T02:00:00Z", "officer-1"))
                .expectEvents(new FollowUpRecordedEvent("c-1", "pk_1", "540321", LocalDate.of(2020, 9, 20), 2,
                        EmploymentStatus.EMPLOYED, "华能水电", null, JUNE_20));
        fixture.given(ELECTRICIANS_FILED, enrolled("pk_1"), assessed("pk_1", false))
                .when(new RecommendJobCommand("c-1", "pk_1", "华能水电", null), meta("2020-06-28T02:00:00Z", "officer-1"))
                .expectException(violation("after-training-for-qualified-trainees"));
    }

    // ------------------------------------------------------------------ helpers

    private static org.hamcrest.Matcher<RuleViolation> violation(String rule) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return rule.equals(item.rule());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a violation of " + rule);
            }
        };
    }

    private static List<InspectionResult> allItems(boolean passed) {
        return Arrays.stream(InspectionItem.values()).map(i -> new InspectionResult(i, passed, null)).toList();
    }

    private static TraineeEnrolledEvent enrolled(String personKey) {
        return new TraineeEnrolledEvent("c-1", personKey, "某人", "540321199003150018", null, null, "540321", "电工");
    }

    private static TraineeAssessedEvent assessed(String personKey, boolean passed) {
        return new TraineeAssessedEvent("c-1", personKey, "540321", passed, JUNE_20);
    }

    private static ClassInspectedEvent inspected(int number) {
        return new ClassInspectedEvent("c-1", "540321", number, "督导", JUNE_1.plusDays(number), allItems(true));
    }

    private static ClassCompletedEvent completed(int trainees, int passed) {
        return new ClassCompletedEvent("c-1", "540321", "电工", TrainingCategory.RAILWAY_RESERVE, false, JUNE_20,
                LocalDate.of(2020, 6, 21), trainees, passed, BigDecimal.ONE, 2);
    }

    private static SubsidyClaimedEvent claimed() {
        return new SubsidyClaimedEvent("c-1", "pk_1", "540321", new BigDecimal("1950.00"), "clerk-1", LocalDate.of(2020, 6, 25));
    }

    private static List<Object> completedWithPassedTrainee() {
        return List.of(ELECTRICIANS_FILED, enrolled("pk_1"), assessed("pk_1", true), inspected(1), inspected(2), completed(1, 1));
    }

    private static List<Object> append(List<Object> history, Object... more) {
        List<Object> all = new java.util.ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }
}
