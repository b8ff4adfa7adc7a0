package cn.changdu.labour.projectlabor.project.model;

import cn.changdu.labour.projectlabor.project.api.CloseProjectCommand;
import cn.changdu.labour.projectlabor.project.api.DisputeCategory;
import cn.changdu.labour.projectlabor.project.api.DisputeOutcome;
import cn.changdu.labour.projectlabor.project.api.FileDisputeCommand;
import cn.changdu.labour.projectlabor.project.api.JoinProjectCommand;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeFiledEvent;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeResolvedEvent;
import cn.changdu.labour.projectlabor.project.api.LabourFilingSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.LeaveProjectCommand;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareBelowTargetEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareRecoveredEvent;
import cn.changdu.labour.projectlabor.project.api.PayCycle;
import cn.changdu.labour.projectlabor.project.api.PayWageCommand;
import cn.changdu.labour.projectlabor.project.api.PaymentChannel;
import cn.changdu.labour.projectlabor.project.api.PayrollLine;
import cn.changdu.labour.projectlabor.project.api.PayrollSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectClosedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectDetails;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectUpdatedEvent;
import cn.changdu.labour.projectlabor.project.api.RegisterProjectCommand;
import cn.changdu.labour.projectlabor.project.api.ResolveDisputeCommand;
import cn.changdu.labour.projectlabor.project.api.SubmitLabourFilingCommand;
import cn.changdu.labour.projectlabor.project.api.SubmitPayrollCommand;
import cn.changdu.labour.projectlabor.project.api.UpdateProjectCommand;
import cn.changdu.labour.projectlabor.project.api.WageArrearsChangedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsClearedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsDetectedEvent;
import cn.changdu.labour.projectlabor.project.api.WageDueScheduledEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.projectlabor.project.api.WagePeriodPastDueEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerJoinedProjectEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerLeftProjectEvent;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

class ProjectTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final ProjectDetails DETAILS = new ProjectDetails("西藏天路股份有限公司", List.of("昌都市劳务有限公司"),
            LocalDate.of(2020, 4, 1), LocalDate.of(2020, 12, 31), "中国农业银行昌都分行 农民工工资专户 2201", 10);
    private static final ProjectRegisteredEvent REGISTERED = new ProjectRegisteredEvent("p-1",
            "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120, DETAILS);
    private static final YearMonth APRIL = YearMonth.of(2020, 4);
    private static final YearMonth MAY = YearMonth.of(2020, 5);
    /** April's wages are due by 10 May (the project's pay day); the deadline fires when 10 May has passed. */
    private static final Instant APRIL_DUE_PASSED = LocalDate.of(2020, 5, 11).atStartOfDay(BEIJING).toInstant();

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    // ---- projects ----

    @Test
    void a_project_is_registered_by_its_department() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120))
                .expectEvents(new ProjectRegisteredEvent("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120,
                        ProjectDetails.none()));
    }

    @Test
    void a_project_is_registered_with_contractor_dates_and_wage_special_account() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120, DETAILS))
                .expectEvents(REGISTERED);
    }

    @Test
    void a_project_cannot_end_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProjectCommand("p-1", "x", "540302", "住建局", true, 120, new ProjectDetails(null, List.of(),
                        LocalDate.of(2020, 4, 1), LocalDate.of(2020, 3, 1), null, null)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("计划竣工日期不能早于开工日期");
    }

    @Test
    void a_project_is_updated_but_keeps_its_county_and_department() {
        fixture.given(REGISTERED)
                .when(new UpdateProjectCommand("p-1", "新名称", false, 150, DETAILS))
                .expectEvents(new ProjectUpdatedEvent("p-1", "新名称", "540302", "住建局", false, 150, DETAILS));
    }

    @Test
    void a_project_cannot_be_closed_while_workers_are_on_its_roster() {
        fixture.given(REGISTERED, joined("pk_1", true, LocalDate.of(2020, 4, 1), 1, 1))
                .when(new CloseProjectCommand("p-1", LocalDate.of(2020, 12, 31)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_closed_project_takes_no_new_workers() {
        fixture.given(REGISTERED, new ProjectClosedEvent("p-1", LocalDate.of(2020, 12, 31), "540302", "住建局"))
                .when(join("pk_1", true, LocalDate.of(2021, 1, 4)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("项目已关闭，不能再登记");
    }

    @Test
    void a_labour_filing_records_the_roster_as_filed() {
        fixture.given(REGISTERED, joined("pk_1", true, LocalDate.of(2020, 4, 1), 1, 1),
                        joined("pk_2", false, LocalDate.of(2020, 4, 1), 1, 2))
                .when(new SubmitLabourFilingCommand("p-1", "f-1", "卡若区人社局", "备案 2020-17", LocalDate.of(2020, 4, 3)))
                .expectEvents(new LabourFilingSubmittedEvent("p-1", "f-1", "卡若区人社局", "备案 2020-17",
                        LocalDate.of(2020, 4, 3), 2, 1, "540302", "住建局"));
    }

    // ---- roster ----

    @Test
    void a_worker_joins_the_real_name_roster_and_the_pay_period_is_watched() {
        fixture.given(REGISTERED)
                .when(join("pk_1", true, LocalDate.of(2020, 4, 1)))
                .expectEvents(joined("pk_1", true, LocalDate.of(2020, 4, 1), 1, 1),
                        new WageDueScheduledEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)))
                .expectScheduledDeadline(APRIL_DUE_PASSED, "2020-04");
    }

    @Test
    void a_person_is_on_a_project_roster_once() {
        fixture.given(REGISTERED, joined("pk_1", true, LocalDate.of(2020, 4, 1), 1, 1))
                .when(join("pk_1", true, LocalDate.of(2020, 5, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("此人已在本项目花名册上（在岗）");
    }

    @Test
    void a_worker_cannot_leave_before_joining() {
        fixture.given(REGISTERED, joined("pk_1", true, LocalDate.of(2020, 4, 1), 1, 1))
                .when(new LeaveProjectCommand("p-1", "pk_1", LocalDate.of(2020, 3, 31)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("离场日期不能早于进场日期");
    }

    @Test
    void a_wage_rate_finer_than_a_fen_is_refused() {
        fixture.given(REGISTERED)
                .when(new JoinProjectCommand("p-1", "pk_1", "格桑", "540302198001010015", null, true, "540302", "钢筋工",
                        new BigDecimal("5000.001"), PayCycle.MONTHLY, true, LocalDate.of(2020, 4, 1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // ---- local-labour share ----

    @Test
    void a_share_falling_below_30_percent_is_raised_when_it_crosses_the_line() {
        fixture.given(REGISTERED, joined("pk_1", true, LocalDate.of(2020, 4, 1), 1, 1),
                        joined("pk_2", false, LocalDate.of(2020, 4, 1), 1, 2),
                        joined("pk_3", false, LocalDate.of(2020, 4, 1), 1, 3),
                        new WageDueScheduledEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)))
                .when(new JoinProjectCommand("p-1", "pk_4", "次仁", "540302198001010023", null, false, null, "焊工",
                        new BigDecimal("5000"), PayCycle.MONTHLY, true, LocalDate.of(2020, 4, 2)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(WorkerJoinedProjectEvent.class),
                                org.axonframework.test.matchers.Matchers.equalTo(new LocalLabourShareBelowTargetEvent("p-1",
                                        "540302", "住建局", 1, 4, new BigDecimal("0.2500"), LocalDate.of(2020, 4, 2))),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void a_share_already_below_30_percent_raises_nothing_new_on_the_next_change() {
        fixture.given(REGISTERED, joined("pk_2", false, LocalDate.of(2020, 4, 1), 0, 1),
                        new LocalLabourShareBelowTargetEvent("p-1", "540302", "住建局", 0, 1, new BigDecimal("0.0000"),
                                LocalDate.of(2020, 4, 1)),
                        new WageDueScheduledEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)))
                .when(new JoinProjectCommand("p-1", "pk_3", "次仁", "540302198001010023", null, false, null, "焊工",
                        new BigDecimal("5000"), PayCycle.MONTHLY, true, LocalDate.of(2020, 4, 2)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(WorkerJoinedProjectEvent.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void a_share_back_at_30_percent_raises_the_recovery() {
        fixture.given(REGISTERED, joined("pk_2", false, LocalDate.of(2020, 4, 1), 0, 1),
                        joined("pk_3", false, LocalDate.of(2020, 4, 1), 0, 2),
                        new LocalLabourShareBelowTargetEvent("p-1", "540302", "住建局", 0, 2, new BigDecimal("0.0000"),
                                LocalDate.of(2020, 4, 1)),
                        new WageDueScheduledEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)),
                        joined("pk_4", false, LocalDate.of(2020, 4, 1), 0, 3),
                        joined("pk_5", true, LocalDate.of(2020, 4, 1), 1, 4),
                        joined("pk_6", true, LocalDate.of(2020, 4, 1), 2, 5),
                        joined("pk_7", true, LocalDate.of(2020, 4, 1), 3, 6),
                        joined("pk_8", false, LocalDate.of(2020, 4, 1), 3, 7),
                        joined("pk_9", false, LocalDate.of(2020, 4, 1), 3, 8),
                        joined("pk_10", false, LocalDate.of(2020, 4, 1), 3, 9),
                        joined("pk_11", false, LocalDate.of(2020, 4, 1), 3, 10),
                        joined("pk_12", false, LocalDate.of(2020, 4, 1), 3, 11))
                // 3 of 11 is 27.3%; when one non-local leaves, 3 of 10 is exactly the target
                .when(new LeaveProjectCommand("p-1", "pk_12", LocalDate.of(2020, 4, 20)))
                .expectEvents(new WorkerLeftProjectEvent("p-1", "pk_12", false, LocalDate.of(2020, 4, 1),
                                LocalDate.of(2020, 4, 20), "540302", "住建局", 3, 10),
                        new LocalLabourShareRecoveredEvent("p-1", "540302", "住建局", 3, 10, new BigDecimal("0.3000"),
                                LocalDate.of(2020, 4, 20)));
    }

    // ---- wages and arrears ----

    @Test
    void wages_unpaid_when_the_due_date_passes_are_arrears_and_the_next_period_is_watched() {
        fixture.givenCurrentTime(Instant.parse("2020-04-01T02:00:00Z"))
                .andGivenCommands(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120, DETAILS),
                        join("pk_1", true, LocalDate.of(2020, 4, 1)))
                .whenThenTimeAdvancesTo(APRIL_DUE_PASSED)
                .expectEvents(new WagePeriodPastDueEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)),
                        arrears("pk_1", APRIL, "5000.00", "5000.00"),
                        new WageDueScheduledEvent("p-1", MAY, LocalDate.of(2020, 6, 10)))
                .expectScheduledDeadline(LocalDate.of(2020, 6, 11).atStartOfDay(BEIJING).toInstant(), "2020-05");
    }

    @Test
    void wages_paid_in_full_by_the_due_date_are_no_arrears() {
        fixture.givenCurrentTime(Instant.parse("2020-04-01T02:00:00Z"))
                .andGivenCommands(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120, DETAILS),
                        join("pk_1", true, LocalDate.of(2020, 4, 1)),
                        pay("pk_1", APRIL, "5000.00", LocalDate.of(2020, 5, 8)))
                .whenThenTimeAdvancesTo(APRIL_DUE_PASSED)
                .expectEvents(new WagePeriodPastDueEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)),
                        new WageDueScheduledEvent("p-1", MAY, LocalDate.of(2020, 6, 10)));
    }

    @Test
    void a_partial_payment_before_the_due_date_leaves_the_rest_as_arrears_exact_to_the_fen() {
        fixture.givenCurrentTime(Instant.parse("2020-04-01T02:00:00Z"))
                .andGivenCommands(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120, DETAILS),
                        join("pk_1", true, LocalDate.of(2020, 4, 1)),
                        pay("pk_1", APRIL, "3333.33", LocalDate.of(2020, 5, 8)),
                        pay("pk_1", APRIL, "0.01", LocalDate.of(2020, 5, 9)))
                .whenThenTimeAdvancesTo(APRIL_DUE_PASSED)
                .expectEvents(new WagePeriodPastDueEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)),
                        arrears("pk_1", APRIL, "5000.00", "1666.66"),
                        new WageDueScheduledEvent("p-1", MAY, LocalDate.of(2020, 6, 10)));
    }

    @Test
    void arrears_found_by_a_late_entry_date_from_the_due_date_not_from_the_entrys_earlier_business_time() {
        fixture.given(afterAprilArrears())
                .when(join("pk_2", true, LocalDate.of(2020, 4, 1)), Map.of("occurredAt", "2020-04-01T02:00:00Z"))
                .expectEventsMatching(new TypeSafeMatcher<List<EventMessage<?>>>() {
                    @Override
                    protected boolean matchesSafely(List<EventMessage<?>> events) {
                        return events.stream().anyMatch(e -> e.getPayload() instanceof WageArrearsDetectedEvent detected
                                && detected.personKey().equals("pk_2")
                                && APRIL_DUE_PASSED.toString().equals(e.getMetaData().get("occurredAt")));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("pk_2's April arrears dated when April's due date passed (" + APRIL_DUE_PASSED + ")");
                    }
                });
    }

    @Test
    void a_partial_payment_after_detection_reduces_the_arrears_to_the_fen() {
        fixture.given(afterAprilArrears())
                .when(pay("pk_1", APRIL, "1999.99", LocalDate.of(2020, 5, 20)))
                .expectEvents(paid("pk_1", APRIL, "1999.99", LocalDate.of(2020, 5, 20), true),
                        new WageArrearsChangedEvent("p-1", "pk_1", APRIL, new BigDecimal("3000.01"), true, "540302", "住建局"));
    }

    @Test
    void paying_the_rest_after_detection_clears_the_arrears() {
        List<Object> history = new java.util.ArrayList<>(afterAprilArrears());
        history.add(paid("pk_1", APRIL, "1999.99", LocalDate.of(2020, 5, 20), true));
        history.add(new WageArrearsChangedEvent("p-1", "pk_1", APRIL, new BigDecimal("3000.01"), true, "540302", "住建局"));
        fixture.given(history)
                .when(pay("pk_1", APRIL, "3000.01", LocalDate.of(2020, 6, 1)))
                .expectEvents(paid("pk_1", APRIL, "3000.01", LocalDate.of(2020, 6, 1), true),
                        new WageArrearsClearedEvent("p-1", "pk_1", APRIL, true, "540302", "住建局"));
    }

    @Test
    void a_part_month_on_a_monthly_wage_is_due_pro_rata_by_calendar_days() {
        // joined 15 April: 16 of 30 days of 5000.00 = 2666.666… → 2666.67
        fixture.givenCurrentTime(Instant.parse("2020-04-15T02:00:00Z"))
                .andGivenCommands(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120, DETAILS),
                        join("pk_1", true, LocalDate.of(2020, 4, 15)))
                .whenThenTimeAdvancesTo(APRIL_DUE_PASSED)
                .expectEvents(new WagePeriodPastDueEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)),
                        arrears("pk_1", APRIL, "2666.67", "2666.67"),
                        new WageDueScheduledEvent("p-1", MAY, LocalDate.of(2020, 6, 10)));
    }

    @Test
    void a_payroll_settles_day_wages_from_the_days_worked() {
        fixture.given(REGISTERED, dayWorkerJoined())
                .when(new SubmitPayrollCommand("p-1", APRIL, List.of(new PayrollLine("pk_1", 22, null)),
                        LocalDate.of(2020, 5, 3)))
                .expectEvents(new PayrollSubmittedEvent("p-1", APRIL, List.of(new PayrollLine("pk_1", 22, new BigDecimal("4400.00"))),
                        new BigDecimal("4400.00"), LocalDate.of(2020, 5, 10), LocalDate.of(2020, 5, 3), "540302", "住建局"));
    }

    @Test
    void a_payroll_lists_only_workers_on_the_roster_in_the_period() {
        fixture.given(REGISTERED, dayWorkerJoined())
                .when(new SubmitPayrollCommand("p-1", APRIL, List.of(new PayrollLine("pk_9", 22, null)),
                        LocalDate.of(2020, 5, 3)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("工资表中的工人须在该期间内在本项目花名册上");
    }

    @Test
    void a_corrected_payroll_after_the_due_date_changes_the_arrears() {
        List<Object> history = new java.util.ArrayList<>(afterAprilArrears());
        fixture.given(history)
                .when(new SubmitPayrollCommand("p-1", APRIL, List.of(new PayrollLine("pk_1", null, new BigDecimal("5200.50"))),
                        LocalDate.of(2020, 5, 20)))
                .expectEvents(new PayrollSubmittedEvent("p-1", APRIL, List.of(new PayrollLine("pk_1", null, new BigDecimal("5200.50"))),
                                new BigDecimal("5200.50"), LocalDate.of(2020, 5, 10), LocalDate.of(2020, 5, 20), "540302", "住建局"),
                        new WageArrearsChangedEvent("p-1", "pk_1", APRIL, new BigDecimal("5200.50"), true, "540302", "住建局"));
    }

    @Test
    void a_wage_to_someone_not_on_the_roster_is_recorded_as_off_roster_and_raises_no_arrears() {
        fixture.given(REGISTERED)
                .when(pay("pk_1", YearMonth.of(2020, 6), "5400.1", LocalDate.of(2020, 7, 5)))
                .expectEvents(paid("pk_1", YearMonth.of(2020, 6), "5400.10", LocalDate.of(2020, 7, 5), false));
    }

    @Test
    void a_wage_finer_than_a_fen_is_refused() {
        fixture.given(REGISTERED)
                .when(pay("pk_1", YearMonth.of(2020, 6), "5400.005", LocalDate.of(2020, 7, 5)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_wage_cannot_be_paid_before_its_period_begins() {
        fixture.given(REGISTERED)
                .when(pay("pk_1", YearMonth.of(2020, 6), "5400.00", LocalDate.of(2020, 5, 31)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("发放日期不能早于工资所属期间的开始")
                .expectNoEvents();
    }

    @Test
    void a_worker_who_left_is_not_owed_for_later_periods_and_the_watch_stops() {
        fixture.givenCurrentTime(Instant.parse("2020-04-01T02:00:00Z"))
                .andGivenCommands(new RegisterProjectCommand("p-1", "卡若区易地扶贫搬迁安置点建设项目", "540302", "住建局", true, 120, DETAILS),
                        join("pk_1", true, LocalDate.of(2020, 4, 1)),
                        new LeaveProjectCommand("p-1", "pk_1", LocalDate.of(2020, 4, 30)),
                        pay("pk_1", APRIL, "5000.00", LocalDate.of(2020, 5, 8)))
                .whenThenTimeAdvancesTo(APRIL_DUE_PASSED)
                .expectEvents(new WagePeriodPastDueEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)))
                .expectNoScheduledDeadlines();
    }

    // ---- disputes ----

    @Test
    void a_dispute_is_resolved_with_its_outcome() {
        fixture.given(REGISTERED, filed())
                .when(new ResolveDisputeCommand("p-1", "d-1", DisputeOutcome.MEDIATED, new BigDecimal("5000"), "调解结案",
                        LocalDate.of(2020, 6, 20)))
                .expectEvents(new LabourDisputeResolvedEvent("p-1", "d-1", DisputeOutcome.MEDIATED,
                        new BigDecimal("5000.00"), "调解结案", LocalDate.of(2020, 6, 20), "540302", "住建局"));
    }

    @Test
    void a_dispute_is_resolved_once() {
        fixture.given(REGISTERED, filed(), new LabourDisputeResolvedEvent("p-1", "d-1", DisputeOutcome.WITHDRAWN, null,
                        null, LocalDate.of(2020, 6, 20), "540302", "住建局"))
                .when(new ResolveDisputeCommand("p-1", "d-1", DisputeOutcome.MEDIATED, null, null, LocalDate.of(2020, 6, 21)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("该争议已处理完毕");
    }

    @Test
    void a_dispute_is_filed_with_its_claim_to_the_fen() {
        fixture.given(REGISTERED)
                .when(new FileDisputeCommand("p-1", "d-1", "pk_1", "格桑", "540302198001010015", DisputeCategory.WAGE_ARREARS,
                        new BigDecimal("5000"), "四月工资未发", LocalDate.of(2020, 6, 1)))
                .expectEvents(filed());
    }

    // ---- helpers ----

    private static LabourDisputeFiledEvent filed() {
        return new LabourDisputeFiledEvent("p-1", "d-1", "pk_1", "格桑", "540302198001010015", DisputeCategory.WAGE_ARREARS,
                new BigDecimal("5000.00"), "四月工资未发", LocalDate.of(2020, 6, 1), "540302", "住建局", true);
    }

    private static List<Object> afterAprilArrears() {
        return List.of(REGISTERED, joined("pk_1", true, LocalDate.of(2020, 4, 1), 1, 1),
                new WageDueScheduledEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)),
                new WagePeriodPastDueEvent("p-1", APRIL, LocalDate.of(2020, 5, 10)),
                arrears("pk_1", APRIL, "5000.00", "5000.00"),
                new WageDueScheduledEvent("p-1", MAY, LocalDate.of(2020, 6, 10)));
    }

    private static WorkerJoinedProjectEvent dayWorkerJoined() {
        return new WorkerJoinedProjectEvent("p-1", "pk_1", "格桑", "540302198001010015", null, true, "540302", "钢筋工",
                new BigDecimal("200.00"), PayCycle.DAILY, true, LocalDate.of(2020, 4, 1), "540302", "住建局", true, 1, 1);
    }

    private static WageArrearsDetectedEvent arrears(String personKey, YearMonth period, String due, String outstanding) {
        return new WageArrearsDetectedEvent("p-1", personKey, "格桑", period, new BigDecimal(due),
                new BigDecimal(outstanding), period.plusMonths(1).atDay(10), true, "540302", "住建局");
    }

    private static JoinProjectCommand join(String personKey, boolean local, LocalDate on) {
        return new JoinProjectCommand("p-1", personKey, "格桑", "540302198001010015", "13800000000", local,
                local ? "540302" : null, "钢筋工", new BigDecimal("5000"), PayCycle.MONTHLY, true, on);
    }

    private static WorkerJoinedProjectEvent joined(String personKey, boolean local, LocalDate on, int locals, int total) {
        return new WorkerJoinedProjectEvent("p-1", personKey, "格桑", "540302198001010015", "13800000000", local,
                local ? "540302" : null, "钢筋工", new BigDecimal("5000.00"), PayCycle.MONTHLY, true, on, "540302", "住建局",
                true, locals, total);
    }

    private static PayWageCommand pay(String personKey, YearMonth period, String amount, LocalDate paidOn) {
        return new PayWageCommand("p-1", "w-1", personKey, "格桑", "540302198001010015", period,
                new BigDecimal(amount), paidOn, PaymentChannel.WAGE_SPECIAL_ACCOUNT);
    }

    private static WagePaidEvent paid(String personKey, YearMonth period, String amount, LocalDate paidOn, boolean onRoster) {
        return new WagePaidEvent("p-1", "w-1", personKey, "格桑", "540302198001010015", period, new BigDecimal(amount),
                paidOn, "540302", PaymentChannel.WAGE_SPECIAL_ACCOUNT, onRoster);
    }
}
