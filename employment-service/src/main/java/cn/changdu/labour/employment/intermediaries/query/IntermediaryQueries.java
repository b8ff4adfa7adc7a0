package cn.changdu.labour.employment.intermediaries.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import cn.changdu.labour.employment.placement.app.IntermediaryStatuses;
import cn.changdu.labour.employment.query.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the intermediaries view (see {@link IntermediaryViews}); each an index lookup. */
@Component
public class IntermediaryQueries implements IntermediaryStatuses {

    private final JdbcTemplate jdbc;

    public IntermediaryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An intermediary as the list shows it; the suspension fields appear once it is suspended. */
    public record IntermediaryView(String intermediaryId, String name, String kind, String countyCode, String township,
                                   String recognisedOn, String status,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String suspendedOn,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String suspensionReason) {
    }

    /** The intermediary's status (RECOGNISED or SUSPENDED), empty when unknown. */
    @Override
    public Optional<String> status(String intermediaryId) {
        return jdbc.queryForList("SELECT status FROM employment_intermediary WHERE intermediary_id = ?", String.class,
                intermediaryId).stream().findFirst();
    }

    /** The status of each known intermediary among {@code intermediaryIds} (unknown ones are absent), in one query. */
    @Override
    public Map<String, String> statuses(Collection<String> intermediaryIds) {
        Map<String, String> statuses = new HashMap<>();
        if (!intermediaryIds.isEmpty()) {
            jdbc.query("SELECT intermediary_id, status FROM employment_intermediary WHERE intermediary_id = ANY(?)",
                    rs -> {
                        statuses.put(rs.getString(1), rs.getString(2));
                    }, Columns.anyOf(intermediaryIds));
        }
        return statuses;
    }

    /** Intermediaries by name, of a county and/or a status (null: any). */
    public List<IntermediaryView> find(String countyCode, String status) {
        StringBuilder sql = new StringBuilder("""
                SELECT intermediary_id, name, kind, county_code, township, recognised_on, status, suspended_on,
                    suspension_reason
                FROM employment_intermediary""");
        List<Object> args = new ArrayList<>();
        if (countyCode != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append("county_code = ?");
            args.add(countyCode);
        }
        if (status != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append("status = ?");
            args.add(status);
        }
        return jdbc.query(sql.append(" ORDER BY name, intermediary_id").toString(),
                (rs, n) -> new IntermediaryView(rs.getString("intermediary_id"), rs.getString("name"),
                        rs.getString("kind"), rs.getString("county_code"), rs.getString("township"),
                        Columns.date(rs, "recognised_on"), rs.getString("status"), Columns.date(rs, "suspended_on"),
                        rs.getString("suspension_reason")), args.toArray());
    }
}
