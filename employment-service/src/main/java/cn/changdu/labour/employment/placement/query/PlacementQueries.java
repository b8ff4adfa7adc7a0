package cn.changdu.labour.employment.placement.query;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.query.Columns;
import cn.changdu.labour.support.web.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Reads of the placements view (see {@link PlacementViews}), personal data masked for callers who may not see
 * it. Each answer is one query: a placement and its income rows are read together (a join, in the list's order),
 * and the checks of a whole file read the people they need in one statement ({@code = ANY(?)}, one array
 * parameter, an index lookup per key on H2 and PostgreSQL alike).
 */
@Component
public class PlacementQueries {

    private static final String VIEW = """
            SELECT p.placement_id, p.person_key, p.name, p.resident_id, p.phone, p.county_code, p.township, p.channel,
                p.destination, p.destination_province, p.organised_by, p.government_organised_out_of_region,
                p.employer, p.start_date, p.expected_monthly_income, p.intermediary_id, p.training_class_id,
                p.project_id, p.household_id, p.job_fair_id, p.status, p.ended_on, p.end_reason,
                p.verification_due_on, p.verification_overdue, p.verified_on, p.verification_status,
                i.period, i.amount
            FROM employment_placement p
            LEFT JOIN employment_placement_income i ON i.placement_id = p.placement_id
            """;

    private final JdbcTemplate jdbc;

    public PlacementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters; null means any. */
    public record Filter(String countyCode, String channel, String employer, String householdId, String status,
                         Boolean overdue, String personKey, String intermediaryId, String jobFairId) {
    }

    public record PlacementView(String placementId, String personKey, String name, String residentId, String phone,
                                String countyCode, String township, String channel, String destination,
                                String destinationProvince, String organisedBy, boolean governmentOrganisedOutOfRegion,
                                String employer, String startDate, String expectedMonthlyIncome,
                                String intermediaryId, String trainingClassId, String projectId, String householdId,
                                String jobFairId, String status, String endedOn, String endReason,
                                String verificationDueOn, boolean verificationOverdue, String verifiedOn,
                                String verificationStatus, Map<String, String> incomeByPeriod, String totalIncome) {

        /** This placement with its income per month (in period order) and their total, to the fen. */
        PlacementView withIncome(Map<String, BigDecimal> income) {
            Map<String, String> byPeriod = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (Map.Entry<String, BigDecimal> month : income.entrySet()) {
                byPeriod.put(month.getKey(), month.getValue().toPlainString());
                total = total.add(month.getValue());
            }
            return new PlacementView(placementId, personKey, name, residentId, phone, countyCode, township, channel,
                    destination, destinationProvince, organisedBy, governmentOrganisedOutOfRegion, employer,
                    startDate, expectedMonthlyIncome, intermediaryId, trainingClassId, projectId, householdId,
                    jobFairId, status, endedOn, endReason, verificationDueOn, verificationOverdue, verifiedOn,
                    verificationStatus, byPeriod, total.toPlainString());
        }
    }

    /** The placements matching every filter given, by start date (then id). */
    public List<PlacementView> find(Filter filter, Caller caller) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        eq(where, args, "p.county_code", filter.countyCode());
        eq(where, args, "p.channel", filter.channel());
        eq(where, args, "p.employer", filter.employer());
        eq(where, args, "p.household_id", filter.householdId());
        eq(where, args, "p.status", filter.status());
        eq(where, args, "p.person_key", filter.personKey());
        eq(where, args, "p.intermediary_id", filter.intermediaryId());
        eq(where, args, "p.job_fair_id", filter.jobFairId());
        if (filter.overdue() != null) {
            where.append(where.isEmpty() ? "WHERE " : " AND ").append("p.verification_overdue = ?");
            args.add(filter.overdue());
        }
        return jdbc.query(VIEW + where + " ORDER BY p.start_date, p.placement_id, i.period", views(caller),
                args.toArray());
    }

    public Optional<PlacementView> byId(String placementId, Caller caller) {
        return jdbc.query(VIEW + "WHERE p.placement_id = ? ORDER BY i.period", views(caller), placementId)
                .stream().findFirst();
    }

    /** Which of these people have an active placement, in one query for all of them. */
    public Set<String> activelyPlaced(Collection<String> personKeys) {
        Set<String> placed = new HashSet<>();
        if (!personKeys.isEmpty()) {
            jdbc.query("SELECT DISTINCT person_key FROM employment_placement WHERE person_key = ANY(?) AND status = 'ACTIVE'",
                    rs -> {
                        placed.add(rs.getString(1));
                    }, Columns.anyOf(personKeys));
        }
        return placed;
    }

    /** Placements per job fair (ended ones included), for all the fairs given in one query; fairs without any are absent. */
    public Map<String, Long> countsByJobFair(Collection<String> jobFairIds) {
        Map<String, Long> counts = new HashMap<>();
        if (!jobFairIds.isEmpty()) {
            jdbc.query("SELECT job_fair_id, COUNT(*) FROM employment_placement WHERE job_fair_id = ANY(?) GROUP BY job_fair_id",
                    rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }, Columns.anyOf(jobFairIds));
        }
        return counts;
    }

    private static void eq(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(where.isEmpty() ? "WHERE " : " AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** Folds the joined rows (one per placement and month of income, in order) into one view per placement. */
    private static ResultSetExtractor<List<PlacementView>> views(Caller caller) {
        return rs -> views(rs, caller);
    }

    private static List<PlacementView> views(ResultSet rs, Caller caller) throws SQLException {
        List<PlacementView> views = new ArrayList<>();
        PlacementView current = null;
        Map<String, BigDecimal> income = new LinkedHashMap<>();
        while (rs.next()) {
            String id = rs.getString("placement_id");
            if (current == null || !current.placementId().equals(id)) {
                if (current != null) {
                    views.add(current.withIncome(income));
                }
                current = placement(rs, caller);
                income = new LinkedHashMap<>();
            }
            String period = rs.getString("period");
            if (period != null) {
                income.put(period, rs.getBigDecimal("amount"));
            }
        }
        if (current != null) {
            views.add(current.withIncome(income));
        }
        return views;
    }

    /** A placement's own columns (its income follows). */
    private static PlacementView placement(ResultSet rs, Caller caller) throws SQLException {
        return new PlacementView(rs.getString("placement_id"), rs.getString("person_key"),
                caller.personal(rs.getString("name"), Caller::maskName),
                caller.personal(rs.getString("resident_id"), v -> new ResidentId(v).masked()),
                caller.personal(rs.getString("phone"), Caller::maskPhone),
                rs.getString("county_code"), rs.getString("township"), rs.getString("channel"),
                rs.getString("destination"), rs.getString("destination_province"), rs.getString("organised_by"),
                rs.getBoolean("government_organised_out_of_region"), rs.getString("employer"),
                Columns.date(rs, "start_date"), Columns.money(rs, "expected_monthly_income"),
                rs.getString("intermediary_id"), rs.getString("training_class_id"), rs.getString("project_id"),
                rs.getString("household_id"), rs.getString("job_fair_id"), rs.getString("status"),
                Columns.date(rs, "ended_on"), rs.getString("end_reason"), Columns.date(rs, "verification_due_on"),
                rs.getBoolean("verification_overdue"), Columns.date(rs, "verified_on"), rs.getString("verification_status"),
                Map.of(), "0.00");
    }
}
