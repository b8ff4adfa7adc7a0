package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine and the code a run measured: cores, memory, CPU, JDK, OS, and the git commits. */
final class Machine {

    private Machine() {
    }

    static ObjectNode describe() {
        ObjectNode n = Json.object();
        n.put("cores", Runtime.getRuntime().availableProcessors());
        n.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        if (!mem.isEmpty()) {
            n.put("memoryMb", Long.parseLong(mem.replaceAll("\\D", "")) / 1024);
        }
        n.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        n.put("java", ProcessHandle.current().info().command().orElse("java"));
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "");
        n.put("os", (os.isEmpty() ? System.getProperty("os.name") : os) + ", kernel " + System.getProperty("os.version"));
        n.put("hostname", run(List.of("hostname")).strip());
        Json.put(n, "loadAverageAtStart", Phases.loadAverage());
        return n;
    }

    /** Commit, whether the working tree differs from it (and in how many files), the branch. */
    static ObjectNode git(Path dir) {
        ObjectNode n = Json.object();
        n.put("dir", dir.toString());
        n.put("commit", run(List.of("git", "-C", dir.toString(), "rev-parse", "HEAD")).strip());
        n.put("subject", run(List.of("git", "-C", dir.toString(), "log", "-1", "--format=%s")).strip());
        n.put("branch", run(List.of("git", "-C", dir.toString(), "rev-parse", "--abbrev-ref", "HEAD")).strip());
        String status = run(List.of("git", "-C", dir.toString(), "status", "--porcelain", "--untracked-files=no"));
        long changed = status.lines().filter(l -> !l.isBlank()).count();
        n.put("changedFiles", changed);
        n.put("clean", changed == 0);
        return n;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    int i = line.indexOf(line.contains(":") ? ':' : '=');
                    return line.substring(i + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "";
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? out : "";
        } catch (IOException | IllegalThreadStateException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
