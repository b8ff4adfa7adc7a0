package cn.changdu.labour.support.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The platform's own meters on the write side: {@code platform.events.appended}, {@code platform.events.relayed}
 * and {@code platform.relay.lag} (seconds; 0 when the relay has caught up with the event store, otherwise the
 * age of the last event it has passed — or, before it has passed one, the time since the service started, so a
 * relay that never gets going, Kafka down at start-up say, shows a growing lag).
 */
public class RelayMetrics {

    private final Counter appended;
    private final Counter relayed;
    private final AtomicLong lastSeenMillis = new AtomicLong();
    private final Clock clock;

    public RelayMetrics(MeterRegistry registry, String service, String topic, BooleanSupplier caughtUp, Clock clock) {
        this.clock = clock;
        this.lastSeenMillis.set(clock.millis());
        this.appended = Counter.builder("platform.events.appended").tag("service", service)
                .description("domain events committed to the service's event store").register(registry);
        this.relayed = Counter.builder("platform.events.relayed").tag("service", service).tag("topic", topic)
                .description("integration events acknowledged by Kafka").register(registry);
        Gauge.builder("platform.relay.lag", () -> lagSeconds(caughtUp.getAsBoolean()))
                .tag("service", service).baseUnit("seconds")
                .description("how far the Kafka relay is behind the event store").register(registry);
    }

    public void appended(int events) {
        appended.increment(events);
    }

    /** A batch was acknowledged: {@code events} published, the last one stored at {@code lastTimestamp}. */
    void relayed(int events, Instant lastTimestamp) {
        relayed.increment(events);
        if (lastTimestamp != null) {
            lastSeenMillis.set(lastTimestamp.toEpochMilli());
        }
    }

    double lagSeconds(boolean caughtUp) {
        return caughtUp ? 0 : Math.max(0, clock.millis() - lastSeenMillis.get()) / 1000.0;
    }
}
