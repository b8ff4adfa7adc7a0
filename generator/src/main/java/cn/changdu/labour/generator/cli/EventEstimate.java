package cn.changdu.labour.generator.cli;

import cn.changdu.labour.generator.load.Request;

import java.util.Map;
import java.util.TreeMap;

/**
 * About how many events the services store for the requests (per request, or per row of an import), from what
 * each command applies; system events (deadlines: overdue checks, wage periods past due and the arrears they find;
 * share crossings) come on top and depend on the platform's clock, so this is a floor, not a count.
 */
final class EventEstimate {

    /** Events per request (per applied row for imports), by "METHOD endpoint". */
    private static final Map<String, Integer> PER_REQUEST = Map.ofEntries(
            Map.entry("POST /api/training/classes", 1),
            Map.entry("POST /api/training/classes/{classId}/trainees", 2),
            Map.entry("POST /api/training/classes/{classId}/trainees/import", 2),
            Map.entry("POST /api/training/classes/{classId}/trainees/{personKey}/withdrawal", 2),
            Map.entry("POST /api/employment/placements", 2),
            Map.entry("POST /api/employment/placements/import", 2),
            Map.entry("POST /api/projects/{projectId}/roster", 3),
            Map.entry("POST /api/projects/{projectId}/roster/import", 3),
            Map.entry("POST /api/projects/{projectId}/roster/departures", 2),
            Map.entry("GET /api/employment/people/{personKey}/placements", 0),
            Map.entry("POST /api/reports/targets/import", 0));

    private final Map<String, Long> requests = new TreeMap<>();
    private final Map<String, Long> events = new TreeMap<>();

    void add(Request r) {
        String endpoint = r.method() + " " + r.endpoint();
        requests.merge(endpoint, 1L, Long::sum);
        int per = PER_REQUEST.getOrDefault(endpoint, 1);
        long n;
        if (r.body() instanceof Request.Upload upload) {
            // a refused file stores nothing; the corrected (or clean) one stores its rows
            n = upload.corrected() || upload.file().badRows().isEmpty() ? (long) per * upload.file().rows().size() : 0;
        } else if (r.expect() instanceof Request.Refusal) {
            n = 1; // a refused duplicate-training attempt is recorded on the person's record
        } else {
            n = per;
        }
        events.merge(r.service(), n, Long::sum);
    }

    String table() {
        StringBuilder out = new StringBuilder("requests by endpoint:\n");
        requests.forEach((endpoint, n) -> out.append(String.format("  %8d  %s%n", n, endpoint)));
        long total = events.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format("events the commands store, about (without deadlines' and share crossings'): %,d %s%n", total, events));
        return out.toString();
    }
}
