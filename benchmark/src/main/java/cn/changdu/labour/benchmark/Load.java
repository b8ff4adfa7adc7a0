package cn.changdu.labour.benchmark;

import cn.changdu.labour.generator.files.FileFormat;
import cn.changdu.labour.generator.load.Credentials;
import cn.changdu.labour.generator.load.LoadDriver;
import cn.changdu.labour.generator.load.LoadResult;
import cn.changdu.labour.generator.load.Request;
import cn.changdu.labour.generator.load.Requests;
import cn.changdu.labour.generator.model.Scale;
import cn.changdu.labour.generator.model.Year;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generated load through the gateway with the generator's {@link LoadDriver}: the year that fills the store (one
 * driver run for every size, held at a gate while a size is measured, so the ids it created stay known), and
 * short runs of other years (other seeds: other people, other ids) for the bursts, the steady load and the relay's
 * backlog.
 */
final class Load {

    /** Requests of a scale-1 year (generator/README.md: ~830,000; measured 39,570 at scale 0.05). */
    static final double REQUESTS_PER_SCALE = 790_000;

    /**
     * Events the services store per scale unit, measured here: the year at scale 0.005 stored ~1,470 events per 1,000
     * requests (see benchmark/README.md); deadlines and share crossings come on top. Used only to choose a scale.
     */
    static final double EVENTS_PER_REQUEST = 1.47;

    private Load() {
    }

    /** The requests of a generated year, whole (until 31 December 2020), without a target split. */
    static Stream<Request> year(double scale, long seed) {
        Year year = Year.generate(new Scale(scale, LocalDate.of(2020, 12, 31), seed));
        return new Requests(year, FileFormat.MIXED, null).stream();
    }

    /** A scale whose year holds at least {@code requests} requests (with room to spare), within the generator's range. */
    static double scaleForRequests(double requests) {
        return clamp(requests * 1.5 / REQUESTS_PER_SCALE);
    }

    /** A scale whose year stores at least {@code events} events. */
    static double scaleForEvents(long events) {
        return clamp(events * 1.25 / (REQUESTS_PER_SCALE * EVENTS_PER_REQUEST));
    }

    private static double clamp(double scale) {
        return Math.min(10, Math.max(0.002, Math.ceil(scale * 1000) / 1000));
    }

    static LoadDriver.Options options(String gateway, double rate, int concurrency, int lagRetries) {
        String secret = System.getenv().getOrDefault("PLATFORM_PERSON_KEY_SECRET", LoadDriver.DEMO_PERSON_KEY_SECRET);
        return new LoadDriver.Options(URI.create(gateway), rate, concurrency, null, false, secret, 2, lagRetries,
                Duration.ofSeconds(60));
    }

    /**
     * Sends {@code requests} until {@code seconds} have passed (or they run out, or {@code stop} says so), at
     * {@code rate} (0: as fast as the concurrency allows), and waits for the answers still due.
     */
    static Stats run(Stream<Request> requests, LoadDriver.Options options, Duration length, Predicate<Stats> stop) {
        Stats stats = new Stats();
        long deadline = System.nanoTime() + length.toNanos();
        AtomicBoolean over = new AtomicBoolean();
        Stream<Request> bounded = requests.takeWhile(r -> {
            boolean more = System.nanoTime() < deadline && !stop.test(stats);
            if (!more) {
                over.set(true);
            }
            return more;
        });
        LoadResult result = new LoadDriver(options, abortable(over)).listener(stats).run(bounded);
        stats.finish();
        result.warnings().forEach(w -> System.out.println("    driver: " + w));
        return stats;
    }

    /** What the driver's notes say of a request the benchmark withdrew (see {@link #abortable}). */
    static final String WITHDRAWN = "benchmark: phase over, not sent";

    /**
     * The actor headers, until the phase is over: the driver keeps up to 64 requests per slot of its concurrency
     * queued, and on a platform that has slowed down or stopped answering those would keep a finished phase going for
     * many minutes. Once {@code over} is set, a request not yet sent fails at once (the driver asks for its headers
     * just before it sends) and {@link Stats} counts it as withdrawn, not as failed.
     */
    static Credentials abortable(AtomicBoolean over) {
        Credentials actors = Credentials.actorHeaders();
        return actor -> {
            if (over.get()) {
                throw new IllegalStateException(WITHDRAWN);
            }
            return actors.headersFor(actor);
        };
    }

