package cn.changdu.labour.generator.load;

import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: {@code rate} sends a second on average, bursts of up to {@code burst}. Rate 0 or less: no limit.
 * What was achieved is measured by the driver, not assumed from here.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final long burstNanos;
    private long next;

    RateLimiter(double rate, int burst) {
        this.intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        this.burstNanos = intervalNanos * Math.max(1, burst);
        this.next = System.nanoTime();
    }

    /** Waits for a token. */
    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long at;
        synchronized (this) {
            long now = System.nanoTime();
            // unused capacity is kept up to one burst, no more
            at = Math.max(next, now - burstNanos);
            next = at + intervalNanos;
        }
        long wait;
        while ((wait = at - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
