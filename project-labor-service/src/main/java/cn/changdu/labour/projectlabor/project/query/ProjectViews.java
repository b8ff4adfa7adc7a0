package cn.changdu.labour.projectlabor.project.query;

import cn.changdu.labour.projectlabor.project.api.LabourDisputeFiledEvent;
import cn.changdu.labour.projectlabor.project.api.LabourDisputeResolvedEvent;
import cn.changdu.labour.projectlabor.project.api.LabourFilingSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareBelowTargetEvent;
import cn.changdu.labour.projectlabor.project.api.LocalLabourShareRecoveredEvent;
import cn.changdu.labour.projectlabor.project.api.PayrollLine;
import cn.changdu.labour.projectlabor.project.api.PayrollSubmittedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectClosedEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectDetails;
import cn.changdu.labour.projectlabor.project.api.ProjectRegisteredEvent;
import cn.changdu.labour.projectlabor.project.api.ProjectUpdatedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsChangedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsClearedEvent;
import cn.changdu.labour.projectlabor.project.api.WageArrearsDetectedEvent;
import cn.changdu.labour.projectlabor.project.api.WagePaidEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerJoinedProjectEvent;
import cn.changdu.labour.projectlabor.project.api.WorkerLeftProjectEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The read model of projects, rosters, payrolls, payments, arrears and disputes, in the service's database (tables
 * {@code pl_*}, migration {@code V10__project_views.sql}). The {@value #PROCESSING_GROUP} tracking processor hands
 * the events over in batches, each in one transaction with its token, so an event is applied once; the handlers
 * set values computed from the event alone and create rows only if absent, so one handed over twice would change
 * nothing either. Money is {@code NUMERIC(19,2)} (exact; never a double), dates are {@code DATE}, periods
 * {@code yyyy-MM}.
 */
@Component
@ProcessingGroup(ProjectViews.PROCESSING_GROUP)
public class ProjectViews {

    public static final String PROCESSING_GROUP = "project-views";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ProjectViews(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ProjectRegisteredEvent e) {
        ProjectDetails d = details(e.details());
        jdbc.update("""
                INSERT INTO pl_project (project_id, name, county_code, department, government_invested,
                    planned_workforce, status, contractor, subcontractors, start_date, planned_end_date, wage_account,
                    wage_pay_day)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                e.projectId(), e.name(), e.countyCode(), e.department(), e.governmentInvested(), e.plannedWorkforce(),
                text(d.contractor()), subcontractors(d), date(d.startDate()), date(d.plannedEndDate()),
                text(d.wageAccount()), d.payDay());
    }

    @EventHandler
    void on(ProjectUpdatedEvent e) {
        ProjectDetails d = details(e.details());
        jdbc.update("""
                UPDATE pl_project SET name = ?, county_code = ?, department = ?, government_invested = ?,
                    planned_workforce = ?, contractor = ?, subcontractors = ?, start_date = ?, planned_end_date = ?,
                    wage_account = ?, wage_pay_day = ?
                WHERE project_id = ?""",
                e.name(), e.countyCode(), e.department(), e.governmentInvested(), e.plannedWorkforce(),
                text(d.contractor()), subcontractors(d), date(d.startDate()), date(d.plannedEndDate()),
                text(d.wageAccount()), d.payDay(), e.projectId());
    }

    @EventHandler
    void on(ProjectClosedEvent e) {
        jdbc.update("UPDATE pl_project SET status = 'CLOSED', closed_on = ? WHERE project_id = ?",
                date(e.closedOn()), e.projectId());
    }

    @EventHandler
    void on(LabourFilingSubmittedEvent e) {
        jdbc.update("""
                INSERT INTO pl_filing (filing_id, project_id, hr_office, reference, filed_on, workers, local_workers)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                e.filingId(), e.projectId(), text(e.hrOffice()), text(e.reference()), date(e.filedOn()), e.workers(),
                e.localWorkers());
        jdbc.update("UPDATE pl_project SET last_filed_on = ? WHERE project_id = ?", date(e.filedOn()), e.projectId());
    }

    @EventHandler
    void on(WorkerJoinedProjectEvent e) {
        jdbc.update("""
                INSERT INTO pl_roster (project_id, person_key, joined_on, name, resident_id, phone,
                    local_farmer_herder, home_county_code, trade, wage_rate, pay_cycle, social_insurance_registered)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                e.projectId(), e.personKey(), e.joinedOn(), text(e.name()), text(e.residentId()), text(e.phone()),
                e.localFarmerHerder(), text(e.homeCountyCode()), text(e.trade()), money(e.wageRate()),
                text(e.payCycle() == null ? null : e.payCycle().name()), e.socialInsuranceRegistered());
        workers(e.projectId(), e.localWorkers(), e.totalWorkers());
    }

    @EventHandler
    void on(WorkerLeftProjectEvent e) {
        jdbc.update("UPDATE pl_roster SET left_on = ? WHERE project_id = ? AND person_key = ? AND joined_on = ?",
                date(e.leftOn()), e.projectId(), e.personKey(), e.joinedOn());
        workers(e.projectId(), e.localWorkers(), e.totalWorkers());
    }

    @EventHandler
    void on(LocalLabourShareBelowTargetEvent e) {
        jdbc.update("UPDATE pl_project SET below_target = TRUE, below_target_since = ? WHERE project_id = ?",
                date(e.asOf()), e.projectId());
    }

    @EventHandler
    void on(LocalLabourShareRecoveredEvent e) {
        jdbc.update("UPDATE pl_project SET below_target = FALSE, below_target_since = NULL WHERE project_id = ?",
                e.projectId());
    }

    /** A payroll for a period replaces the one submitted before it, lines and all. */
    @EventHandler
    void on(PayrollSubmittedEvent e) {
        String period = e.period().toString();
        int updated = jdbc.update("""
                UPDATE pl_payroll SET total_due = ?, due_date = ?, submitted_on = ? WHERE project_id = ? AND period = ?""",
                money(e.totalDue()), date(e.dueDate()), date(e.submittedOn()), e.projectId(), period);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO pl_payroll (project_id, period, total_due, due_date, submitted_on)
                    VALUES (?, ?, ?, ?, ?)""",
                    e.projectId(), period, money(e.totalDue()), date(e.dueDate()), date(e.submittedOn()));
        }
        jdbc.update("DELETE FROM pl_payroll_line WHERE project_id = ? AND period = ?", e.projectId(), period);
        List<Object[]> lines = new ArrayList<>();
        List<PayrollLine> settled = e.lines();
        for (int i = 0; i < settled.size(); i++) {
            PayrollLine l = settled.get(i);
            lines.add(new Object[]{e.projectId(), period, i, l.personKey(), integer(l.daysWorked()), money(l.amountDue())});
        }
        jdbc.batchUpdate("""
                INSERT INTO pl_payroll_line (project_id, period, line_no, person_key, days_worked, amount_due)
                VALUES (?, ?, ?, ?, ?, ?)""", lines);
    }

    @EventHandler
    void on(WagePaidEvent e) {
        jdbc.update("""
                INSERT INTO pl_payment (payment_id, project_id, person_key, name, resident_id, period, amount, paid_on,
                    channel, on_roster)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                e.paymentId(), e.projectId(), e.personKey(), text(e.name()), text(e.residentId()),
                e.period().toString(), money(e.amount()), date(e.paidOn()),
                text(e.channel() == null ? null : e.channel().name()), bool(e.onRoster()));
    }

    /** A case opens (or opens again, if the worker is owed again after it was cleared). */
    @EventHandler
    void on(WageArrearsDetectedEvent e) {
        String period = e.period().toString();
        arrearsCase(e.projectId(), e.personKey(), period, () -> {
            int updated = jdbc.update("""
                    UPDATE pl_arrears SET name = ?, amount_due = ?, outstanding = ?, due_date = ?, government_invested = ?,
                        county_code = ?, department = ?, open = TRUE, cleared_at = NULL
                    WHERE project_id = ? AND person_key = ? AND period = ?""",
                    text(e.name()), money(e.amountDue()), money(e.amount()), date(e.dueDate()), e.governmentInvested(),
                    e.countyCode(), e.department(), e.projectId(), e.personKey(), period);
            if (updated == 0) {
                jdbc.update("""
                        INSERT INTO pl_arrears (project_id, person_key, period, name, amount_due, outstanding, due_date,
                            government_invested, county_code, department, open)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)""",
                        e.projectId(), e.personKey(), period, text(e.name()), money(e.amountDue()), money(e.amount()),
                        date(e.dueDate()), e.governmentInvested(), e.countyCode(), e.department());
            }
        });
    }

    @EventHandler
    void on(WageArrearsChangedEvent e) {
        String period = e.period().toString();
        arrearsCase(e.projectId(), e.personKey(), period, () -> jdbc.update(
                "UPDATE pl_arrears SET outstanding = ? WHERE project_id = ? AND person_key = ? AND period = ?",
                money(e.amount()), e.projectId(), e.personKey(), period));
    }

    @EventHandler
    void on(WageArrearsClearedEvent e, EventMessage<?> message) {
        String period = e.period().toString();
        arrearsCase(e.projectId(), e.personKey(), period, () -> jdbc.update("""
                UPDATE pl_arrears SET open = FALSE, outstanding = 0, cleared_at = ?
                WHERE project_id = ? AND person_key = ? AND period = ?""",
                message.getTimestamp().atOffset(ZoneOffset.UTC), e.projectId(), e.personKey(), period));
    }

    @EventHandler
    void on(LabourDisputeFiledEvent e) {
        jdbc.update("""
                INSERT INTO pl_dispute (dispute_id, project_id, person_key, name, resident_id, category, claimed_amount,
                    description, filed_on, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                ON CONFLICT DO NOTHING""",
                e.disputeId(), e.projectId(), text(e.personKey()), text(e.name()), text(e.residentId()),
                e.category().name(), money(e.claimedAmount()), text(e.description()), date(e.filedOn()));
    }

    @EventHandler
    void on(LabourDisputeResolvedEvent e) {
        jdbc.update("""
                UPDATE pl_dispute SET status = 'RESOLVED', outcome = ?, awarded_amount = ?, note = ?, resolved_on = ?
                WHERE dispute_id = ?""",
                e.outcome().name(), money(e.awardedAmount()), text(e.note()), date(e.resolvedOn()), e.disputeId());
    }

    /** Before a replay from the first event (a reset of the processor's token): the views start empty. */
    @ResetHandler
    void reset() {
        for (String table : List.of("pl_payroll_line", "pl_payroll", "pl_payment", "pl_arrears", "pl_dispute",
                "pl_filing", "pl_roster", "pl_project")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private void workers(String projectId, int local, int total) {
        jdbc.update("UPDATE pl_project SET local_workers = ?, total_workers = ? WHERE project_id = ?",
                local, total, projectId);
    }

    /** An arrears case as the project's totals count it: its outstanding amount while open. */
    private record ArrearsCase(boolean open, BigDecimal outstanding) {
        static final ArrearsCase NONE = new ArrearsCase(false, BigDecimal.ZERO);

        BigDecimal openAmount() {
            return open ? outstanding : BigDecimal.ZERO;
        }
    }

    /**
     * Applies a change to one arrears case and moves the project's open totals by what the case changed. Summing all
     * of a project's cases again at every arrears event read thousands of rows per event on a big project (every
     * worker, every month) and held the views seconds behind; this reads the case before and after (primary key)
     * and, only when it opens or closes, the worker's own cases on the project (a prefix of the primary key).
     */
    private void arrearsCase(String projectId, String personKey, String period, Runnable change) {
        ArrearsCase before = arrearsCase(projectId, personKey, period);
        change.run();
        ArrearsCase after = arrearsCase(projectId, personKey, period);
        BigDecimal amount = after.openAmount().subtract(before.openAmount());
        int workers = 0;
        if (before.open() != after.open()) {
            Integer openNow = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM pl_arrears WHERE project_id = ? AND person_key = ? AND open",
                    Integer.class, projectId, personKey);
            int openBefore = openNow + (before.open() ? 1 : 0) - (after.open() ? 1 : 0);
            workers = (openNow > 0 ? 1 : 0) - (openBefore > 0 ? 1 : 0);
        }
        if (amount.signum() != 0 || workers != 0) {
            jdbc.update("""
                    UPDATE pl_project SET open_arrears_amount = open_arrears_amount + ?,
                        open_arrears_workers = open_arrears_workers + ?
                    WHERE project_id = ?""", amount, workers, projectId);
        }
    }

    private ArrearsCase arrearsCase(String projectId, String personKey, String period) {
        List<ArrearsCase> found = jdbc.query(
                "SELECT open, outstanding FROM pl_arrears WHERE project_id = ? AND person_key = ? AND period = ?",
                (row, n) -> new ArrearsCase(row.getBoolean(1), row.getBigDecimal(2)), projectId, personKey, period);
        return found.isEmpty() ? ArrearsCase.NONE : found.get(0);
    }

    private static ProjectDetails details(ProjectDetails details) {
        return details == null ? ProjectDetails.none() : details;
    }

    private String subcontractors(ProjectDetails d) {
        try {
            return json.writeValueAsString(d.subcontractors() == null ? List.of() : d.subcontractors());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // nullable values carry their SQL type (a null of unknown type costs the driver a round trip to ask for it)

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue date(LocalDate value) {
        return new SqlParameterValue(Types.DATE, value);
    }

    private static SqlParameterValue money(BigDecimal amount) {
        return new SqlParameterValue(Types.NUMERIC, amount == null ? null : amount.setScale(2));
    }

    private static SqlParameterValue integer(Integer value) {
        return new SqlParameterValue(Types.INTEGER, value);
    }

    private static SqlParameterValue bool(Boolean value) {
        return new SqlParameterValue(Types.BOOLEAN, value);
    }
}
