package cn.changdu.labour.generator.cli;

import cn.changdu.labour.generator.files.FileFormat;
import cn.changdu.labour.generator.files.FileWriter;
import cn.changdu.labour.generator.load.Credentials;
import cn.changdu.labour.generator.load.LoadDriver;
import cn.changdu.labour.generator.load.LoadResult;
import cn.changdu.labour.generator.load.Outcome;
import cn.changdu.labour.generator.load.Request;
import cn.changdu.labour.generator.load.Requests;
import cn.changdu.labour.generator.model.Scale;
import cn.changdu.labour.generator.model.Year;
import cn.changdu.labour.generator.model.YearSummary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code java -jar generator-*-exec.jar --scale 0.01 --seed 7 --until 2020-10-19 [--gateway URL --rate 300
 * --concurrency 16 --journal FILE --strict] [--out DIR --format csv|xlsx|mixed] [--targets FILE] [--requests FILE]}:
 * generates the year, writes its import files and/or sends its requests through the gateway, prints what it did.
 */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar generator/target/generator-0.1.0-SNAPSHOT-exec.jar [options]

            The year:
              --scale X              size, 1 = the plan's 2020 targets (0.001 … 2; default 0.01)
              --seed N               every random choice derives from it (default 7)
              --until DATE           nothing dated after this business date is sent (default 2020-12-31)
            Import files:
              --out DIR              write the import files the counties send, and manifest.json
              --format F             csv, xlsx or mixed (each county its own; default mixed)
              --bad-rows X           share of rows typed wrong (default 0.01; e.g. 0.25 to see every kind refused)
            Through the gateway:
              --gateway URL          send the year's requests (e.g. http://127.0.0.1:8080)
              --rate R               requests per second to aim at (default 0: as fast as --concurrency allows)
              --concurrency N        requests in flight at most (default 8)
              --journal FILE         one JSON line per request: sent, latency, status, endpoint, ids created/used
              --strict               stop (exit 2) at the first answer that is not the one meant
              --retries N            resend after no answer or 502/503/504, same Idempotency-Key (default 0)
              --person-key-secret S  the services' PLATFORM_PERSON_KEY_SECRET (default: that variable, else the demo's)
              --targets FILE         load this target split (year,indicator,area,value) first
            Other:
              --requests FILE        write every request (one canonical line each) without sending it
              --endpoints            print the requests per endpoint and about how many events they store
              --quiet                print only the final table
            """;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("generator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(64);
        }
    }

    /** Runs the command; returns the exit code (0 done, 2 stopped by --strict). */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = parse(args);
        Scale scale = new Scale(Double.parseDouble(options.getOrDefault("scale", "0.01")),
                LocalDate.parse(options.getOrDefault("until", "2020-12-31")),
                Long.parseLong(options.getOrDefault("seed", "7")),
                Double.parseDouble(options.getOrDefault("bad-rows", String.valueOf(Scale.BAD_ROW_SHARE))));
        FileFormat format = FileFormat.valueOf(options.getOrDefault("format", "mixed").toUpperCase(java.util.Locale.ROOT));
        boolean quiet = options.containsKey("quiet");

        long started = System.nanoTime();
        Year year = Year.generate(scale);
        double generated = (System.nanoTime() - started) / 1e9;
        if (!quiet) {
            out.printf("Generated a Changdu year (scale %s, seed %d, until %s) in %.1f s, heap used %d MB:%n",
                    scale.factor(), scale.seed(), scale.until(), generated, usedHeapMb());
            out.print(YearSummary.of(year).text());
        }

        byte[] targets = options.containsKey("targets") ? read(Path.of(options.get("targets"))) : null;
        Stream<Request> requests = new Requests(year, format, targets).stream();
        Map<String, Long> counts = new TreeMap<>();
        EventEstimate estimate = new EventEstimate();
        requests = requests.peek(r -> {
            counts.merge(r.service(), 1L, Long::sum);
            estimate.add(r);
        });

        FileWriter files = null;
        if (options.containsKey("out")) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seed", scale.seed());
            run.put("scale", scale.factor());
            run.put("until", scale.until().toString());
            run.put("format", format.name());
            FileWriter writer = new FileWriter(Path.of(options.get("out")), run);
            files = writer;
            requests = requests.peek(r -> {
                // each file once, as first sent (the original, with its bad rows)
                if (r.body() instanceof Request.Upload upload && (!upload.corrected() || upload.file().badRows().isEmpty())) {
                    writer.write(upload.file(), r.endpoint(), r.path(), r.at());
                }
            });
        }
        BufferedWriter log = null;
        if (options.containsKey("requests")) {
            try {
                BufferedWriter writer = Files.newBufferedWriter(Path.of(options.get("requests")), StandardCharsets.UTF_8);
                log = writer;
                requests = requests.peek(r -> {
                    try {
                        writer.write(r.canonical());
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int exit = 0;
        try {
            if (options.containsKey("gateway")) {
                LoadDriver.Options driver = LoadDriver.Options.defaults(URI.create(options.get("gateway")))
                        .withRate(Double.parseDouble(options.getOrDefault("rate", "0")))
                        .withConcurrency(Integer.parseInt(options.getOrDefault("concurrency", "8")))
                        .withStrict(options.containsKey("strict"))
                        .withRetries(Integer.parseInt(options.getOrDefault("retries", "0")))
                        .withPersonKeySecret(options.getOrDefault("person-key-secret",
                                System.getenv().getOrDefault("PLATFORM_PERSON_KEY_SECRET", LoadDriver.DEMO_PERSON_KEY_SECRET)));
                if (options.containsKey("journal")) {
                    driver = driver.withJournal(Path.of(options.get("journal")));
                }
                LoadResult result = new LoadDriver(driver, Credentials.actorHeaders()).run(requests);
                out.print(result.table());
                report(result, out);
                if (result.aborted()) {
                    exit = 2;
                }
            } else {
                long t0 = System.nanoTime();
                long n = requests.mapToLong(r -> 1).sum(); // count() could skip the peeks
                if (!quiet) {
                    out.printf("%,d requests (not sent: no --gateway) rendered in %.1f s: %s%n", n,
                            (System.nanoTime() - t0) / 1e9, counts);
                }
            }
        } finally {
            if (files != null) {
                files.close();
                if (!quiet) {
                    out.printf("%d import files and manifest.json in %s%n", files.files(), options.get("out"));
                }
            }
            if (log != null) {
                try {
                    log.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (options.containsKey("endpoints")) {
            out.print(estimate.table());
        }
        if (!quiet) {
            out.printf("Requests by service: %s; total time %.1f s, heap used %d MB%n", counts,
                    (System.nanoTime() - started) / 1e9, usedHeapMb());
        }
        return exit;
    }

    /** The answers that were not the ones meant (reported, not fatal without --strict), and the driver's warnings. */
    private static void report(LoadResult result, PrintStream out) {
        var notAsMeant = result.notAsMeant();
        if (!notAsMeant.isEmpty()) {
            out.printf("%d requests not answered as meant (the first %d):%n", result.overall().unexpected()
                    + result.overall().failed() + result.overall().skipped(), Math.min(20, notAsMeant.size()));
            for (Outcome o : notAsMeant.subList(0, Math.min(20, notAsMeant.size()))) {
                out.printf("  #%d %s %s %s → %s %s%n", o.request().seq(), o.request().at(), o.request().method(),
                        o.request().endpoint(), o.kind(), o.note());
            }
        }
        result.warnings().forEach(w -> out.println("warning: " + w));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("strict") || name.equals("quiet") || name.equals("endpoints")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        for (String name : options.keySet()) {
            if (!USAGE.contains("--" + name + " ") && !USAGE.contains("--" + name + "\n")) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return options;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
