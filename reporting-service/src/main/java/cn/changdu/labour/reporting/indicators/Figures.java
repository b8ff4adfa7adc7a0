package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.reporting.projection.Checkpoints;
import cn.changdu.labour.reporting.projection.Counting;
import cn.changdu.labour.reporting.projection.Codec.FigureKey;
import cn.changdu.labour.reporting.projection.Fact;
import cn.changdu.labour.reporting.projection.Projection;
import cn.changdu.labour.reporting.projection.ProjectionListener;
import cn.changdu.labour.reporting.projection.ReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The indicators' figures as the dashboard reads them: one query per view (every figure of a year's periods, all
 * time and current state), cached until the next committed batch; the figures as recorded before a moment from the
 * nearest checkpoint plus the facts since.
 */
@Component
public class Figures implements ProjectionListener {

    /** What a view reads: figures by indicator, area and period, the departments, the projects, the facts. */
    public interface Source {
        BigDecimal value(String indicator, String area, String period);

        Set<String> departments();

        List<Projects.ProjectView> projects(String area);

        long facts();
    }

    private record Cached(int version, int year, long commits, long loadedAt, Map<FigureKey, BigDecimal> figures, long facts) {
    }

    private final JdbcTemplate jdbc;
    private final ReadModel readModel;
    private final Checkpoints checkpoints;
    private final AtomicLong commits = new AtomicLong();
    private volatile Cached cached;

    public Figures(JdbcTemplate jdbc, ReadModel readModel, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.checkpoints = checkpoints;
    }

    /** A commit may have changed the figures: the next read loads them again. */
    @Override
    public void committed(Projection.Result result) {
        commits.incrementAndGet();
    }

    /** The live figures of a year (its periods, all time and current state). */
    public Source live(int year) {
        int version = readModel.active();
        long now = System.nanoTime();
        Cached c = cached;
        long seen = commits.get();
        if (c == null || c.version() != version || c.year() != year
                || c.commits() != seen) {
            Map<FigureKey, BigDecimal> figures = new HashMap<>();
            List<String> periods = periodsOf(year);
            jdbc.query("SELECT indicator, area, period_key, amount FROM figure WHERE version = ? AND period_key IN ("
                            + String.join(",", java.util.Collections.nCopies(periods.size(), "?")) + ")",
                    rs -> {
                        figures.put(new FigureKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4));
                    }, concat(version, periods));
            Long facts = jdbc.queryForObject("SELECT COALESCE(SUM(events), 0) FROM projected_type WHERE version = ?",
                    Long.class, version);
            c = new Cached(version, year, seen, now, figures, facts == null ? 0 : facts);
            cached = c;
        }
        return source(c.version(), c.figures(), c.facts());
    }

    /** The figures as they stood at a moment of recording time: facts recorded before it. */
    public Source recordedBefore(Instant moment) {
        int version = readModel.active();
        Checkpoints.Figures at = checkpoints.figuresAt(version, moment);
        return source(version, at.figures(), at.facts());
    }

    /** Every figure of a version (for comparing two versions). */
    public Map<FigureKey, BigDecimal> all(int version) {
        Map<FigureKey, BigDecimal> figures = new HashMap<>();
        jdbc.query("SELECT indicator, area, period_key, amount FROM figure WHERE version = ?", rs -> {
            figures.put(new FigureKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4));
        }, version);
        return figures;
    }

    private Source source(int version, Map<FigureKey, BigDecimal> figures, long facts) {
        return new Source() {
            @Override
            public BigDecimal value(String indicator, String area, String period) {
                IndicatorCatalog.Definition d = IndicatorCatalog.definition(indicator).orElseThrow();
                BigDecimal v = figures.get(new FigureKey(indicator, area,
                        d.measure() == Counting.Measure.HOUSEHOLDS_WITHOUT_WORK ? Fact.NOW : period));
                return normalised(d, v == null ? BigDecimal.ZERO : v);
            }

            @Override
            public Set<String> departments() {
                Set<String> departments = new TreeSet<>();
                figures.keySet().forEach(k -> {
                    if (k.area().startsWith("dept:")) {
                        departments.add(k.area().substring(5));
                    }
                });
                return departments;
            }

            @Override
            public List<Projects.ProjectView> projects(String area) {
                return Figures.this.projects(version, area);
            }

            @Override
            public long facts() {
                return facts;
            }
        };
    }

    /** The registered projects of an area (the city, a county or {@code dept:<name>}), those needing attention first. */
    List<Projects.ProjectView> projects(int version, String area) {
        String where = area.equals(Fact.CITY) ? "" : area.startsWith("dept:") ? " AND p.department = ?" : " AND p.county_code = ?";
        Object[] args = area.equals(Fact.CITY) ? new Object[]{version, version}
                : new Object[]{version, version, area.startsWith("dept:") ? area.substring(5) : area};
        List<Projects.ProjectView> views = new ArrayList<>();
        jdbc.query("SELECT p.project_id, p.name, p.county_code, p.department, p.government_invested, p.closed, p.local_workers, "
                + "p.total_workers, a.amount, a.cases, a.workers FROM project p LEFT JOIN (SELECT project_id, SUM(amount) AS amount, "
                + "COUNT(*) AS cases, COUNT(DISTINCT person_key) AS workers FROM project_arrears WHERE version = ? GROUP BY project_id) a "
                + "ON a.project_id = p.project_id WHERE p.version = ? AND p.name IS NOT NULL" + where, rs -> {
            views.add(Projects.view(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                    rs.getBoolean(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9), rs.getInt(10), rs.getLong(11)));
        }, args);
        Projects.sort(views);
        return views;
    }

    /** Money with its two decimals, counts as whole numbers. */
    static BigDecimal normalised(IndicatorCatalog.Definition d, BigDecimal v) {
        if (d.counting().yuan()) {
            return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static List<String> periodsOf(int year) {
        List<String> periods = new ArrayList<>(List.of(String.valueOf(year), Fact.ALL_TIME, Fact.NOW));
        for (int q = 1; q <= 4; q++) {
            periods.add(year + "Q" + q);
        }
        for (int q = 1; q <= 3; q++) {
            periods.add(year + "YTD" + q);
        }
        return periods;
    }

    private static Object[] concat(int version, List<String> periods) {
        Object[] args = new Object[periods.size() + 1];
        args[0] = version;
        for (int i = 0; i < periods.size(); i++) {
            args[i + 1] = periods.get(i);
        }
        return args;
    }
}
