package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.reporting.projection.Codec.FigureKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure checkpoints by recording time: the figures of the facts recorded before a moment, taken once the
 * projection of every partition has passed it (or has caught up), at most one per {@code
 * platform.projection.checkpoint-interval} of recording time that saw facts. A view "as recorded before T" is the
 * nearest checkpoint at or before T plus the effects of the facts recorded since: an index range, never all facts.
 */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    public record Figures(Map<FigureKey, BigDecimal> figures, long facts) {
    }

    private record Stored(Instant takenAt, long facts, String figures) {
    }

    private List<Stored> latest(String where, Object... args) {
        return jdbc.query("SELECT taken_at, facts, figures FROM figure_checkpoint WHERE " + where
                        + " ORDER BY taken_at DESC FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> new Stored(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3)), args);
    }

    private final JdbcTemplate jdbc;
    private final ReadModel readModel;
    private final Positions positions;
    private final long intervalMillis;
    private final Names names;

    public Checkpoints(JdbcTemplate jdbc, ReadModel readModel, Positions positions,
                       @Value("${platform.projection.checkpoint-interval:PT6H}") Duration interval) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.positions = positions;
        this.intervalMillis = interval.toMillis();
        this.names = new Names(jdbc);
    }

    /** The figures of the facts of a version recorded before {@code moment}. */
    public Figures figuresAt(int version, Instant moment) {
        List<Stored> nearest = latest("version = ? AND taken_at <= ?", version, Timestamp.from(moment));
        Map<FigureKey, BigDecimal> figures = new HashMap<>();
        long facts = 0;
        Instant from = null;
        if (!nearest.isEmpty()) {
            figures.putAll(Codec.readFigures(nearest.get(0).figures()));
            facts = nearest.get(0).facts();
            from = nearest.get(0).takenAt();
        }
        return new Figures(figures, facts + addEffects(version, from, moment, figures));
    }

    /** Adds the effects of the facts recorded in [from, to) (from null: the beginning); @return how many facts. */
    private long addEffects(int version, Instant from, Instant to, Map<FigureKey, BigDecimal> figures) {
        long[] count = {0};
        String sql = "SELECT effects FROM fact WHERE version = ? AND recorded_at < ?" + (from == null ? "" : " AND recorded_at >= ?");
        Object[] args = from == null ? new Object[]{version, Timestamp.from(to)}
                : new Object[]{version, Timestamp.from(to), Timestamp.from(from)};
        jdbc.query(sql, rs -> {
            count[0]++;
            Codec.readEffects(rs.getBytes(1), names, (k, d) -> figures.merge(k, d, BigDecimal::add));
        }, args);
        return count[0];
    }

    @Scheduled(fixedDelayString = "${platform.projection.checkpoint-check:PT10S}", initialDelayString = "PT5S")
    public void take() {
        try {
            takeUpTo(readModel.active(), watermark(), 50);
        } catch (RuntimeException e) {
            log.warn("checkpoint not taken: {}", e.toString());
        }
    }

    /**
     * Recording time up to which every partition has been projected: the oldest last-recorded time among the
     * partitions that still lag, or now when none does. Null when Kafka could not be asked.
     */
    Instant watermark() {
        List<Positions.PartitionPosition> parts = positions.partitions();
        if (parts.isEmpty()) {
            return null;
        }
        Instant mark = Instant.now();
        for (Positions.PartitionPosition p : parts) {
            if (p.end() > p.next()) {
                if (p.lastRecordedAt() == null) {
                    return null;
                }
                mark = p.lastRecordedAt().isBefore(mark) ? p.lastRecordedAt() : mark;
            }
        }
        return mark;
    }

    /** Takes the checkpoints due before {@code watermark}, at most {@code limit}. */
    public int takeUpTo(int version, Instant watermark, int limit) {
        if (watermark == null) {
            return 0;
        }
        int taken = 0;
        while (taken < limit) {
            List<Stored> last = latest("version = ?", version);
            Instant from = last.isEmpty() ? null : last.get(0).takenAt();
            Timestamp next = from == null
                    ? jdbc.queryForObject("SELECT MIN(recorded_at) FROM fact WHERE version = ?", Timestamp.class, version)
                    : jdbc.queryForObject("SELECT MIN(recorded_at) FROM fact WHERE version = ? AND recorded_at >= ?",
                    Timestamp.class, version, Timestamp.from(from));
            if (next == null) {
                return taken;
            }
            long millis = next.toInstant().toEpochMilli();
            Instant boundary = Instant.ofEpochMilli(Math.floorDiv(millis, intervalMillis) * intervalMillis + intervalMillis);
            if (boundary.isAfter(watermark)) {
                return taken;
            }
            Map<FigureKey, BigDecimal> figures = new HashMap<>();
            long facts = 0;
            if (!last.isEmpty()) {
                figures.putAll(Codec.readFigures(last.get(0).figures()));
                facts = last.get(0).facts();
            }
            facts += addEffects(version, from, boundary, figures);
            jdbc.update("INSERT INTO figure_checkpoint (version, taken_at, facts, figures) VALUES (?,?,?,?)",
                    version, Timestamp.from(boundary), facts, Codec.figures(figures));
            taken++;
        }
        return taken;
    }
}
