package cn.changdu.labour.employment.jobs.query;

import cn.changdu.labour.employment.jobs.api.JobPostingFilledEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingPublishedEvent;
import cn.changdu.labour.employment.jobs.api.JobPostingWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Job postings view (table {@code employment_job_posting}, migration V12): one row per posting, inserted once when
 * published, then updated with the totals its events carry. Read by {@link JobPostingQueries}.
 */
@Component
@ProcessingGroup(JobPostingViews.PROCESSING_GROUP)
public class JobPostingViews {

    public static final String PROCESSING_GROUP = "job-posting-views";

    private final JdbcTemplate jdbc;

    public JobPostingViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JobPostingPublishedEvent e) {
        jdbc.update("""
                INSERT INTO employment_job_posting (posting_id, county_code, employer, sector, positions, monthly_wage,
                    region, province, published_on, filled, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'OPEN')
                ON CONFLICT DO NOTHING""",
                e.postingId(), e.countyCode(), e.employer(), e.sector(), e.positions(), e.monthlyWage(),
                e.region().name(), e.province(), e.publishedOn());
    }

    @EventHandler
    void on(JobPostingFilledEvent e) {
        // the event carries the total filled so far: FILLED once it reaches the positions
        jdbc.update("""
                UPDATE employment_job_posting SET filled = ?, last_filled_on = ?,
                    status = CASE WHEN positions = ? THEN 'FILLED' ELSE status END
                WHERE posting_id = ?""", e.filledTotal(), e.filledOn(), e.filledTotal(), e.postingId());
    }

    @EventHandler
    void on(JobPostingWithdrawnEvent e) {
        jdbc.update("""
                UPDATE employment_job_posting SET status = 'WITHDRAWN', withdrawn_on = ?, withdrawal_reason = ?
                WHERE posting_id = ?""", e.withdrawnOn(), e.reason(), e.postingId());
    }
}
