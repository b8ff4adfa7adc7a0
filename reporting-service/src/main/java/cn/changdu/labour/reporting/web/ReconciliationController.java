package cn.changdu.labour.reporting.web;

import cn.changdu.labour.reporting.projection.ReadModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projected side of the reconciliation stored → published → projected: events projected per source and type,
 * persisted with the read model (so they survive restarts and match what the figures hold), as JSON and as the
 * gauge {@code platform.events.projected.by.type{source,type}}.
 */
@RestController
public class ReconciliationController {

    public record Count(String source, String type, long count) {
    }

    private final JdbcTemplate jdbc;
    private final ReadModel readModel;
    private final MeterRegistry meters;
    private final Map<List<String>, Long> gauges = new ConcurrentHashMap<>();

    public ReconciliationController(JdbcTemplate jdbc, ReadModel readModel, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.meters = meters;
    }

    @Operation(summary = "Events projected per source and type (the projected side of the reconciliation)")
    @GetMapping("/api/reports/reconciliation/projected")
    public List<Count> projected() {
        List<Count> counts = new ArrayList<>();
        jdbc.query("SELECT source, event_type, events FROM projected_type WHERE version = ? ORDER BY source, event_type",
                rs -> {
                    counts.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }, readModel.active());
        return counts;
    }

    @Scheduled(fixedDelayString = "${platform.reconciliation.refresh:PT15S}", initialDelay = 1000)
    void refreshGauges() {
        for (Count c : projected()) {
            List<String> key = List.of(c.source(), c.type());
            if (gauges.put(key, c.count()) == null) {
                Gauge.builder("platform.events.projected.by.type", gauges, g -> g.getOrDefault(key, 0L))
                        .tag("source", c.source()).tag("type", c.type()).baseUnit("events")
                        .description("events projected, per source and type (persisted)").register(meters);
            }
        }
    }
}
