package cn.changdu.labour.training.classes.query;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the training API reads from the read models ({@link TrainingViews}), as typed rows. Every query is a key
 * lookup or an indexed range: a class and its rows by {@code class_id}, a person and theirs by {@code person_key},
 * class lists through the county/status/start-date indexes. The read models trail the writes by the projection's lag.
 */
@Component
public class TrainingQueries {

    /** Keys per {@code IN (...)} list: a roster of any length is read in lists of this size. */
    static final int KEYS_PER_QUERY = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final AfterTrainingDueDays due;

    public TrainingQueries(NamedParameterJdbcTemplate jdbc, AfterTrainingDueDays due) {
        this.jdbc = jdbc;
        this.due = due;
    }

    // ------------------------------------------------------------------ rows

    /** A class as the lists show it. */
    public record ClassSummary(String classId, String countyCode, String organiser, String trade, String category,
                               String deliveryMode, Boolean orderDirected, Integer plannedSize, LocalDate startDate,
                               LocalDate endDate, String status, boolean lateFiling, LocalDate completedOn,
                               BigDecimal passRate, int enrolled, int inspectionCount) {
    }

    /** Who approved a late filing, and the latest date it was due. */
    public record LateFilingApproval(String reason, String approver, LocalDate latestFilingDate) {
    }

    public record InspectionItemResult(String item, boolean passed, String remarks) {
    }

    public record Inspection(int inspectionNumber, String inspector, LocalDate inspectedOn, List<InspectionItemResult> items) {
    }

    /** A trainee's subsidy claim as it stands. */
    public record Subsidy(String status, BigDecimal amount, String claimant, LocalDate claimedOn, String approver,
                          String rejectionReason, LocalDate paidOn) {
    }

    public record Recommendation(String employer, String position, LocalDate recommendedOn) {
    }

    public record FollowUp(LocalDate followedUpOn, String employmentStatus, String employer, String remarks) {
    }

    /** A trainee on a class's roster (personal data unmasked: the caller masks it). */
    public record Trainee(String personKey, String name, String residentId, String phone, String sex, LocalDate birthDate,
                          String township, String village, Boolean registeredPoor, Boolean consolidationTraining,
                          String status, Boolean passed, int daysPresent, Subsidy subsidy,
                          List<Recommendation> recommendations, List<FollowUp> followUps) {
    }

    /**
     * A class with everything recorded about it; {@code registerDays} is the number of class days with a register
     * (the denominator of attendance rates).
     */
    public record ClassDetail(ClassSummary summary, String organiserType, String employer, Boolean generalCurriculum,
                              BigDecimal subsidyStandard, LocalDate filedOn, LateFilingApproval lateFilingApproval,
                              List<Inspection> inspections, int registerDays, List<Trainee> trainees) {
    }

    /**
     * One of a person's classes. {@code startDate} … {@code consolidationTraining} come from the person's record
     * (null until projected), {@code passed} from the assessment (null before).
     */
    public record PersonClass(String classId, String countyCode, String trade, String status, LocalDate startDate,
                              LocalDate endDate, String category, Boolean registeredPoor, Boolean consolidationTraining,
                              Boolean passed) {
    }

    public record DuplicateAttempt(String classId, String countyCode, String trade, LocalDate startDate,
                                   String earlierClassId, String earlierCountyCode, LocalDate earlierStartDate) {
    }

    /** A person (personal data unmasked) with their classes and refused duplicate-training attempts, in the order seen. */
    public record PersonHistory(String personKey, String name, String residentId, String phone, List<PersonClass> classes,
                                List<DuplicateAttempt> duplicateAttempts) {
    }

    /** A qualified trainee (passed, still enrolled) of a completed class, with their after-training work so far. */
    public record AfterTraining(String classId, String countyCode, String organiser, LocalDate classEndDate,
                                String personKey, int recommendations, int followUps) {
    }

    /** What the roster import checks its rows against. */
    public record Roster(String classId, String countyCode, String trade, LocalDate startDate, LocalDate endDate,
                         int plannedSize, int enrolled) {
    }

    /** A class a person is enrolled in, with its dates (the rules across classes need them). */
    public record Enrolment(String personKey, String classId, String countyCode, String trade, LocalDate startDate,
                            LocalDate endDate) {
    }

