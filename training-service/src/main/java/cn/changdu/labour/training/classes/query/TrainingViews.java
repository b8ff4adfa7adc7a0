package cn.changdu.labour.training.classes.query;

import cn.changdu.labour.training.classes.api.*;
import cn.changdu.labour.training.trainee.api.DuplicateTrainingAttemptedEvent;
import cn.changdu.labour.training.trainee.api.PersonEnrolledEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read models of training, in the service's own database (tables of {@code V10__training_views.sql}): a class
 * ({@code training_class}) with its trainees, registers and attendance, inspections, subsidies, recommendations and
 * follow-ups as rows of their own, and a person ({@code training_person}) with their classes and refused
 * duplicate-training attempts. An event writes the rows it is about, never a growing document.
 * <p>
 * A tracking processor (processing group {@value #PROCESSING_GROUP}) handles the events in batches, each batch in one
 * transaction with the processor's token (service-support), so every event is applied exactly once. The handlers
 * are idempotent where that is free anyway: rows are inserted {@code ON CONFLICT DO NOTHING} and then set to values
 * taken from the event, and the counters change only when the row they count changed.
 */
@Component
@ProcessingGroup(TrainingViews.PROCESSING_GROUP)
public class TrainingViews {

    public static final String PROCESSING_GROUP = "training-views";

    private final JdbcTemplate jdbc;

    public TrainingViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ the class

    @EventHandler
    void on(ClassFiledEvent e) {
        jdbc.update("""
                INSERT INTO training_class (class_id, county_code, organiser, trade, organiser_type, category, delivery_mode,
                    order_directed, employer, general_curriculum, subsidy_standard, planned_size, start_date, end_date,
                    filed_on, status, late_filing)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', FALSE)
                ON CONFLICT DO NOTHING""",
                e.classId(), e.countyCode(), text(e.organiser()), text(e.trade()), text(name(e.organiserType())),
                text(name(e.category())), text(name(e.deliveryMode())), e.orderDirected(), text(e.employer()),
                !Boolean.FALSE.equals(e.generalCurriculum()), money(e.subsidyStandard()), e.plannedSize(),
                date(e.startDate()), date(e.endDate()), date(e.filedOn()));
    }

    @EventHandler
    void on(LateFilingApprovedEvent e) {
        jdbc.update("UPDATE training_class SET late_filing = TRUE, late_filing_reason = ?, late_filing_approver = ?, "
                        + "latest_filing_date = ? WHERE class_id = ?",
                text(e.reason()), text(e.approver()), date(e.latestFilingDate()), e.classId());
    }

    @EventHandler
    void on(PlannedSizeChangedEvent e) {
        jdbc.update("UPDATE training_class SET planned_size = ? WHERE class_id = ?", e.plannedSize(), e.classId());
    }

    @EventHandler
    void on(ClassCompletedEvent e) {
        jdbc.update("UPDATE training_class SET status = 'COMPLETED', completed_on = ?, pass_rate = ? WHERE class_id = ?",
                date(e.completedOn()), new SqlParameterValue(Types.NUMERIC, e.passRate()), e.classId());
    }

    // ------------------------------------------------------------------ roster

    /** On the class's roster (in enrolment order: the class's event sequence) and on the person's record. */
    @EventHandler
    void on(TraineeEnrolledEvent e, @SequenceNumber Long sequence) {
        List<String> before = jdbc.queryForList(
                "SELECT status FROM training_class_trainee WHERE class_id = ? AND person_key = ?", String.class,
                e.classId(), e.personKey());
        Object[] values = {text(e.name()), text(e.residentId()), text(e.phone()), text(e.sex()), date(e.birthDate()),
                text(e.township()), text(e.village()), e.registeredPoor(), e.consolidationTraining(),
                e.classId(), e.personKey()};
        if (before.isEmpty()) {
            jdbc.update("""
                    INSERT INTO training_class_trainee (name, resident_id, phone, sex, birth_date, township, village,
                        registered_poor, consolidation_training, class_id, person_key, enrolment_seq, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ENROLLED')""", append(values, sequence == null ? 0L : sequence));
        } else {
            jdbc.update("""
                    UPDATE training_class_trainee SET name = ?, resident_id = ?, phone = ?, sex = ?, birth_date = ?,
                        township = ?, village = ?, registered_poor = ?, consolidation_training = ?, status = 'ENROLLED'
                    WHERE class_id = ? AND person_key = ?""", values);
        }
        if (!"ENROLLED".equals(before.isEmpty() ? null : before.get(0))) {
            jdbc.update("UPDATE training_class SET enrolled = enrolled + 1 WHERE class_id = ?", e.classId());
        }
        person(e.personKey());
        jdbc.update("UPDATE training_person SET name = ?, resident_id = ?, phone = ? WHERE person_key = ?",
                text(e.name()), text(e.residentId()), text(e.phone()), e.personKey());
        personClass(e.personKey(), e.classId());
        jdbc.update("UPDATE training_person_class SET county_code = ?, trade = ?, status = 'ENROLLED' "
                + "WHERE person_key = ? AND class_id = ?", text(e.countyCode()), text(e.trade()), e.personKey(), e.classId());
    }

    @EventHandler
    void on(PersonEnrolledEvent e) {
        person(e.personKey());
        personClass(e.personKey(), e.classId());
        jdbc.update("""
                UPDATE training_person_class SET start_date = ?, end_date = ?, category = ?, registered_poor = ?,
                    consolidation_training = ?
                WHERE person_key = ? AND class_id = ?""",
                date(e.startDate()), date(e.endDate()), text(name(e.category())), e.registeredPoor(),
                e.consolidationTraining(), e.personKey(), e.classId());
    }

    /** One per person and class: a redelivered event or a second attempt for the same class sets the same row. */
    @EventHandler
    void on(DuplicateTrainingAttemptedEvent e) {
        person(e.personKey());
        jdbc.update("INSERT INTO training_person_duplicate_attempt (person_key, class_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                e.personKey(), e.classId());
        jdbc.update("""
                UPDATE training_person_duplicate_attempt SET county_code = ?, trade = ?, start_date = ?, earlier_class_id = ?,
                    earlier_county_code = ?, earlier_start_date = ?
                WHERE person_key = ? AND class_id = ?""",
                text(e.countyCode()), text(e.trade()), date(e.startDate()), text(e.earlierClassId()),
                text(e.earlierCountyCode()), date(e.earlierStartDate()), e.personKey(), e.classId());
    }

    @EventHandler
    void on(TraineeWithdrawnEvent e) {
        int withdrawn = jdbc.update("UPDATE training_class_trainee SET status = 'WITHDRAWN' "
                + "WHERE class_id = ? AND person_key = ? AND status = 'ENROLLED'", e.classId(), e.personKey());
        if (withdrawn > 0) {
            jdbc.update("UPDATE training_class SET enrolled = enrolled - 1 WHERE class_id = ?", e.classId());
        }
        person(e.personKey());
        personClass(e.personKey(), e.classId());
        jdbc.update("UPDATE training_person_class SET status = 'WITHDRAWN' WHERE person_key = ? AND class_id = ?",
                e.personKey(), e.classId());
    }

    // ------------------------------------------------------------------ attendance, inspection, assessment

    /**
     * The register of one day: a row per trainee named in it, and each trainee's count of days present. A second
     * register of the same day replaces the first for everyone it names (the counts move by the difference).
     */
    @EventHandler
    void on(AttendanceRecordedEvent e) {
        Map<String, Boolean> before = new HashMap<>();
        jdbc.query("SELECT person_key, present FROM training_class_attendance WHERE class_id = ? AND class_day = ?",
                rs -> {
                    before.put(rs.getString(1), rs.getBoolean(2));
                }, e.classId(), e.date());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> counts = new ArrayList<>();
        for (boolean present : new boolean[]{true, false}) {
            for (String personKey : present ? e.present() : e.absent()) {
                Boolean was = before.get(personKey);
                if (was == null) {
                    inserts.add(new Object[]{e.classId(), e.date(), personKey, present});
                } else if (was != present) {
                    updates.add(new Object[]{present, e.classId(), e.date(), personKey});
                }
                int delta = present && !Boolean.TRUE.equals(was) ? 1 : !present && Boolean.TRUE.equals(was) ? -1 : 0;
                if (delta != 0) {
                    counts.add(new Object[]{delta, e.classId(), personKey});
                }
            }
        }
        batch("INSERT INTO training_class_attendance (class_id, class_day, person_key, present) VALUES (?, ?, ?, ?)", inserts);
        batch("UPDATE training_class_attendance SET present = ? WHERE class_id = ? AND class_day = ? AND person_key = ?", updates);
        batch("UPDATE training_class_trainee SET days_present = days_present + ? WHERE class_id = ? AND person_key = ?", counts);
        jdbc.update("INSERT INTO training_class_register (class_id, class_day, present) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
                e.classId(), e.date());
        jdbc.update("UPDATE training_class_register SET present = ? WHERE class_id = ? AND class_day = ?",
                e.present().size(), e.classId(), e.date());
    }

    @EventHandler
    void on(ClassInspectedEvent e) {
        int added = jdbc.update("""
                INSERT INTO training_class_inspection (class_id, inspection_number, inspector, inspected_on)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.classId(), e.inspectionNumber(), text(e.inspector()), date(e.inspectedOn()));
        if (added == 0) {
            return;
        }
        List<Object[]> items = new ArrayList<>();
        for (int i = 0; i < e.results().size(); i++) {
            InspectionResult r = e.results().get(i);
            items.add(new Object[]{e.classId(), e.inspectionNumber(), r.item().name(), i, r.passed(), text(r.remarks())});
        }
        batch("""
                INSERT INTO training_class_inspection_item (class_id, inspection_number, item, item_order, passed, remarks)
                VALUES (?, ?, ?, ?, ?, ?)""", items);
        jdbc.update("UPDATE training_class SET inspection_count = inspection_count + 1 WHERE class_id = ?", e.classId());
    }

    @EventHandler
    void on(TraineeAssessedEvent e) {
        jdbc.update("UPDATE training_class_trainee SET passed = ? WHERE class_id = ? AND person_key = ?",
                e.passed(), e.classId(), e.personKey());
        person(e.personKey());
        personClass(e.personKey(), e.classId());
        jdbc.update("UPDATE training_person_class SET passed = ? WHERE person_key = ? AND class_id = ?",
                e.passed(), e.personKey(), e.classId());
    }

    // ------------------------------------------------------------------ subsidy

    /** A claim (again after a rejection: the row is the claim as it stands). */
    @EventHandler
    void on(SubsidyClaimedEvent e) {
        jdbc.update("INSERT INTO training_class_subsidy (class_id, person_key, status) VALUES (?, ?, 'CLAIMED') "
                + "ON CONFLICT DO NOTHING", e.classId(), e.personKey());
        jdbc.update("UPDATE training_class_subsidy SET status = 'CLAIMED', amount = ?, claimant = ?, claimed_on = ? "
                        + "WHERE class_id = ? AND person_key = ?",
                money(e.amount()), text(e.claimant()), date(e.claimedOn()), e.classId(), e.personKey());
    }

    @EventHandler
    void on(SubsidyApprovedEvent e) {
        jdbc.update("UPDATE training_class_subsidy SET status = 'APPROVED', approver = ? WHERE class_id = ? AND person_key = ?",
                text(e.approver()), e.classId(), e.personKey());
    }

    @EventHandler
    void on(SubsidyRejectedEvent e) {
        jdbc.update("UPDATE training_class_subsidy SET status = 'REJECTED', rejection_reason = ? "
                + "WHERE class_id = ? AND person_key = ?", text(e.reason()), e.classId(), e.personKey());
    }

    @EventHandler
    void on(SubsidyPaidEvent e) {
        jdbc.update("UPDATE training_class_subsidy SET status = 'PAID', paid_on = ? WHERE class_id = ? AND person_key = ?",
                date(e.paidOn()), e.classId(), e.personKey());
    }

    // ------------------------------------------------------------------ after training

    @EventHandler
    void on(JobRecommendedEvent e) {
        int added = jdbc.update("""
                INSERT INTO training_class_recommendation (class_id, person_key, recommendation_number, employer,
                    job_position, recommended_on)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.classId(), e.personKey(), e.recommendationNumber(), text(e.employer()), text(e.position()),
                date(e.recommendedOn()));
        if (added > 0) {
            jdbc.update("UPDATE training_class_trainee SET recommendations = recommendations + 1 "
                    + "WHERE class_id = ? AND person_key = ?", e.classId(), e.personKey());
        }
    }

    @EventHandler
    void on(FollowUpRecordedEvent e) {
        int added = jdbc.update("""
                INSERT INTO training_class_follow_up (class_id, person_key, follow_up_number, followed_up_on,
                    employment_status, employer, remarks)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.classId(), e.personKey(), e.followUpNumber(), date(e.followedUpOn()), text(name(e.employmentStatus())),
                text(e.employer()), text(e.remarks()));
        if (added > 0) {
            jdbc.update("UPDATE training_class_trainee SET follow_ups = follow_ups + 1 WHERE class_id = ? AND person_key = ?",
                    e.classId(), e.personKey());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The person's row exists (as the first event about them creates it). */
    private void person(String personKey) {
        jdbc.update("INSERT INTO training_person (person_key) VALUES (?) ON CONFLICT DO NOTHING", personKey);
    }

    /** The person's row for the class exists (the class's and the person's events may come in either order). */
    private void personClass(String personKey, String classId) {
        jdbc.update("INSERT INTO training_person_class (person_key, class_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                personKey, classId);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    // typed parameters: a null needs its SQL type (else the driver is asked for the parameter's type, a round trip
    // on PostgreSQL)

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue date(LocalDate value) {
        return new SqlParameterValue(Types.DATE, value);
    }

    private static SqlParameterValue money(BigDecimal value) {
        return new SqlParameterValue(Types.NUMERIC, value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
