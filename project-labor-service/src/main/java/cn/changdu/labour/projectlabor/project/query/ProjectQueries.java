package cn.changdu.labour.projectlabor.project.query;

import cn.changdu.labour.projectlabor.worker.api.RosterStint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads of the project read model ({@link ProjectViews}), each an index lookup or an indexed range of the
 * {@code pl_*} tables; personal data is masked by the web layer. Text is ordered here, in Java, as it always was
 * (a database orders Chinese text by its collation, which differs between engines and installations).
 */
@Component
public class ProjectQueries {

    private static final BigDecimal TARGET = new BigDecimal("0.30");
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public ProjectQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record ProjectSummary(String projectId, String name, String countyCode, String department,
                                 boolean governmentInvested, int plannedWorkforce, String status,
                                 String contractor, List<String> subcontractors, String startDate,
                                 String plannedEndDate, String wageAccount, Integer wagePayDay, String closedOn,
                                 String lastFiledOn, int localWorkers, int totalWorkers, @Decimal BigDecimal localShare,
                                 boolean belowTarget, @Decimal BigDecimal openArrearsAmount, int openArrearsWorkers) {
    }

    public record RosterEntry(String personKey, String name, String residentId, String phone,
                              boolean localFarmerHerder, String homeCountyCode, String trade, @Decimal BigDecimal wageRate,
                              String payCycle, boolean socialInsuranceRegistered, String joinedOn, String leftOn) {
    }

    public record PayrollLineView(String personKey, Integer daysWorked, @Decimal BigDecimal amountDue) {
    }

    public record PayrollView(String period, List<PayrollLineView> lines, @Decimal BigDecimal totalDue, String dueDate,
                              String submittedOn) {
    }

    public record PaymentView(String paymentId, String personKey, String name, String residentId, String period,
                              @Decimal BigDecimal amount, String paidOn, String channel, Boolean onRoster) {
    }

    public record ArrearsView(String projectId, String projectName, String countyCode, String department,
                              boolean governmentInvested, String personKey, String name, String period,
                              @Decimal BigDecimal amountDue, @Decimal BigDecimal outstanding, String dueDate) {
    }

    public record DepartmentShare(String department, int projects, int projectsBelowTarget, int localWorkers,
                                  int totalWorkers, @Decimal BigDecimal localShare, boolean belowTarget) {
    }

    public record DisputeView(String disputeId, String personKey, String name, String residentId, String category,
                              @Decimal BigDecimal claimedAmount, String description, String filedOn, String status,
                              String outcome, @Decimal BigDecimal awardedAmount, String note, String resolvedOn) {
    }

    public List<ProjectSummary> projects(String countyCode, String department) {
        StringBuilder sql = new StringBuilder("SELECT * FROM pl_project WHERE 1 = 1");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (countyCode != null) {
            sql.append(" AND county_code = :countyCode");
            parameters.addValue("countyCode", countyCode);
        }
        if (department != null) {
            sql.append(" AND department = :department");
            parameters.addValue("department", department);
        }
        return jdbc.query(sql.toString(), parameters, (rs, n) -> summary(rs)).stream()
                .sorted(Comparator.comparing(ProjectSummary::countyCode).thenComparing(ProjectSummary::name))
                .toList();
    }

    public Optional<ProjectSummary> project(String projectId) {
        // the project's open arrears are kept on its row (ProjectViews), not summed over every open case city-wide
        return jdbc.query("SELECT * FROM pl_project WHERE project_id = :projectId",
                new MapSqlParameterSource("projectId", projectId), (rs, n) -> summary(rs)).stream().findFirst();
    }

    public List<RosterEntry> roster(String projectId) {
        return jdbc.query("SELECT * FROM pl_roster WHERE project_id = :projectId",
                        new MapSqlParameterSource("projectId", projectId),
                        (rs, n) -> new RosterEntry(rs.getString("person_key"), rs.getString("name"),
                                rs.getString("resident_id"), rs.getString("phone"), rs.getBoolean("local_farmer_herder"),
                                rs.getString("home_county_code"), rs.getString("trade"), rs.getBigDecimal("wage_rate"),
                                rs.getString("pay_cycle"), rs.getBoolean("social_insurance_registered"),
                                date(rs, "joined_on"), date(rs, "left_on")))
                .stream()
                .sorted(Comparator.comparing(RosterEntry::joinedOn).thenComparing(RosterEntry::personKey))
                .toList();
    }