    // ------------------------------------------------------------------ queries

    private static final String SUMMARY = """
            class_id, county_code, organiser, trade, category, delivery_mode, order_directed, planned_size, start_date,
            end_date, status, late_filing, completed_on, pass_rate, enrolled, inspection_count""";

    /** Classes by county, status and start-date range (each optional), by start date. */
    public List<ClassSummary> classes(String countyCode, String status, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY + " FROM training_class WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (countyCode != null) {
            sql.append(" AND county_code = :county");
            p.addValue("county", countyCode);
        }
        if (status != null) {
            sql.append(" AND status = :status");
            p.addValue("status", status);
        }
        if (from != null) {
            sql.append(" AND start_date >= :from");
            p.addValue("from", from, Types.DATE);
        }
        if (to != null) {
            sql.append(" AND start_date <= :to");
            p.addValue("to", to, Types.DATE);
        }
        sql.append(" ORDER BY start_date, filed_order");
        return jdbc.query(sql.toString(), p, (rs, n) -> summary(rs));
    }

    public Optional<ClassDetail> classDetail(String classId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", classId);
        List<ClassDetail> found = jdbc.query("SELECT " + SUMMARY + """
                        , organiser_type, employer, general_curriculum, subsidy_standard, filed_on, late_filing_reason,
                        late_filing_approver, latest_filing_date
                        FROM training_class WHERE class_id = :id""", id,
                (rs, n) -> new ClassDetail(summary(rs), rs.getString("organiser_type"), rs.getString("employer"),
                        bool(rs, "general_curriculum"), rs.getBigDecimal("subsidy_standard"), date(rs, "filed_on"),
                        rs.getBoolean("late_filing") ? new LateFilingApproval(rs.getString("late_filing_reason"),
                                rs.getString("late_filing_approver"), date(rs, "latest_filing_date")) : null,
                        List.of(), 0, List.of()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClassDetail cls = found.get(0);

        Map<Integer, List<InspectionItemResult>> items = new HashMap<>();
        jdbc.query("""
                SELECT inspection_number, item, passed, remarks FROM training_class_inspection_item
                WHERE class_id = :id ORDER BY inspection_number, item_order""", id, rs -> {
            items.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                    .add(new InspectionItemResult(rs.getString(2), rs.getBoolean(3), rs.getString(4)));
        });
        List<Inspection> inspections = jdbc.query("""
                        SELECT inspection_number, inspector, inspected_on FROM training_class_inspection
                        WHERE class_id = :id ORDER BY inspection_number""", id,
                (rs, n) -> new Inspection(rs.getInt(1), rs.getString(2), date(rs, "inspected_on"),
                        items.getOrDefault(rs.getInt(1), List.of())));
        Integer registerDays = jdbc.queryForObject("SELECT COUNT(*) FROM training_class_register WHERE class_id = :id",
                id, Integer.class);

        Map<String, List<Recommendation>> recommendations = new HashMap<>();
        jdbc.query("""
                SELECT person_key, employer, job_position, recommended_on FROM training_class_recommendation
                WHERE class_id = :id ORDER BY person_key, recommendation_number""", id, rs -> {
            recommendations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Recommendation(rs.getString(2), rs.getString(3), date(rs, "recommended_on")));
        });
        Map<String, List<FollowUp>> followUps = new HashMap<>();
        jdbc.query("""
                SELECT person_key, followed_up_on, employment_status, employer, remarks FROM training_class_follow_up
                WHERE class_id = :id ORDER BY person_key, follow_up_number""", id, rs -> {
            followUps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new FollowUp(date(rs, "followed_up_on"), rs.getString(3), rs.getString(4), rs.getString(5)));
        });
        List<Trainee> trainees = jdbc.query("""
                        SELECT t.person_key, t.name, t.resident_id, t.phone, t.sex, t.birth_date, t.township, t.village,
                            t.registered_poor, t.consolidation_training, t.status, t.passed, t.days_present,
                            s.status AS subsidy_status, s.amount, s.claimant, s.claimed_on, s.approver, s.rejection_reason,
                            s.paid_on
                        FROM training_class_trainee t
                        LEFT JOIN training_class_subsidy s ON s.class_id = t.class_id AND s.person_key = t.person_key
                        WHERE t.class_id = :id ORDER BY t.enrolment_seq""", id,
                (rs, n) -> {
                    String key = rs.getString("person_key");
                    String subsidyStatus = rs.getString("subsidy_status");
                    return new Trainee(key, rs.getString("name"), rs.getString("resident_id"), rs.getString("phone"),
                            rs.getString("sex"), date(rs, "birth_date"), rs.getString("township"), rs.getString("village"),
                            bool(rs, "registered_poor"), bool(rs, "consolidation_training"), rs.getString("status"),
                            bool(rs, "passed"), rs.getInt("days_present"),
                            subsidyStatus == null ? null : new Subsidy(subsidyStatus, rs.getBigDecimal("amount"),
                                    rs.getString("claimant"), date(rs, "claimed_on"), rs.getString("approver"),
                                    rs.getString("rejection_reason"), date(rs, "paid_on")),
                            recommendations.getOrDefault(key, List.of()), followUps.getOrDefault(key, List.of()));
                });
        return Optional.of(new ClassDetail(cls.summary(), cls.organiserType(), cls.employer(), cls.generalCurriculum(),
                cls.subsidyStandard(), cls.filedOn(), cls.lateFilingApproval(), inspections,
                registerDays == null ? 0 : registerDays, trainees));
    }

    /** A person's record, empty if nothing was ever recorded about them. */
    public Optional<PersonHistory> history(String personKey) {
        MapSqlParameterSource key = new MapSqlParameterSource("key", personKey);
        List<String[]> person = jdbc.query("SELECT name, resident_id, phone FROM training_person WHERE person_key = :key",
                key, (rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
        if (person.isEmpty()) {
            return Optional.empty();
        }
        List<PersonClass> classes = jdbc.query("""
                        SELECT class_id, county_code, trade, status, start_date, end_date, category, registered_poor,
                            consolidation_training, passed
                        FROM training_person_class WHERE person_key = :key ORDER BY seen_order""", key,
                (rs, n) -> new PersonClass(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        date(rs, "start_date"), date(rs, "end_date"), rs.getString(7), bool(rs, "registered_poor"),
                        bool(rs, "consolidation_training"), bool(rs, "passed")));
        List<DuplicateAttempt> attempts = jdbc.query("""
                        SELECT class_id, county_code, trade, start_date, earlier_class_id, earlier_county_code,
                            earlier_start_date
                        FROM training_person_duplicate_attempt WHERE person_key = :key ORDER BY seen_order""", key,
                (rs, n) -> new DuplicateAttempt(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, "start_date"),
                        rs.getString(5), rs.getString(6), date(rs, "earlier_start_date")));
        String[] p = person.get(0);
        return Optional.of(new PersonHistory(personKey, p[0], p[1], p[2], classes, attempts));
    }

    /**
     * Qualified trainees (passed, still enrolled) of completed classes (of a county, or all) that ended before
     * {@code endedBefore} and still miss a recommendation or one of {@code followUpsDue} follow-ups, in filing order.
     */
    private List<AfterTraining> afterTrainingOpen(String countyCode, LocalDate endedBefore, int followUpsDue) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("before", endedBefore, Types.DATE)
                .addValue("followUps", followUpsDue);
        String county = "";
        if (countyCode != null) {
            county = " AND c.county_code = :county";
            p.addValue("county", countyCode);
        }
        return jdbc.query("""
                        SELECT c.class_id, c.county_code, c.organiser, c.end_date, t.person_key, t.recommendations, t.follow_ups
                        FROM training_class c
                        JOIN training_class_trainee t ON t.class_id = c.class_id
                        WHERE c.status = 'COMPLETED' AND c.end_date < :before""" + county + """
                         AND t.passed = TRUE AND t.status = 'ENROLLED' AND (t.recommendations < 1 OR t.follow_ups < :followUps)
                        ORDER BY c.filed_order, t.enrolment_seq""", p,
                (rs, n) -> new AfterTraining(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, "end_date"),
                        rs.getString(5), rs.getInt(6), rs.getInt(7)));
    }

    /** Qualified trainees (of a county, or all) whose job recommendation or follow-ups are overdue on {@code today}. */
    public List<OverdueTraineeView> overdue(String countyCode, LocalDate today) {
        // a class is a candidate once its earliest due date has passed
        int earliestDue = due.followUps().stream().reduce(due.recommendation(), Math::min);
        List<OverdueTraineeView> overdue = new ArrayList<>();
        for (AfterTraining t : afterTrainingOpen(countyCode, today.minusDays(earliestDue), due.followUps().size())) {
            LocalDate end = t.classEndDate();
            List<String> missing = new ArrayList<>();
            LocalDate recommendationDue = end.plusDays(due.recommendation());
            LocalDate oldest = null;
            if (t.recommendations() < 1 && today.isAfter(recommendationDue)) {
                missing.add("RECOMMENDATION");
                oldest = recommendationDue;
            }
            for (int n = t.followUps(); n < due.followUps().size(); n++) {
                LocalDate followUpDue = end.plusDays(due.followUps().get(n));
                if (today.isAfter(followUpDue)) {
                    missing.add("FOLLOW_UP_" + (n + 1));
                    oldest = oldest == null || followUpDue.isBefore(oldest) ? followUpDue : oldest;
                }
            }
            if (!missing.isEmpty()) {
                overdue.add(new OverdueTraineeView(t.classId(), t.countyCode(), t.organiser(), t.personKey(), missing,
                        oldest.toString(), java.time.temporal.ChronoUnit.DAYS.between(oldest, today), t.recommendations(),
                        t.followUps()));
            }
        }
        return overdue;
    }

    /** The class facts a roster is checked against. */
    public Optional<Roster> roster(String classId) {
        return jdbc.query("""
                        SELECT class_id, county_code, trade, start_date, end_date, planned_size, enrolled
                        FROM training_class WHERE class_id = :id""", new MapSqlParameterSource("id", classId),
                (rs, n) -> new Roster(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, "start_date"),
                        date(rs, "end_date"), rs.getInt(6), rs.getInt(7))).stream().findFirst();
    }

    /** Which of these people are enrolled in the class (one query per {@value #KEYS_PER_QUERY} keys). */
    public Set<String> enrolledAmong(String classId, Collection<String> personKeys) {
        Set<String> enrolled = new HashSet<>();
        for (List<String> keys : chunks(personKeys)) {
            enrolled.addAll(jdbc.queryForList("""
                            SELECT person_key FROM training_class_trainee
                            WHERE class_id = :id AND person_key IN (:keys) AND status = 'ENROLLED'""",
                    new MapSqlParameterSource("id", classId).addValue("keys", keys), String.class));
        }
        return enrolled;
    }

    /**
     * The classes each of these people is enrolled in, with their dates (one query per {@value #KEYS_PER_QUERY} keys);
     * people without any are absent from the map.
     */
    public Map<String, List<Enrolment>> enrolmentsOf(Collection<String> personKeys) {
        Map<String, List<Enrolment>> byPerson = new LinkedHashMap<>();
        for (List<String> keys : chunks(personKeys)) {
            jdbc.query("""
                    SELECT person_key, class_id, county_code, trade, start_date, end_date FROM training_person_class
                    WHERE person_key IN (:keys) AND status = 'ENROLLED' AND start_date IS NOT NULL
                    ORDER BY person_key, seen_order""", new MapSqlParameterSource("keys", keys), rs -> {
                Enrolment e = new Enrolment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        date(rs, "start_date"), date(rs, "end_date"));
                byPerson.computeIfAbsent(e.personKey(), k -> new ArrayList<>()).add(e);
            });
        }
        return byPerson;
    }

    // ------------------------------------------------------------------ helpers

    private static ClassSummary summary(ResultSet rs) throws SQLException {
        return new ClassSummary(rs.getString("class_id"), rs.getString("county_code"), rs.getString("organiser"),
                rs.getString("trade"), rs.getString("category"), rs.getString("delivery_mode"), bool(rs, "order_directed"),
                (Integer) rs.getObject("planned_size", Integer.class), date(rs, "start_date"), date(rs, "end_date"),
                rs.getString("status"), rs.getBoolean("late_filing"), date(rs, "completed_on"),
                rs.getBigDecimal("pass_rate"), rs.getInt("enrolled"), rs.getInt("inspection_count"));
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(keys));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += KEYS_PER_QUERY) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + KEYS_PER_QUERY)));
        }
        return chunks;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Boolean.class);
    }
}
