package cn.changdu.labour.employment.placement.query;

import cn.changdu.labour.employment.placement.api.EmploymentEndedEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerificationOverdueEvent;
import cn.changdu.labour.employment.placement.api.EmploymentVerifiedEvent;
import cn.changdu.labour.employment.placement.api.IncomeReportedEvent;
import cn.changdu.labour.employment.placement.api.PlacementDetailsRecordedEvent;
import cn.changdu.labour.employment.placement.api.WorkerPlacedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The placements view (tables {@code employment_placement}, {@code employment_placement_income}; migration V10),
 * one row per placement and one per month of income. A tracking processor: each batch of events and the
 * processor's token commit in one transaction, so every event is applied once. The handlers only write (no
 * reads): a placement is inserted once ({@code ON CONFLICT DO NOTHING}) and then updated with values taken from
 * its events, so an event handed over twice still leaves the same row.
 */
@Component
@ProcessingGroup(PlacementViews.PROCESSING_GROUP)
public class PlacementViews {

    public static final String PROCESSING_GROUP = "placement-views";

    private final JdbcTemplate jdbc;

    public PlacementViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkerPlacedEvent e) {
        boolean details = e.details() != null;
        jdbc.update("""
                INSERT INTO employment_placement (placement_id, person_key, name, resident_id, county_code, channel,
                    destination, employer, start_date, expected_monthly_income, phone, township, household_id, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')
                ON CONFLICT DO NOTHING""",
                e.placementId(), e.personKey(), e.name(), e.residentId(), e.countyCode(), e.channel().name(),
                e.destination().name(), e.employer(), e.startDate(), e.expectedMonthlyIncome(),
                details ? e.details().phone() : null, details ? e.details().township() : null,
                details ? e.details().householdId() : null);
    }

    @EventHandler
    void on(PlacementDetailsRecordedEvent e) {
        jdbc.update("""
                UPDATE employment_placement SET organised_by = ?, destination_province = ?, intermediary_id = ?,
                    training_class_id = ?, project_id = ?, household_id = ?, job_fair_id = ?,
                    government_organised_out_of_region = ?, verification_due_on = ?
                WHERE placement_id = ?""",
                e.organisedBy() == null ? null : e.organisedBy().name(), e.destinationProvince(), e.intermediaryId(),
                e.trainingClassId(), e.projectId(), e.householdId(), e.jobFairId(),
                e.governmentOrganisedOutOfRegion(), e.verificationDueOn(), e.placementId());
    }

    @EventHandler
    void on(EmploymentVerifiedEvent e) {
        jdbc.update("""
                UPDATE employment_placement SET verified_on = ?, verification_status = ?, verification_overdue = FALSE
                WHERE placement_id = ?""", e.verifiedOn(), e.status().name(), e.placementId());
    }

    @EventHandler
    void on(EmploymentVerificationOverdueEvent e) {
        // overdue only while no check is recorded (a placement's events come in order)
        jdbc.update("""
                UPDATE employment_placement SET verification_overdue = TRUE
                WHERE placement_id = ? AND verified_on IS NULL""", e.placementId());
    }

    @EventHandler
    void on(EmploymentEndedEvent e) {
        jdbc.update("""
                UPDATE employment_placement SET status = 'ENDED', ended_on = ?, end_reason = ?
                WHERE placement_id = ?""", e.endedOn(), e.reason().name(), e.placementId());
    }

    @EventHandler
    void on(IncomeReportedEvent e) {
        // income-once-per-period: a period's amount is written once
        jdbc.update("""
                INSERT INTO employment_placement_income (placement_id, period, amount) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", e.placementId(), e.period().toString(), e.amount());
    }
}
