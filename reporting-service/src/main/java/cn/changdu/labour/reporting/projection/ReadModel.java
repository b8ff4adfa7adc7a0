package cn.changdu.labour.reporting.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The versions of the read model in the relational store: which one serves ({@code projection_state}), which one a
 * rebuild is filling, and the switch between them, atomic with a check that the new one has reached the live one's
 * offsets. Every table of the read model is keyed by version, so a version is dropped with one delete per table.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);

    /** Every table whose rows belong to one version. */
    static final List<String> TABLES = List.of("projection_offset", "aggregate_position", "fact", "figure",
            "figure_checkpoint", "person_state", "case_state", "distinct_state", "household",
            "household_placement", "placement_household", "project", "project_arrears", "class_duty", "class_trainee",
            "projected_type");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ReadModel(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        try {
            tx.executeWithoutResult(s -> {
                if (jdbc.queryForObject("SELECT COUNT(*) FROM projection_state", Integer.class) == 0) {
                    jdbc.update("INSERT INTO projection_state (id, active_version, kafka_cluster, changed_at) VALUES (1, 1, NULL, ?)", now());
                    jdbc.update("INSERT INTO read_model_version (version, state, created_at) VALUES (1, 'ACTIVE', ?)", now());
                }
            });
        } catch (DataIntegrityViolationException raced) {
            // a second instance created it at the same moment
        }
    }

    /** The version that serves now (read from the store: another instance may have switched it). */
    public int active() {
        return jdbc.queryForObject("SELECT active_version FROM projection_state WHERE id = 1", Integer.class);
    }

    /**
     * The stored offsets belong to one Kafka cluster: a data folder used with another (a new embedded broker) would
     * skip the new cluster's records, so the read model starts again as a new version.
     */
    public void belongsTo(String clusterId) {
        if (clusterId == null) {
            return;
        }
        String stored = jdbc.queryForObject("SELECT kafka_cluster FROM projection_state WHERE id = 1", String.class);
        if (stored == null) {
            jdbc.update("UPDATE projection_state SET kafka_cluster = ? WHERE id = 1 AND kafka_cluster IS NULL", clusterId);
        } else if (!stored.equals(clusterId)) {
            int old = active();
            int fresh = nextVersion();
            log.warn("the read model was projected from Kafka cluster {}, this is {}: starting read-model version {} from "
                    + "the beginning of the topics (version {} is dropped)", stored, clusterId, fresh, old);
            tx.executeWithoutResult(s -> {
                jdbc.update("INSERT INTO read_model_version (version, state, created_at) VALUES (?, 'ACTIVE', ?)", fresh, now());
                jdbc.update("UPDATE read_model_version SET state = 'RETIRED' WHERE version = ?", old);
                jdbc.update("UPDATE projection_state SET active_version = ?, kafka_cluster = ?, changed_at = ? WHERE id = 1",
                        fresh, clusterId, now());
            });
            drop(old);
        }
    }

    /** A new, empty version for a rebuild; what an abandoned rebuild left is dropped first. */
    public int startBuilding() {
        for (Integer abandoned : jdbc.queryForList("SELECT version FROM read_model_version WHERE state = 'BUILDING'", Integer.class)) {
            drop(abandoned);
            jdbc.update("UPDATE read_model_version SET state = 'RETIRED' WHERE version = ?", abandoned);
        }
        int next = nextVersion();
        jdbc.update("INSERT INTO read_model_version (version, state, created_at) VALUES (?, 'BUILDING', ?)", next, now());
        return next;
    }

    public void abandon(int version) {
        jdbc.update("UPDATE read_model_version SET state = 'RETIRED' WHERE version = ?", version);
        drop(version);
    }

    /**
     * Makes {@code next} the active version if it has reached every stored offset of {@code from}. The state row is
     * locked first, so no live batch of {@code from} commits meanwhile (each checks the active version last).
     *
     * @return false if {@code from} moved on (catch up and try again) or is no longer active
     */
    public boolean switchTo(int next, int from) {
        Boolean switched = tx.execute(s -> {
            if (jdbc.update("UPDATE projection_state SET active_version = ?, changed_at = ? WHERE id = 1 AND active_version = ?",
                    next, now(), from) == 0) {
                return false;
            }
            if (!Objects.equals(offsets(from), offsets(next))) {
                s.setRollbackOnly();
                return false;
            }
            jdbc.update("UPDATE read_model_version SET state = 'RETIRED' WHERE version = ?", from);
            jdbc.update("UPDATE read_model_version SET state = 'ACTIVE' WHERE version = ?", next);
            return true;
        });
        return Boolean.TRUE.equals(switched);
    }

    public Map<String, Long> offsets(int version) {
        Map<String, Long> offsets = new java.util.TreeMap<>();
        jdbc.query("SELECT topic, part, next_offset FROM projection_offset WHERE version = ?",
                rs -> {
                    offsets.put(rs.getString(1) + "-" + rs.getInt(2), rs.getLong(3));
                }, version);
        return offsets;
    }

    /** Deletes a version's rows, table by table. */
    public void drop(int version) {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE version = ?", version);
        }
    }

    private int nextVersion() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) + 1 FROM read_model_version", Integer.class);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
