package cn.changdu.labour.generator.load;

import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.generator.load.Outcome.Kind;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sends a stream of {@link Request}s through the gateway (java.net.http): in stream order, concurrently where
 * requests share no key, at a target rate. A request that needs a server-generated id waits for the request that
 * creates it and is skipped if that one failed; requests sharing a key (one class, one project, one person's
 * records) go one after the other. Every answer is classified against what the request meant to get; answers
 * that depend on a lagging read model, and 409s, are retried a few times before they count as unexpected.
 * Usable as a library: {@link #run(Stream)} returns the {@link LoadResult}; a {@link Listener} sees every outcome.
 */
public final class LoadDriver {

    /**
     * @param gateway         the gateway's base URL
     * @param rate            requests per second to aim at (0: as fast as the concurrency allows)
     * @param concurrency     requests in flight at most
     * @param journal         one JSON line per request, or null
     * @param strict          stop at the first request not answered as meant
     * @param personKeySecret the services' person-key secret (PLATFORM_PERSON_KEY_SECRET)
     * @param retries         resends after no answer or a 502/503/504 (same Idempotency-Key)
     * @param lagRetries      resends of a request whose answer depends on a read model that may lag (waits of
     *                        0.1, 0.2, 0.4 … up to 2 s between them: 30 resends wait about a minute)
     * @param timeout         per request
     */
    public record Options(URI gateway, double rate, int concurrency, Path journal, boolean strict, String personKeySecret,
                          int retries, int lagRetries, Duration timeout) {

        /** The demo's defaults against a gateway. */
        public static Options defaults(URI gateway) {
            return new Options(gateway, 0, 8, null, false, DEMO_PERSON_KEY_SECRET, 0, 30, Duration.ofSeconds(120));
        }

        public Options withRate(double r) {
            return new Options(gateway, r, concurrency, journal, strict, personKeySecret, retries, lagRetries, timeout);
        }

        public Options withConcurrency(int c) {
            return new Options(gateway, rate, c, journal, strict, personKeySecret, retries, lagRetries, timeout);
        }

        public Options withJournal(Path j) {
            return new Options(gateway, rate, concurrency, j, strict, personKeySecret, retries, lagRetries, timeout);
        }

        public Options withStrict(boolean s) {
            return new Options(gateway, rate, concurrency, journal, s, personKeySecret, retries, lagRetries, timeout);
        }

        public Options withPersonKeySecret(String secret) {
            return new Options(gateway, rate, concurrency, journal, strict, secret, retries, lagRetries, timeout);
        }

        public Options withRetries(int r) {
            return new Options(gateway, rate, concurrency, journal, strict, personKeySecret, r, lagRetries, timeout);
        }
    }

    /** Sees every outcome as it happens (a benchmark may time what follows from it). */
    public interface Listener {
        void completed(Outcome outcome);
    }

    /** The services' default person-key secret (platform-defaults.yml), public by design: the demo's. */
    public static final String DEMO_PERSON_KEY_SECRET = "changdu-demo-person-key-not-for-production";

    private final Options options;
    private final Credentials credentials;
    private final HttpClient http;
    private final PersonKeys personKeys;
    private final List<Listener> listeners = new ArrayList<>();

    public LoadDriver(Options options, Credentials credentials) {
        this.options = options;
        this.credentials = credentials;
        this.personKeys = new PersonKeys(options.personKeySecret());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public LoadDriver listener(Listener listener) {
        listeners.add(listener);
        return this;
    }

    /** Sends every request of the stream and waits for the last answer. */
    public LoadResult run(Stream<Request> requests) {
        return new Run().go(requests);
    }

    /** One run's state. */
    private final class Run {
        private final LoadResult result = new LoadResult();
        private final RateLimiter limiter = new RateLimiter(options.rate(), Math.max(1, options.concurrency()));
        private final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.concurrency()), r -> {
            Thread t = new Thread(r, "load-driver");
            t.setDaemon(true);
            return t;
        });
        /** Requests dispatched and not yet answered: bounds what waits in memory. */
        private final Semaphore window = new Semaphore(Math.max(1, options.concurrency()) * 64);
        private final Map<String, CompletableFuture<Void>> lastByKey = new HashMap<>();
        private final Map<String, CompletableFuture<String>> refs = new ConcurrentHashMap<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger keyMismatches = new AtomicInteger();
        private final BufferedWriter journal;

        Run() {
            try {
                journal = options.journal() == null ? null : Files.newBufferedWriter(options.journal(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        LoadResult go(Stream<Request> requests) {
            result.start();
            List<CompletableFuture<Void>> tail = new ArrayList<>();
            long dispatched = 0;
            try {
                Iterator<Request> it = requests.iterator();
                while (it.hasNext() && !stop.get()) {
                    Request r = it.next();
                    window.acquireUninterruptibly();
                    CompletableFuture<Void> done = dispatch(r);
                    for (String key : r.keys()) {
                        lastByKey.put(key, done);
                    }
                    if (++dispatched % 20_000 == 0) {
                        lastByKey.values().removeIf(CompletableFuture::isDone);
                    }
                }
                tail.addAll(lastByKey.values());
                // whatever has no key: wait until every permit is back
                CompletableFuture.allOf(tail.toArray(CompletableFuture[]::new)).join();
                window.acquireUninterruptibly(Math.max(1, options.concurrency()) * 64);
            } finally {
                pool.shutdown();
                try {
                    pool.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closeJournal();
                result.finish(stop.get());
            }
            if (keyMismatches.get() > 0) {
                result.warn(keyMismatches.get() + " person keys computed here differ from the services': is "
                        + "--person-key-secret the platform's PLATFORM_PERSON_KEY_SECRET?");
            }
            return result;
        }

        private CompletableFuture<Void> dispatch(Request r) {
            List<CompletableFuture<?>> deps = new ArrayList<>();
            for (String key : r.keys()) {
                CompletableFuture<Void> before = lastByKey.get(key);
                if (before != null && !before.isDone()) {
                    deps.add(before);
                }
            }
            for (String ref : r.uses()) {
                CompletableFuture<String> id = refs.get(ref);
                if (id == null) {
                    // a generator bug: the request that creates it comes later or not at all
                    finish(new Outcome(r, Kind.SKIPPED, Instant.now(), 0, 0, 0, Map.of(), Map.of(), "no request creates " + ref));
                    window.release();
                    return CompletableFuture.completedFuture(null);
                }
                deps.add(id);
            }
            if (r.creates() != null) {
                refs.putIfAbsent(r.creates().ref(), new CompletableFuture<>());
            }
            CompletableFuture<Void> ready = deps.isEmpty() ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new));
            return ready.handleAsync((ignored, failedDependency) -> {
                try {
                    finish(failedDependency != null ? skipped(r) : send(r));
                } catch (RuntimeException | Error bug) {
                    finish(new Outcome(r, Kind.FAILED, Instant.now(), 0, 0, 1, Map.of(), Map.of(), "driver error: " + bug));
                } finally {
                    window.release();
                }
                return null;
            }, pool);
        }

        private Outcome skipped(Request r) {
            List<String> failed = r.uses().stream().filter(ref -> refs.get(ref).isCompletedExceptionally()).toList();
            return new Outcome(r, Kind.SKIPPED, Instant.now(), 0, 0, 0, Map.of(), Map.of(), "needs " + failed + ", not created");
        }

        private Outcome send(Request r) {
            Map<String, String> used = new LinkedHashMap<>();
            for (String ref : r.uses()) {
                used.put(ref, refs.get(ref).join());
            }
            String path = Request.fill(r.path(), ref -> value(ref, used));
            byte[] body;
            String contentType;
            String boundary = "----changdu-generator-" + r.seq();
            if (r.body() instanceof Request.Json json) {
                body = Request.fill(json.text(), ref -> value(ref, used)).getBytes(StandardCharsets.UTF_8);
                contentType = "application/json";
            } else if (r.body() instanceof Request.Upload upload) {
                body = multipart(boundary, upload.file().name(), upload.file().format().contentType(),
                        upload.file().bytes(upload.corrected()), r.seq());
                contentType = "multipart/form-data; boundary=" + boundary;
            } else if (r.body() instanceof Request.RawFile raw) {
                body = multipart(boundary, raw.name(), raw.contentType(), raw.bytes(), r.seq());
                contentType = "multipart/form-data; boundary=" + boundary;
            } else {
                body = null;
                contentType = null;
            }
            int attempts = 0;
            int lagAttempts = 0;
            int lostAttempts = 0;
            while (true) {
                attempts++;
                String key = r.idempotencyKey() + (lagAttempts == 0 ? "" : "#" + lagAttempts);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.gateway().toString().replaceAll("/$", "") + path))
                        .timeout(options.timeout()).header("Accept", "application/json").header("Idempotency-Key", key);
                credentials.headersFor(r.actor()).forEach(request::header);
                if (body == null) {
                    request.method(r.method(), HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", contentType).method(r.method(), HttpRequest.BodyPublishers.ofByteArray(body));
                }
                limiter.acquire();
                Instant sent = Instant.now();
                long t0 = System.nanoTime();
                HttpResponse<String> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (lostAttempts++ < options.retries()) {
                        pause(500L * lostAttempts);
                        continue;
                    }
                    return new Outcome(r, Kind.FAILED, sent, ms, 0, attempts, Map.of(), used, "no answer: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(r, Kind.FAILED, sent, 0, 0, attempts, Map.of(), used, "interrupted");
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                result.latency(r.service(), ms);
                int status = response.statusCode();
                String answer = response.body();
                boolean meant = r.expect().matches(status, answer);
                Map<String, String> created = Map.of();
                boolean notFound = false;
                if (meant && r.creates() != null && status / 100 == 2) {
                    String id = extract(r.creates(), answer);
                    if (id == null) {
                        meant = false;
                        notFound = true; // a lookup that does not see the record yet, or an answer without the id
                    } else {
                        created = Map.of(r.creates().ref(), id);
                    }
                }
                if (meant) {
                    checkPersonKey(r, answer);
                    created.forEach((ref, id) -> refs.get(ref).complete(id));
                    Kind kind = status / 100 == 2 ? Kind.OK : Kind.REFUSED_AS_INTENDED;
                    return new Outcome(r, kind, sent, ms, status, attempts, created, used, null);
                }
                // a read model a moment behind the writes before this request, or a concurrent change: try again shortly
                boolean lagging = status == 409 || r.mayLag() && (status == 404 || status == 422 || notFound);
                if (lagging && lagAttempts < options.lagRetries()) {
                    // under a burst the embedded store's projections can fall tens of seconds behind
                    pause(Math.min(2_000L, 100L << Math.min(lagAttempts++, 5)));
                    continue;
                }
                if ((status == 502 || status == 503 || status == 504) && lostAttempts++ < options.retries()) {
                    pause(500L * lostAttempts);
                    continue;
                }
                return new Outcome(r, Kind.UNEXPECTED, sent, ms, status, attempts, Map.of(), used,
                        "expected " + r.expect() + ", got " + status + ": " + abbreviate(answer));
            }
        }

        private String value(String ref, Map<String, String> used) {
            if (ref.startsWith("pk:")) {
                return personKeys.keyOf(new ResidentId(ref.substring(3)));
            }
            return used.get(ref);
        }

        /** The created id from the answer: a field, or a field of the matching element of a list. */
        private String extract(Request.Creates creates, String answer) {
            JsonNode json = ImportAnswers.parse(answer);
            if (creates.matchField() == null) {
                JsonNode id = json.get(creates.field());
                return id == null || id.isNull() ? null : id.asText();
            }
            for (JsonNode element : json) {
                if (creates.matchValue().equals(element.path(creates.matchField()).asText())) {
                    JsonNode id = element.get(creates.field());
                    return id == null || id.isNull() ? null : id.asText();
                }
            }
            return null;
        }

        /** The driver derives person keys itself (a roster import names none): check them against the services'. */
        private void checkPersonKey(Request r, String answer) {
            if (!(r.body() instanceof Request.Json json) || !answer.contains("\"personKey\"")) {
                return;
            }
            JsonNode given = ImportAnswers.parse(answer).get("personKey");
            JsonNode residentId = ImportAnswers.parse(json.text()).get("residentId");
            if (given != null && residentId != null && ResidentId.validate(residentId.asText()).isEmpty()
                    && !given.asText().equals(personKeys.keyOf(new ResidentId(residentId.asText())))) {
                keyMismatches.incrementAndGet();
            }
        }

        private void finish(Outcome outcome) {
            Request.Creates creates = outcome.request().creates();
            if (creates != null && !outcome.asMeant()) {
                // the requests that need this id are skipped, not sent with a hole in them
                refs.computeIfAbsent(creates.ref(), ref -> new CompletableFuture<>())
                        .completeExceptionally(new IllegalStateException(creates.ref() + " not created"));
            }
            result.record(outcome);
            journal(outcome);
            for (Listener listener : listeners) {
                listener.completed(outcome);
            }
            if (options.strict() && !outcome.asMeant()) {
                stop.set(true);
            }
        }

        private void journal(Outcome o) {
            if (journal == null) {
                return;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            Request r = o.request();
            line.put("seq", r.seq());
            line.put("sent", o.sent().toString());
            line.put("businessTime", r.at().toString());
            line.put("ms", Math.round(o.latencyMs() * 10) / 10.0);
            line.put("status", o.status());
            line.put("service", r.service());
            line.put("method", r.method());
            line.put("endpoint", r.endpoint());
            line.put("outcome", o.kind().name());
            line.put("attempts", o.attempts());
            line.put("created", o.created());
            line.put("used", o.used());
            if (o.note() != null) {
                line.put("note", o.note());
            }
            try {
                String text = ImportAnswers.JSON.writeValueAsString(line);
                synchronized (journal) {
                    journal.write(text);
                    journal.write('\n');
                }
            } catch (IOException e) {
                result.warn("journal not written: " + e.getMessage());
            }
        }

        private void closeJournal() {
            if (journal != null) {
                try {
                    journal.close();
                } catch (IOException e) {
                    result.warn("journal not closed: " + e.getMessage());
                }
            }
        }
    }

    /** multipart/form-data with one part {@code file}; the file name also as RFC 5987 UTF-8 (it is Chinese). */
    static byte[] multipart(String boundary, String fileName, String contentType, byte[] bytes, long seq) {
        String extension = fileName.substring(fileName.lastIndexOf('.'));
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"upload-" + seq + extension + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20") + "\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 512);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ');
        return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
    }
}