    /**
     * The year that fills the store: one driver run, in its own thread, whose stream waits at a gate. {@link #to}
     * opens the gate until the store holds the size (or the budget is spent), then waits until every request sent
     * has been answered.
     */
    static final class Filling {
        private final Iterator<Request> requests;
        private final Object lock = new Object();
        private final AtomicLong dispatched = new AtomicLong();
        private volatile boolean open;
        private volatile boolean ended;
        private volatile boolean exhausted;
        private volatile Stats stats = new Stats();
        private final Thread thread;
        private volatile LoadResult result;
        private final AtomicLong completed = new AtomicLong();

        Filling(Stream<Request> year, LoadDriver.Options options) {
            this.requests = year.iterator();
            Iterator<Request> gated = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    synchronized (lock) {
                        while (!open && !ended) {
                            try {
                                lock.wait();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return false;
                            }
                        }
                    }
                    if (ended) {
                        return false;
                    }
                    boolean more = requests.hasNext();
                    if (!more) {
                        exhausted = true;
                    }
                    return more;
                }

                @Override
                public Request next() {
                    dispatched.incrementAndGet();
                    return requests.next();
                }
            };
            Stream<Request> stream = StreamSupport.stream(Spliterators.spliteratorUnknownSize(gated, Spliterator.ORDERED), false);
            LoadDriver driver = new LoadDriver(options, Credentials.actorHeaders()).listener(o -> stats.completed(o))
                    .listener(o -> completed.incrementAndGet());
            thread = new Thread(() -> result = driver.run(stream), "benchmark-filling");
            thread.setDaemon(true);
            thread.start();
        }

        /** One loading phase's result. */
        record Phase(Stats stats, boolean reached, boolean exhausted, boolean budgetSpent, long eventsAtEnd,
                     java.util.List<double[]> curve) {
        }

        /**
         * Loads until {@code tally} reaches {@code events} or {@code budget} is spent; samples the cost curve every
         * 10 s: [seconds, events, requests/s in the interval, p50 ms, p99 ms].
         */
        Phase to(long events, Duration budget, Events.Tally tally) {
            stats = new Stats();
            java.util.List<double[]> curve = new java.util.ArrayList<>();
            long t0 = System.nanoTime();
            long deadline = t0 + budget.toNanos();
            open(true);
            long lastSample = t0;
            long lastCompleted = 0;
            long current = tally.current();
            stats.intervalHistogram();
            boolean budgetSpent = false;
            while (current < events && !exhausted && thread.isAlive()) {
                if (System.nanoTime() > deadline) {
                    budgetSpent = true;
                    break;
                }
                Platform.sleep(2000);
                current = tally.current();
                long now = System.nanoTime();
                if (now - lastSample >= 10_000_000_000L || current >= events) {
                    var h = stats.intervalHistogram();
                    long done = stats.completed();
                    double seconds = (now - lastSample) / 1e9;
                    curve.add(new double[]{(now - t0) / 1e9, current, (done - lastCompleted) / seconds,
                            h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1000.0,
                            h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0});
                    lastSample = now;
                    lastCompleted = done;
                    System.out.printf("    loading: %,d events, %.0f requests/s, p99 %.0f ms%n", current,
                            curve.get(curve.size() - 1)[2], curve.get(curve.size() - 1)[4]);
                }
            }
            open(false);
            awaitAnswers(Duration.ofMinutes(3));
            stats.finish();
            long end = tally.current();
            return new Phase(stats, end >= events, exhausted, budgetSpent, end, curve);
        }

        /** Until every request dispatched has been answered (or skipped). */
        private void awaitAnswers(Duration max) {
            long deadline = System.nanoTime() + max.toNanos();
            while (completed.get() < dispatched.get() && System.nanoTime() < deadline && thread.isAlive()) {
                Platform.sleep(200);
            }
        }

        long dispatched() {
            return dispatched.get();
        }

        private void open(boolean value) {
            synchronized (lock) {
                open = value;
                lock.notifyAll();
            }
        }

        void end() {
            synchronized (lock) {
                ended = true;
                lock.notifyAll();
            }
            try {
                thread.join(180_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        LoadResult result() {
            return result;
        }
    }
}
