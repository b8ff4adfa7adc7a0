package cn.changdu.labour.employment.placement.model;

import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.EndReason;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.employment.VerificationStatus;
import cn.changdu.labour.employment.placement.api.DecideOutOfRegionSubsidyCommand;
import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.GrantIntermediarySubsidyCommand;
import cn.changdu.labour.employment.placement.api.IntermediarySubsidyGrantedEvent;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyGrantedEvent;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyPolicy;
import cn.changdu.labour.employment.placement.api.OutOfRegionSubsidyRejectedEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerificationOverdueEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerifiedEvent;
import cn.changdu.labour.employment.placement.api.EndEmploymentCommand;
import cn.changdu.labour.employment.placement.api.IncomeReportedEvent;
import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import cn.changdu.labour.employment.placement.api.ReportIncomeCommand;
import cn.changdu.labour.employment.placement.api.VerificationDue;
import cn.changdu.labour.employment.placement.api.VerifyEmploymentCommand;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import cn.changdu.labour.kernel.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerTest {

    private static final LocalDate START = LocalDate.of(2020, 7, 1);
    /** Midnight of the start day in Beijing. */
    private static final Instant START_OF_JOB = Instant.parse("2020-06-30T16:00:00Z");

    private AggregateTestFixture<Worker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Worker.class);
    }

    // ---------------------------------------------------------------- placement

    @Test
    void a_worker_is_placed_through_a_channel_and_the_3_month_check_is_scheduled() {
        ResultValidator<Worker> result = fixture.givenNoPriorActivity()
                .when(place("pl-1", TransferChannel.CONSTRUCTION_PROJECT, Destination.IN_COUNTY, PlacementDetails.NONE))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadlineWithName(Instant.parse("2020-09-30T16:00:00Z"), VerificationDue.DEADLINE)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.sequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.equalTo(placed("pl-1"))),
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(PlacementDetailsRecordedEvent.class))));
        assertThat(result).isNotNull();
    }

    @Test
    void government_organised_out_of_region_work_is_flagged_and_the_channel_defaults_to_the_government() {
        fixture.givenNoPriorActivity()
                .when(place("pl-1", TransferChannel.ORGANISED_OUT_OF_REGION, Destination.OUT_OF_REGION,
                        details(null, "广东省", null, "class-9", null, "hh-1")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(WorkerPlacedEvent.class),
                                new org.hamcrest.CustomMatcher<Object>("government-organised details") {
                                            @Override
                                            public boolean matches(Object o) {
                                                return o instanceof PlacementDetailsRecordedEvent d
                                                        && d.organisedBy() == OrganisedBy.GOVERNMENT
                                                        && d.governmentOrganisedOutOfRegion()
                                                        && "广东省".equals(d.destinationProvince())
                                                        && "class-9".equals(d.trainingClassId())
                                                        && "hh-1".equals(d.householdId())
                                                        && LocalDate.of(2020, 10, 1).equals(d.verificationDueOn());
                                            }
                                        },
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void a_person_has_at_most_one_active_placement() {
        fixture.given(placed("pl-1"))
                .when(place("pl-2", TransferChannel.CONSTRUCTION_PROJECT, Destination.IN_COUNTY, PlacementDetails.NONE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("此人已有在岗的就业记录，须先登记离岗才能再次登记")
                .expectNoEvents();
    }

    @Test
    void a_person_may_be_placed_again_once_the_first_placement_has_ended() {
        fixture.given(placed("pl-1"), ended("pl-1", LocalDate.of(2020, 8, 31)))
                .when(place("pl-2", TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, PlacementDetails.NONE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void income_is_exact_to_the_fen() {
        fixture.givenNoPriorActivity()
                .when(new PlaceWorkerCommand("pk_1", "pl-1", "次仁", "540322198805060019", "540322",
                        TransferChannel.CONSTRUCTION_PROJECT, Destination.IN_COUNTY, "贡觉县建筑公司", START,
                        new BigDecimal("4500.001")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_intermediary_is_named_only_for_the_social_forces_channel() {
        fixture.givenNoPriorActivity()
                .when(place("pl-1", TransferChannel.PRIVATE_ENTERPRISE, Destination.IN_COUNTY,
                        details(null, null, "im-1", null, null, null)))
                .expectException(violation("intermediary-only-for-social-forces"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(place("pl-1", TransferChannel.SOCIAL_FORCES, Destination.IN_TIBET,
                        details(OrganisedBy.LABOUR_MARKET_BODY, null, "im-1", null, null, null)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_destination_province_is_named_only_for_out_of_region_work() {
        fixture.givenNoPriorActivity()
                .when(place("pl-1", TransferChannel.LOCAL_INDUSTRY, Destination.IN_TIBET,
                        details(null, "四川省", null, null, null, null)))
                .expectException(violation("province-only-out-of-region"))
                .expectNoEvents();
    }

    @Test
    void a_project_is_named_only_for_the_construction_channel() {
        fixture.givenNoPriorActivity()
                .when(place("pl-1", TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY,
                        details(null, null, null, null, "prj-1", null)))
                .expectException(violation("project-only-for-construction"))
                .expectNoEvents();
    }

    @Test
    void organised_out_of_region_cooperation_cannot_be_self_organised() {
        fixture.givenNoPriorActivity()
                .when(place("pl-1", TransferChannel.ORGANISED_OUT_OF_REGION, Destination.OUT_OF_REGION,
                        details(OrganisedBy.SELF, null, null, null, null, null)))
                .expectException(violation("organised-channel-needs-an-organiser"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- the 3-month verification deadline

    @Test
    void the_3_month_check_is_not_overdue_before_its_due_day() {
        fixture.givenCurrentTime(START_OF_JOB)
                .andGivenCommands(place("pl-1", TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, PlacementDetails.NONE))
                .whenTimeElapses(Duration.ofDays(91))
                .expectNoEvents()
                .expectTriggeredDeadlines();
    }

    @Test
    void the_3_month_check_not_done_by_its_due_day_shows_as_overdue() {
        fixture.givenCurrentTime(START_OF_JOB)
                .andGivenCommands(place("pl-1", TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, PlacementDetails.NONE))
                .whenTimeElapses(Duration.ofDays(92))
                .expectEvents(new EmploymentVerificationOverdueEvent("pk_1", "pl-1", "540322", LocalDate.of(2020, 10, 1)));
    }

    @Test
    void a_check_done_in_time_cancels_the_deadline() {
        fixture.givenCurrentTime(START_OF_JOB)
                .andGivenCommands(place("pl-1", TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, PlacementDetails.NONE),
                        new VerifyEmploymentCommand("pk_1", "pl-1", LocalDate.of(2020, 9, 28), VerificationStatus.STILL_EMPLOYED, null))
                .whenTimeElapses(Duration.ofDays(120))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void an_ended_placement_needs_no_check() {
        fixture.givenCurrentTime(START_OF_JOB)
                .andGivenCommands(place("pl-1", TransferChannel.LOCAL_INDUSTRY, Destination.IN_COUNTY, PlacementDetails.NONE),
                        new EndEmploymentCommand("pk_1", "pl-1", LocalDate.of(2020, 8, 1), EndReason.RESIGNED, null))
                .whenTimeElapses(Duration.ofDays(120))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_late_check_is_recorded_as_late_and_clears_the_overdue_flag() {
        fixture.given(placed("pl-1"), details("pl-1"),
                        new EmploymentVerificationOverdueEvent("pk_1", "pl-1", "540322", LocalDate.of(2020, 10, 1)))
                .when(new VerifyEmploymentCommand("pk_1", "pl-1", LocalDate.of(2020, 10, 9), VerificationStatus.CHANGED_JOB, "换到同县另一工地"))
                .expectEvents(new EmploymentVerifiedEvent("pk_1", "pl-1", "540322", LocalDate.of(2020, 10, 9),
                        VerificationStatus.CHANGED_JOB, "换到同县另一工地", true));
    }

    @Test
    void employment_is_verified_once_per_placement() {
        fixture.given(placed("pl-1"), details("pl-1"), new EmploymentVerifiedEvent("pk_1", "pl-1", "540322",
                        LocalDate.of(2020, 9, 30), VerificationStatus.STILL_EMPLOYED, null, false))
                .when(new VerifyEmploymentCommand("pk_1", "pl-1", LocalDate.of(2020, 10, 2), VerificationStatus.STILL_EMPLOYED, null))
                .expectException(violation("employment-verified-once"))
                .expectNoEvents();
    }

    @Test
    void a_check_cannot_be_dated_before_the_job_started() {
        fixture.given(placed("pl-1"), details("pl-1"))
                .when(new VerifyEmploymentCommand("pk_1", "pl-1", LocalDate.of(2020, 6, 30), VerificationStatus.STILL_EMPLOYED, null))
                .expectException(violation("verification-not-before-start"))
                .expectNoEvents();
    }

    @Test
    void only_a_placement_of_this_person_can_be_verified_ended_or_paid() {
        fixture.given(placed("pl-1"))
                .when(new VerifyEmploymentCommand("pk_1", "pl-9", LocalDate.of(2020, 9, 30), VerificationStatus.STILL_EMPLOYED, null))
                .expectException(violation("placement-of-this-person"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- end of employment

    @Test
    void employment_ends_once_and_not_before_it_started() {
        fixture.given(placed("pl-1"), details("pl-1"))
                .when(new EndEmploymentCommand("pk_1", "pl-1", LocalDate.of(2020, 6, 1), EndReason.OTHER, null))
                .expectException(violation("end-not-before-start"))
                .expectNoEvents();
        fixture.given(placed("pl-1"), details("pl-1"), ended("pl-1", LocalDate.of(2020, 8, 31)))
                .when(new EndEmploymentCommand("pk_1", "pl-1", LocalDate.of(2020, 9, 1), EndReason.OTHER, null))
                .expectException(violation("employment-ended-once"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- income per period

    @Test
    void income_is_reported_once_per_month_exact_to_the_fen() {
        fixture.given(placed("pl-1"), details("pl-1"))
                .when(new ReportIncomeCommand("pk_1", "pl-1", YearMonth.of(2020, 7), new BigDecimal("4500.5")))
                .expectEvents(new IncomeReportedEvent("pk_1", "pl-1", "540322", TransferChannel.CONSTRUCTION_PROJECT,
                        YearMonth.of(2020, 7), new BigDecimal("4500.50")));
        fixture.given(placed("pl-1"), details("pl-1"), new IncomeReportedEvent("pk_1", "pl-1", "540322",
                        TransferChannel.CONSTRUCTION_PROJECT, YearMonth.of(2020, 7), new BigDecimal("4500.50")))
                .when(new ReportIncomeCommand("pk_1", "pl-1", YearMonth.of(2020, 7), new BigDecimal("100.00")))
                .expectException(violation("income-once-per-period"))
                .expectNoEvents();
        fixture.given(placed("pl-1"))
                .when(new ReportIncomeCommand("pk_1", "pl-1", YearMonth.of(2020, 7), new BigDecimal("0.001")))
                .expectException(violation("income-exact-to-the-fen"))
                .expectNoEvents();
    }

    @Test
    void income_is_reported_only_for_months_of_the_placement() {
        fixture.given(placed("pl-1"))
                .when(new ReportIncomeCommand("pk_1", "pl-1", YearMonth.of(2020, 6), new BigDecimal("100.00")))
                .expectException(violation("income-within-placement"))
                .expectNoEvents();
        fixture.given(placed("pl-1"), ended("pl-1", LocalDate.of(2020, 8, 31)))
                .when(new ReportIncomeCommand("pk_1", "pl-1", YearMonth.of(2020, 9), new BigDecimal("100.00")))
                .expectException(violation("income-within-placement"))
                .expectNoEvents();
        // income of an ended placement may still be reported late for its months
        fixture.given(placed("pl-1"), ended("pl-1", LocalDate.of(2020, 8, 31)))
                .when(new ReportIncomeCommand("pk_1", "pl-1", YearMonth.of(2020, 8), new BigDecimal("100.00")))
                .expectSuccessfulHandlerExecution();
    }

    // ---------------------------------------------------------------- subsidies

    private static final OutOfRegionSubsidyPolicy POLICY = new OutOfRegionSubsidyPolicy(new BigDecimal("1000.00"), true, true);

    private static PlacementDetailsRecordedEvent outOfRegionDetails(OrganisedBy organisedBy, String intermediaryId) {
        return new PlacementDetailsRecordedEvent("pk_1", "pl-1", "540322", TransferChannel.SOCIAL_FORCES,
                Destination.OUT_OF_REGION, organisedBy, "广东省", intermediaryId, null, null, null, null, START,
                START.plusMonths(3), "dl-1");
    }

    private static WorkerPlacedEvent placedOutOfRegion() {
        return new WorkerPlacedEvent("pk_1", "pl-1", "次仁", "540322198805060019", "540322",
                TransferChannel.SOCIAL_FORCES, Destination.OUT_OF_REGION, "广东某电子厂", START,
                new BigDecimal("4500.00"), PlacementDetails.NONE);
    }

    private static EmploymentVerifiedEvent verified(VerificationStatus status) {
        return new EmploymentVerifiedEvent("pk_1", "pl-1", "540322", LocalDate.of(2020, 10, 1), status, null, false);
    }

    @Test
    void the_out_of_region_subsidy_is_granted_for_verified_government_organised_work_out_of_the_region() {
        fixture.given(placedOutOfRegion(), outOfRegionDetails(OrganisedBy.GOVERNMENT, null),
                        verified(VerificationStatus.STILL_EMPLOYED))
                .when(new DecideOutOfRegionSubsidyCommand("pk_1", "pl-1", POLICY))
                .expectEvents(new OutOfRegionSubsidyGrantedEvent("pk_1", "pl-1", "540322", new BigDecimal("1000.00")));
    }

    @Test
    void an_ineligible_application_is_rejected_with_every_unmet_condition() {
        fixture.given(placed("pl-1"), details("pl-1"))
                .when(new DecideOutOfRegionSubsidyCommand("pk_1", "pl-1", POLICY))
                .expectEvents(new OutOfRegionSubsidyRejectedEvent("pk_1", "pl-1", "540322",
                        List.of("destination-out-of-region", "government-organised", "employment-verified")));
        // eligibility is configuration: without the verification requirement a self-found out-of-region job...
        fixture.given(placedOutOfRegion(), outOfRegionDetails(OrganisedBy.SELF, null))
                .when(new DecideOutOfRegionSubsidyCommand("pk_1", "pl-1",
                        new OutOfRegionSubsidyPolicy(new BigDecimal("800.00"), false, false)))
                .expectEvents(new OutOfRegionSubsidyGrantedEvent("pk_1", "pl-1", "540322", new BigDecimal("800.00")));
    }

    @Test
    void the_out_of_region_subsidy_is_granted_once_per_placement() {
        fixture.given(placedOutOfRegion(), outOfRegionDetails(OrganisedBy.GOVERNMENT, null),
                        verified(VerificationStatus.STILL_EMPLOYED),
                        new OutOfRegionSubsidyGrantedEvent("pk_1", "pl-1", "540322", new BigDecimal("1000.00")))
                .when(new DecideOutOfRegionSubsidyCommand("pk_1", "pl-1", POLICY))
                .expectException(violation("out-of-region-subsidy-once"))
                .expectNoEvents();
    }

    @Test
    void an_intermediary_gets_the_service_subsidy_once_per_delivered_worker_in_stable_work() {
        fixture.given(placedOutOfRegion(), outOfRegionDetails(OrganisedBy.LABOUR_MARKET_BODY, "im-1"),
                        verified(VerificationStatus.CHANGED_JOB))
                .when(new GrantIntermediarySubsidyCommand("pk_1", "pl-1", new BigDecimal("300"), true))
                .expectEvents(new IntermediarySubsidyGrantedEvent("pk_1", "pl-1", "540322", "im-1", new BigDecimal("300.00")));
        fixture.given(placedOutOfRegion(), outOfRegionDetails(OrganisedBy.LABOUR_MARKET_BODY, "im-1"),
                        verified(VerificationStatus.STILL_EMPLOYED),
                        new IntermediarySubsidyGrantedEvent("pk_1", "pl-1", "540322", "im-1", new BigDecimal("300.00")))
                .when(new GrantIntermediarySubsidyCommand("pk_1", "pl-1", new BigDecimal("300"), true))
                .expectException(violation("intermediary-subsidy-once-per-worker")).expectNoEvents();
        fixture.given(placedOutOfRegion(), outOfRegionDetails(OrganisedBy.LABOUR_MARKET_BODY, "im-1"),
                        verified(VerificationStatus.NOT_EMPLOYED))
                .when(new GrantIntermediarySubsidyCommand("pk_1", "pl-1", new BigDecimal("300"), true))
                .expectException(violation("intermediary-subsidy-needs-verified-employment")).expectNoEvents();
        fixture.given(placed("pl-1"), details("pl-1"))
                .when(new GrantIntermediarySubsidyCommand("pk_1", "pl-1", new BigDecimal("300"), false))
                .expectException(violation("intermediary-subsidy-needs-an-intermediary")).expectNoEvents();
    }

    // ---------------------------------------------------------------- helpers

    private static org.hamcrest.Matcher<RuleViolation> violation(String rule) {
        return new org.hamcrest.CustomMatcher<>("RuleViolation " + rule) {
            @Override
            public boolean matches(Object o) {
                return o instanceof RuleViolation v && rule.equals(v.rule());
            }
        };
    }

    private static PlacementDetails details(OrganisedBy organisedBy, String province, String intermediaryId,
                                            String trainingClassId, String projectId, String householdId) {
        return new PlacementDetails(organisedBy, province, intermediaryId, trainingClassId, projectId, householdId,
                null, null, null);
    }

    private static PlaceWorkerCommand place(String placementId, TransferChannel channel, Destination destination,
                                            PlacementDetails details) {
        return new PlaceWorkerCommand("pk_1", placementId, "次仁", "540322198805060019", "540322", channel,
                destination, "贡觉县建筑公司", START, new BigDecimal("4500.00"), details);
    }

    private static WorkerPlacedEvent placed(String placementId) {
        return new WorkerPlacedEvent("pk_1", placementId, "次仁", "540322198805060019", "540322",
                TransferChannel.CONSTRUCTION_PROJECT, Destination.IN_COUNTY, "贡觉县建筑公司",
                START, new BigDecimal("4500.00"), PlacementDetails.NONE);
    }

    private static PlacementDetailsRecordedEvent details(String placementId) {
        return new PlacementDetailsRecordedEvent("pk_1", placementId, "540322", TransferChannel.CONSTRUCTION_PROJECT,
                Destination.IN_COUNTY, null, null, null, null, null, null, null, START, START.plusMonths(3), "dl-1");
    }

    private static EmploymentEndedEvent ended(String placementId, LocalDate on) {
        return new EmploymentEndedEvent("pk_1", placementId, "540322", null, on, EndReason.CONTRACT_ENDED, null);
    }
}
