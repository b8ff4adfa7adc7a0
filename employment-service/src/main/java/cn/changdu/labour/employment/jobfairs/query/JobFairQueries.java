package cn.changdu.labour.employment.jobfairs.query;

import cn.changdu.labour.employment.placement.app.HeldJobFairs;
import cn.changdu.labour.employment.placement.app.PlacementCounts;
import cn.changdu.labour.employment.query.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of the job fairs view (see {@link JobFairViews}). */
@Component
public class JobFairQueries implements HeldJobFairs {

    private final JdbcTemplate jdbc;
    private final PlacementCounts placements;

    public JobFairQueries(JdbcTemplate jdbc, PlacementCounts placements) {
        this.jdbc = jdbc;
        this.placements = placements;
    }

    public record JobFairView(String jobFairId, String countyCode, String name, String heldOn, int employers,
                              int positionsOffered, int attendance, long placementsAttributed) {
    }

    public boolean exists(String jobFairId) {
        return !jdbc.queryForList("SELECT job_fair_id FROM employment_job_fair WHERE job_fair_id = ?", String.class,
                jobFairId).isEmpty();
    }

    /** The ids among {@code jobFairIds} of job fairs that were held, read in one query. */
    @Override
    public Set<String> held(Collection<String> jobFairIds) {
        Set<String> held = new HashSet<>();
        if (!jobFairIds.isEmpty()) {
            held.addAll(jdbc.queryForList("SELECT job_fair_id FROM employment_job_fair WHERE job_fair_id = ANY(?)",
                    String.class, Columns.anyOf(jobFairIds)));
        }
        return held;
    }

    /**
     * Job fairs by the day held (then id), of a county or all, each with the placements attributed to it: two
     * queries for the whole list (the fairs, then the placements of all of them counted per fair).
     */
    public List<JobFairView> find(String countyCode) {
        String where = countyCode == null ? "" : " WHERE county_code = ?";
        List<JobFairView> fairs = jdbc.query("""
                SELECT job_fair_id, county_code, name, held_on, employers, positions_offered, attendance
                FROM employment_job_fair""" + where + " ORDER BY held_on, job_fair_id",
                (rs, n) -> new JobFairView(rs.getString("job_fair_id"), rs.getString("county_code"),
                        rs.getString("name"), Columns.date(rs, "held_on"), rs.getInt("employers"),
                        rs.getInt("positions_offered"), rs.getInt("attendance"), 0),
                countyCode == null ? new Object[0] : new Object[]{countyCode});
        Map<String, Long> attributed = placements.byJobFair(fairs.stream().map(JobFairView::jobFairId).toList());
        return fairs.stream().map(f -> new JobFairView(f.jobFairId(), f.countyCode(), f.name(), f.heldOn(),
                f.employers(), f.positionsOffered(), f.attendance(), attributed.getOrDefault(f.jobFairId(), 0L)))
                .toList();
    }
}
