package cn.changdu.labour.employment.jobfairs.query;

import cn.changdu.labour.employment.jobfairs.api.JobFairHeldEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Job fairs view (table {@code employment_job_fair}, migration V11): one row per fair held. The placements
 * attributed to a fair are counted from the placements view when the list is read ({@link JobFairQueries}).
 */
@Component
@ProcessingGroup(JobFairViews.PROCESSING_GROUP)
public class JobFairViews {

    public static final String PROCESSING_GROUP = "job-fair-views";

    private final JdbcTemplate jdbc;

    public JobFairViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JobFairHeldEvent e) {
        jdbc.update("""
                INSERT INTO employment_job_fair (job_fair_id, county_code, name, held_on, employers, positions_offered,
                    attendance)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                e.jobFairId(), e.countyCode(), e.name(), e.heldOn(), e.employers(), e.positionsOffered(),
                e.attendance());
    }
}
