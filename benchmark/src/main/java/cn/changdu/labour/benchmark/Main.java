package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./platform bench [options]}: see {@link Options#USAGE} and benchmark/README.md. Also
 * {@code java -jar benchmark-*-exec.jar render RESULTS.json [--compare OTHER.json]}, which writes report.html beside
 * the results again (e.g. once the baseline's run exists) and prints the table.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        // the Kafka and MongoDB clients log through slf4j-simple: warnings only
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // an unreachable broker (while the platform starts or stops) is expected, not worth a line every second
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error"));
        Path self = Path.of(System.getProperty("benchmark.home", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("render")) {
            System.exit(render(args));
        }
        Options options;
        try {
            options = Options.parse(args, self);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(64);
            return;
        }
        if (options == null) {
            System.out.print(Options.USAGE);
            return;
        }
        int exit;
        try {
            exit = new Benchmark(options, self).run();
        } catch (IllegalStateException e) {
            System.err.println("benchmark: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static int render(String[] args) throws IOException {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--compare"))) {
            System.err.println("usage: render RESULTS.json [--compare OTHER.json]");
            return 64;
        }
        Path file = Path.of(args[1]);
        JsonNode results = Json.read(file);
        JsonNode compare = args.length == 4 ? Json.read(Path.of(args[3])) : null;
        Path html = file.toAbsolutePath().resolveSibling("report.html");
        Files.writeString(html, Report.html(results, compare));
        System.out.print(Report.table(results));
        System.out.println("Wrote " + html);
        return 0;
    }
}
