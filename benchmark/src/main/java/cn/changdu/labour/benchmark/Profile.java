package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * JFR of every component during the steady load: {@code jcmd <pid> JFR.start} before, {@code JFR.dump} and
 * {@code JFR.stop} after; each recording's {@code jdk.ExecutionSample} events summarised as the top frames by
 * sample count: where the CPU is (the top frame, "self"), which methods are on the stack most ("total"), and the
 * first frame of the platform's own code ({@code cn.changdu.labour}) of each sample.
 */
final class Profile {

    private final Map<String, Long> pids;
    private final Path dir;

    Profile(Map<String, Long> pids, Path dir) {
        this.pids = pids;
        this.dir = dir;
    }

    void start() {
        pids.forEach((c, pid) -> jcmd(pid, "JFR.start", "name=benchmark", "settings=profile"));
    }

    /** Dumps and stops every recording, summarises each; the summaries go to {@code summaryDir}. */
    ObjectNode finish(Path summaryDir, String size) {
        ObjectNode out = Json.object();
        try {
            Files.createDirectories(dir);
            Files.createDirectories(summaryDir);
        } catch (IOException e) {
            out.put("error", e.toString());
            return out;
        }
        for (var e : pids.entrySet()) {
            Path jfr = dir.resolve(size + "-" + e.getKey() + ".jfr");
            String dumped = jcmd(e.getValue(), "JFR.dump", "name=benchmark", "filename=" + jfr.toAbsolutePath());
            jcmd(e.getValue(), "JFR.stop", "name=benchmark");
            ObjectNode c = out.putObject(e.getKey());
            if (!Files.isRegularFile(jfr)) {
                c.put("error", "no recording: " + dumped.strip());
                continue;
            }
            try {
                Summary s = summarise(jfr);
                c.put("samples", s.samples);
                c.put("recording", jfr.toString());
                c.set("topSelf", top(s.self, s.samples, 12));
                c.set("topTotal", top(s.total, s.samples, 12));
                c.set("topPlatformFrames", top(s.platform, s.samples, 12));
                Path text = summaryDir.resolve("profile-" + size + "-" + e.getKey() + ".txt");
                Files.writeString(text, s.text(e.getKey(), size), StandardCharsets.UTF_8);
                c.put("summary", summaryDir.relativize(text).toString());
            } catch (IOException | RuntimeException ex) {
                c.put("error", ex.toString());
            }
        }
        return out;
    }

    private static ArrayNode top(Map<String, Long> counts, long samples, int n) {
        ArrayNode a = Json.array();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).forEach(e -> {
            ObjectNode f = a.addObject();
            f.put("frame", e.getKey());
            f.put("samples", e.getValue());
            Json.put(f, "share", samples == 0 ? 0 : (double) e.getValue() / samples);
        });
        return a;
    }

    static final class Summary {
        long samples;
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> total = new HashMap<>();
        final Map<String, Long> platform = new HashMap<>();
        final Map<String, Long> threads = new HashMap<>();

        String text(String component, String size) {
            StringBuilder b = new StringBuilder();
            b.append(component).append(" at ").append(size).append(": ").append(samples)
                    .append(" execution samples (JFR 'profile' settings, during the steady load)\n");
            section(b, "Top frames (self: the method running when sampled)", self, 40);
            section(b, "On the stack (total: samples whose stack holds the method)", total, 40);
            section(b, "First frame of the platform's own code (cn.changdu.labour) in each sample", platform, 30);
            section(b, "Threads", threads, 20);
            return b.toString();
        }

        private void section(StringBuilder b, String title, Map<String, Long> counts, int n) {
            b.append('\n').append(title).append('\n');
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                    .forEach(e -> b.append(String.format("  %7d  %5.1f %%  %s%n", e.getValue(),
                            100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
        }
    }

    static Summary summarise(Path jfr) throws IOException {
        Summary s = new Summary();
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                s.samples++;
                List<RecordedFrame> frames = stack.getFrames();
                s.self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                String platform = null;
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        s.total.merge(n, 1L, Long::sum);
                    }
                    if (platform == null && n.startsWith("cn.changdu.labour.")) {
                        platform = n;
                    }
                }
                s.platform.merge(platform == null ? "(no platform frame)" : platform, 1L, Long::sum);
                var thread = event.getThread("sampledThread");
                String t = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName().replaceAll("\\d+", "N");
                s.threads.merge(t, 1L, Long::sum);
            }
        }
        return s;
    }

    private static String name(RecordedFrame f) {
        if (f.getMethod() == null) {
            return "?";
        }
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static String jcmd(long pid, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().map(j -> Path.of(j).resolveSibling("jcmd").toString())
                .filter(j -> Files.isExecutable(Path.of(j))).orElse("jcmd"));
        command.add(String.valueOf(pid));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** For the report: the first few entries of one list, "frame (share)". */
    static List<String> lines(ObjectNode component, String list, int n) {
        List<String> out = new ArrayList<>();
        for (var f : component.path(list)) {
            if (out.size() >= n) {
                break;
            }
            out.add(String.format("%.1f %% %s", 100 * f.path("share").asDouble(), f.path("frame").asText()));
        }
        return out;
    }
}
