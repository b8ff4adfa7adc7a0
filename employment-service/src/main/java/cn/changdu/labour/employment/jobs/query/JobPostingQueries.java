package cn.changdu.labour.employment.jobs.query;

import cn.changdu.labour.employment.query.Columns;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads of the job postings view (see {@link JobPostingViews}). */
@Component
public class JobPostingQueries {

    private final JdbcTemplate jdbc;

    public JobPostingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A posting as the list shows it; the fill and withdrawal fields appear once something was filled or withdrawn. */
    public record JobPostingView(String postingId, String countyCode, String employer, String sector, int positions,
                                 String monthlyWage, String region, String province, String publishedOn, int filled,
                                 String status,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String lastFilledOn,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String withdrawnOn,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String withdrawalReason) {
    }

    /** Postings by the day published (then id), of a county, an employer and/or a status (null: any). */
    public List<JobPostingView> find(String countyCode, String employer, String status) {
        StringBuilder sql = new StringBuilder("""
                SELECT posting_id, county_code, employer, sector, positions, monthly_wage, region, province,
                    published_on, filled, status, last_filled_on, withdrawn_on, withdrawal_reason
                FROM employment_job_posting""");
        List<Object> args = new ArrayList<>();
        if (countyCode != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append("county_code = ?");
            args.add(countyCode);
        }
        if (employer != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append("employer = ?");
            args.add(employer);
        }
        if (status != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append("status = ?");
            args.add(status);
        }
        return jdbc.query(sql.append(" ORDER BY published_on, posting_id").toString(),
                (rs, n) -> new JobPostingView(rs.getString("posting_id"), rs.getString("county_code"),
                        rs.getString("employer"), rs.getString("sector"), rs.getInt("positions"),
                        Columns.money(rs, "monthly_wage"), rs.getString("region"), rs.getString("province"),
                        Columns.date(rs, "published_on"), rs.getInt("filled"), rs.getString("status"),
                        Columns.date(rs, "last_filled_on"), Columns.date(rs, "withdrawn_on"),
                        rs.getString("withdrawal_reason")), args.toArray());
    }
}
