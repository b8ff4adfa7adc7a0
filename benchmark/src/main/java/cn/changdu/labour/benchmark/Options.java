package cn.changdu.labour.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line of {@code ./platform bench}. */
record Options(List<Size> sizes, String label, Path platformDir, Path dataDir, Path out, Double scale, long seed,
               Duration loadBudget, Duration phaseBudget, int concurrency, double steadyRate, int steadyConcurrency,
               Duration steady,
               Duration burst, Duration idle, Duration idleSettle, int reads, String relayService, long relayBacklog,
               long kafkaRecords, int rawRows, String postgres, String profile, Path compare, int portOffset,
               Set<String> skip, boolean continueAfterMiss, String today) {

    static final String USAGE = """
            Usage: ./platform bench [options]        (java -jar benchmark/target/benchmark-0.1.0-SNAPSHOT-exec.jar)

            Starts the platform of a checkout on a data folder of its own, loads it with the generator to each store
            size and measures it there (raw limits, start-up, load, 300/s steady state, reads, rebuild, restart,
            relay catch-up, idle CPU, profile); writes results.json and report.html and prints a table.

            What and where:
              --sizes LIST           store sizes in events, e.g. empty,100k,1m (default) or empty,5k
              --label NAME           names the run: docs/benchmarks/<date>-<label>/ (default: the checkout's folder name)
              --platform-dir DIR     the checkout whose ./platform is benchmarked (default: this one); its jars must be built
              --data-dir DIR         the platform's data folder, emptied first (default /tmp/changdu-benchmark-<label>)
              --out DIR              where results.json and report.html go (default <this checkout>/docs/benchmarks/<date>-<label>)
              --compare FILE         a results.json (e.g. the baseline's) shown side by side in the report
              --port-offset N        ports are the platform's defaults + N (default 10000: gateway 18080, Kafka 19092 …)
            Load:
              --scale X              the generated year's size (default: enough events for the largest size)
              --seed N               seed of the loaded year (default 2020); every other phase's year derives from it
              --concurrency N        requests in flight while loading (default 32)
              --load-budget T        time budget of each loading phase (default 45m); a size not reached in it is
                                     measured where the load stopped, and the larger sizes are skipped
              --continue-after-miss  try the larger sizes anyway
            Phases:
              --phase-budget T       budget of every other waiting phase: quiescence, rebuild, relay catch-up, restart (10m)
              --steady-rate R        the steady load, requests/s (default 300)
              --steady T             its length (default 60s)
              --steady-concurrency N requests in flight at most under it (default 64: room for slow answers)
              --burst T              length of the mixed throughput burst at the empty size and of each
                                     per-service burst (default 20s)
              --idle T               idle-CPU window (default 60s), after --idle-settle T (default 20s)
              --reads N              samples of each read endpoint at rest (default 20)
              --relay-service NAME   whose relay catches up (default training-service)
              --relay-backlog N      events written while its relay is cut off (default 20000)
              --kafka-records N      records of the Kafka perf tools (default 300000)
              --raw-rows N           rows of the raw store inserts (default 50000)
              --postgres URL         also measure raw PostgreSQL: jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=postgres
              --profile WHICH        JFR during the steady load: largest (default), all or none
              --skip LIST            leave phases out: raw,startup,idle,reads,throughput,steady,relay,rebuild,restart
              --today DATE           the platform's business date (default 2021-01-04: the whole of 2020 is history)
            Durations: 90s, 10m, 1h (or plain seconds).
            """;

    static final Set<String> PHASES = Set.of("raw", "startup", "idle", "reads", "throughput", "steady", "relay",
            "rebuild", "restart");

    /** A store size: its name as given and the events it stands for. */
    record Size(String name, long events) {

        private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([km]?)");

        static Size parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("empty") || t.equals("0")) {
                return new Size("empty", 0);
            }
            Matcher m = SIZE.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("a size is empty, a number, or a number with k or m: " + text);
            }
            double n = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                case "k" -> 1_000;
                case "m" -> 1_000_000;
                default -> 1;
            };
            return new Size(t, Math.round(n));
        }
    }

    static Options parse(String[] args, Path self) {
        Map<String, String> o = new LinkedHashMap<>();
        Set<String> flags = Set.of("continue-after-miss", "help");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                o.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (flags.contains(name)) {
                o.put(name, "true");
            } else if (i + 1 < args.length) {
                o.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        for (String name : o.keySet()) {
            if (!USAGE.contains("--" + name + " ") && !USAGE.contains("--" + name + "\n")) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (o.containsKey("help")) {
            return null;
        }
        List<Size> sizes = new ArrayList<>();
        for (String s : o.getOrDefault("sizes", "empty,100k,1m").split(",")) {
            sizes.add(Size.parse(s));
        }
        sizes.sort(java.util.Comparator.comparingLong(Size::events));
        Path platformDir = Path.of(o.getOrDefault("platform-dir", self.toString())).toAbsolutePath().normalize();
        String label = o.getOrDefault("label", platformDir.getFileName().toString());
        if (!label.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--label may hold letters, digits, '.', '_' and '-' only: " + label);
        }
        Path out = o.containsKey("out") ? Path.of(o.get("out"))
                : self.resolve("docs/benchmarks").resolve(LocalDate.now() + "-" + label);
        Path data = Path.of(o.getOrDefault("data-dir", "/tmp/changdu-benchmark-" + label));
        Set<String> skip = new LinkedHashSet<>();
        if (o.containsKey("skip")) {
            for (String s : o.get("skip").split(",")) {
                if (!PHASES.contains(s.strip())) {
                    throw new IllegalArgumentException("--skip names phases of " + PHASES + ", not " + s);
                }
                skip.add(s.strip());
            }
        }
        String profile = o.getOrDefault("profile", "largest");
        if (!Set.of("largest", "all", "none").contains(profile)) {
            throw new IllegalArgumentException("--profile is largest, all or none");
        }
        String relay = o.getOrDefault("relay-service", "training-service");
        if (!Set.of("training-service", "employment-service", "project-labor-service").contains(relay)) {
            throw new IllegalArgumentException("--relay-service is training-service, employment-service or project-labor-service");
        }
        return new Options(List.copyOf(sizes), label, platformDir, data.toAbsolutePath().normalize(),
                out.toAbsolutePath().normalize(), o.containsKey("scale") ? Double.valueOf(o.get("scale")) : null,
                Long.parseLong(o.getOrDefault("seed", "2020")), duration(o.getOrDefault("load-budget", "45m")),
                duration(o.getOrDefault("phase-budget", "10m")), Integer.parseInt(o.getOrDefault("concurrency", "32")),
                Double.parseDouble(o.getOrDefault("steady-rate", "300")),
                Integer.parseInt(o.getOrDefault("steady-concurrency", "64")), duration(o.getOrDefault("steady", "60s")),
                duration(o.getOrDefault("burst", "20s")), duration(o.getOrDefault("idle", "60s")),
                duration(o.getOrDefault("idle-settle", "20s")), Integer.parseInt(o.getOrDefault("reads", "20")), relay,
                Long.parseLong(o.getOrDefault("relay-backlog", "20000")),
                Long.parseLong(o.getOrDefault("kafka-records", "300000")),
                Integer.parseInt(o.getOrDefault("raw-rows", "50000")), o.get("postgres"), profile,
                o.containsKey("compare") ? Path.of(o.get("compare")).toAbsolutePath() : null,
                Integer.parseInt(o.getOrDefault("port-offset", "10000")), Set.copyOf(skip),
                o.containsKey("continue-after-miss"), o.getOrDefault("today", "2021-01-04"));
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("a duration is like 90s, 10m or 1h: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    boolean runs(String phase) {
        return !skip.contains(phase);
    }

    Size largest() {
        return sizes.get(sizes.size() - 1);
    }
}