    /**
     * The roster stints of each of these people on every project (for the pre-checks of bulk imports), read in one
     * query ({@code person_key IN (...)}, through its index) for all of them rather than one per person; a person
     * with none maps to an empty list.
     */
    public Map<String, List<RosterStint>> stintsOf(Collection<String> personKeys) {
        Map<String, List<RosterStint>> byPerson = new HashMap<>();
        personKeys.forEach(key -> byPerson.put(key, new ArrayList<>()));
        if (!personKeys.isEmpty()) {
            jdbc.query("""
                    SELECT person_key, project_id, joined_on, left_on FROM pl_roster
                    WHERE person_key IN (:personKeys)
                    ORDER BY joined_on, project_id""",
                    new MapSqlParameterSource("personKeys", List.copyOf(byPerson.keySet())),
                    rs -> {
                        byPerson.get(rs.getString("person_key")).add(new RosterStint(rs.getString("project_id"),
                                rs.getObject("joined_on", LocalDate.class), rs.getObject("left_on", LocalDate.class)));
                    });
        }
        return byPerson;
    }

    public List<PayrollView> payrolls(String projectId, String period) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("projectId", projectId);
        String sql = """
                SELECT p.period, p.total_due, p.due_date, p.submitted_on, l.person_key, l.days_worked, l.amount_due
                FROM pl_payroll p LEFT JOIN pl_payroll_line l ON l.project_id = p.project_id AND l.period = p.period
                WHERE p.project_id = :projectId""";
        if (period != null) {
            sql += " AND p.period = :period";
            parameters.addValue("period", period);
        }
        record Row(String period, BigDecimal totalDue, String dueDate, String submittedOn, PayrollLineView line) {
        }
        Map<String, List<Row>> byPeriod = new TreeMap<>();
        jdbc.query(sql + " ORDER BY p.period, l.line_no", parameters, rs -> {
            String p = rs.getString("period");
            String person = rs.getString("person_key");
            byPeriod.computeIfAbsent(p, k -> new ArrayList<>()).add(new Row(p, rs.getBigDecimal("total_due"),
                    date(rs, "due_date"), date(rs, "submitted_on"), person == null ? null
                    : new PayrollLineView(person, rs.getObject("days_worked", Integer.class), rs.getBigDecimal("amount_due"))));
        });
        return byPeriod.values().stream().map(rows -> {
            Row first = rows.get(0);
            return new PayrollView(first.period(), rows.stream().map(Row::line).filter(l -> l != null).toList(),
                    first.totalDue(), first.dueDate(), first.submittedOn());
        }).toList();
    }

    public List<PaymentView> payments(String projectId, String period) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("projectId", projectId);
        String sql = "SELECT * FROM pl_payment WHERE project_id = :projectId";
        if (period != null) {
            sql += " AND period = :period";
            parameters.addValue("period", period);
        }
        return jdbc.query(sql, parameters, (rs, n) -> new PaymentView(rs.getString("payment_id"),
                        rs.getString("person_key"), rs.getString("name"), rs.getString("resident_id"),
                        rs.getString("period"), rs.getBigDecimal("amount"), date(rs, "paid_on"), rs.getString("channel"),
                        rs.getObject("on_roster", Boolean.class)))
                .stream()
                .sorted(Comparator.comparing(PaymentView::period).thenComparing(PaymentView::paidOn)
                        .thenComparing(PaymentView::paymentId))
                .toList();
    }

    /** Open arrears city-wide: government-invested projects first, then the largest amounts, then the oldest. */
    public List<ArrearsView> openArrears(String countyCode, String department) {
        // open cases through their index (by county or department: a case carries its project's, which never
        // change), each with its project's name in the same query
        StringBuilder sql = new StringBuilder("""
                SELECT a.*, p.name AS project_name
                FROM pl_arrears a LEFT JOIN pl_project p ON p.project_id = a.project_id
                WHERE a.open = TRUE""");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (countyCode != null) {
            sql.append(" AND a.county_code = :countyCode");
            parameters.addValue("countyCode", countyCode);
        }
        if (department != null) {
            sql.append(" AND a.department = :department");
            parameters.addValue("department", department);
        }
        return jdbc.query(sql.toString(), parameters, (rs, n) -> new ArrearsView(rs.getString("project_id"),
                        rs.getString("project_name"), rs.getString("county_code"), rs.getString("department"),
                        rs.getBoolean("government_invested"), rs.getString("person_key"), rs.getString("name"),
                        rs.getString("period"), rs.getBigDecimal("amount_due"), rs.getBigDecimal("outstanding"),
                        date(rs, "due_date")))
                .stream()
                .sorted(Comparator.comparing((ArrearsView a) -> !a.governmentInvested())
                        .thenComparing(ArrearsView::outstanding, Comparator.reverseOrder())
                        .thenComparing(ArrearsView::dueDate)
                        .thenComparing(ArrearsView::projectId).thenComparing(ArrearsView::personKey))
                .toList();
    }

    /** Live local-labour share per owning department, over its open projects' active rosters. */
    public List<DepartmentShare> departmentShares() {
        Map<String, int[]> byDepartment = new TreeMap<>();
        jdbc.query("""
                SELECT department, COUNT(*) AS projects, SUM(CASE WHEN below_target THEN 1 ELSE 0 END) AS below,
                       SUM(local_workers) AS local_workers, SUM(total_workers) AS total_workers
                FROM pl_project WHERE status = :status GROUP BY department""",
                new MapSqlParameterSource("status", "OPEN"),
                rs -> {
                    byDepartment.put(rs.getString("department"), new int[]{rs.getInt("projects"), rs.getInt("below"),
                            rs.getInt("local_workers"), rs.getInt("total_workers")});
                });
        return byDepartment.entrySet().stream().map(e -> {
            int[] t = e.getValue();
            BigDecimal share = share(t[2], t[3]);
            return new DepartmentShare(e.getKey(), t[0], t[1], t[2], t[3], share,
                    t[3] > 0 && share.compareTo(TARGET) < 0);
        }).toList();
    }

    public List<DisputeView> disputes(String projectId) {
        return jdbc.query("SELECT * FROM pl_dispute WHERE project_id = :projectId",
                        new MapSqlParameterSource("projectId", projectId),
                        (rs, n) -> new DisputeView(rs.getString("dispute_id"), rs.getString("person_key"),
                                rs.getString("name"), rs.getString("resident_id"), rs.getString("category"),
                                rs.getBigDecimal("claimed_amount"), rs.getString("description"), date(rs, "filed_on"),
                                rs.getString("status"), rs.getString("outcome"), rs.getBigDecimal("awarded_amount"),
                                rs.getString("note"), date(rs, "resolved_on")))
                .stream()
                .sorted(Comparator.comparing(DisputeView::filedOn).thenComparing(DisputeView::disputeId))
                .toList();
    }

    private ProjectSummary summary(ResultSet rs) throws SQLException {
        int local = rs.getInt("local_workers");
        int total = rs.getInt("total_workers");
        return new ProjectSummary(rs.getString("project_id"), rs.getString("name"), rs.getString("county_code"),
                rs.getString("department"), rs.getBoolean("government_invested"), rs.getInt("planned_workforce"),
                rs.getString("status"), rs.getString("contractor"), names(rs.getString("subcontractors")),
                date(rs, "start_date"), date(rs, "planned_end_date"), rs.getString("wage_account"),
                rs.getObject("wage_pay_day", Integer.class), date(rs, "closed_on"), date(rs, "last_filed_on"),
                local, total, share(local, total), rs.getBoolean("below_target"),
                rs.getBigDecimal("open_arrears_amount").setScale(2), rs.getInt("open_arrears_workers"));
    }

    private List<String> names(String text) {
        try {
            return text == null ? null : json.readValue(text, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal share(int local, int total) {
        return total == 0 ? null : BigDecimal.valueOf(local).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }

    /** A date as the API gives it: ISO ({@code 2020-04-01}), or null. */
    private static String date(ResultSet rs, String column) throws SQLException {
        LocalDate date = rs.getObject(column, LocalDate.class);
        return date == null ? null : date.toString();
    }
}
