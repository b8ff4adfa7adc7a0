package cn.changdu.labour.employment.intermediaries.query;

import cn.changdu.labour.employment.intermediaries.api.IntermediaryRecognisedEvent;
import cn.changdu.labour.employment.intermediaries.api.IntermediarySuspendedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Labour intermediaries view (table {@code employment_intermediary}, migration V11): one row per intermediary,
 * inserted once when recognised, updated when suspended. Read by {@link IntermediaryQueries}.
 */
@Component
@ProcessingGroup(IntermediaryViews.PROCESSING_GROUP)
public class IntermediaryViews {

    public static final String PROCESSING_GROUP = "intermediary-views";

    private final JdbcTemplate jdbc;

    public IntermediaryViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IntermediaryRecognisedEvent e) {
        jdbc.update("""
                INSERT INTO employment_intermediary (intermediary_id, name, kind, county_code, township, recognised_on,
                    status)
                VALUES (?, ?, ?, ?, ?, ?, 'RECOGNISED')
                ON CONFLICT DO NOTHING""",
                e.intermediaryId(), e.name(), e.kind().name(), e.countyCode(), e.township(), e.recognisedOn());
    }

    @EventHandler
    void on(IntermediarySuspendedEvent e) {
        jdbc.update("""
                UPDATE employment_intermediary SET status = 'SUSPENDED', suspended_on = ?, suspension_reason = ?
                WHERE intermediary_id = ?""", e.suspendedOn(), e.reason(), e.intermediaryId());
    }
}
