package cn.changdu.labour.reporting.live;

import cn.changdu.labour.reporting.projection.Projection;
import cn.changdu.labour.reporting.projection.ProjectionListener;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-sent events for the dashboard: "changed" when a batch of new facts was committed (at most twice a second,
 * however fast events arrive), and a heartbeat every 15 s so proxies keep the connection open.
 */
@RestController
public class LiveUpdates implements ProjectionListener {

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicLong facts = new AtomicLong(-1);
    private final JdbcTemplate jdbc;

    public LiveUpdates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void committed(Projection.Result result) {
        if (!result.facts().isEmpty()) {
            facts.set(-1);
            changed.set(true);
        }
    }

    @Operation(summary = "Server-sent events: 'changed' whenever new events were projected")
    @GetMapping(path = "/api/reports/stream", produces = "text/event-stream")
    public SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(0L);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, "hello");
        return emitter;
    }

    /** Ends the open streams first: a graceful shutdown would otherwise wait for them to close. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Scheduled(fixedDelay = 500)
    void publishChanges() {
        if (changed.getAndSet(false)) {
            emitters.forEach(e -> send(e, "changed"));
        }
    }

    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        emitters.forEach(e -> send(e, "heartbeat"));
    }

    private long facts() {
        long n = facts.get();
        if (n < 0) {
            Long counted = jdbc.queryForObject("SELECT COALESCE(SUM(t.events), 0) FROM projected_type t "
                    + "JOIN projection_state s ON s.id = 1 AND t.version = s.active_version", Long.class);
            n = counted == null ? 0 : counted;
            facts.set(n);
        }
        return n;
    }

    private void send(SseEmitter emitter, String name) {
        try {
            emitter.send(SseEmitter.event().name(name).data(Map.of("facts", facts())));
        } catch (IOException | IllegalStateException gone) {
            emitters.remove(emitter);
        }
    }
}
