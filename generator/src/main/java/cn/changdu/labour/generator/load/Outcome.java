package cn.changdu.labour.generator.load;

import java.time.Instant;
import java.util.Map;

/**
 * What became of one request: the last attempt's answer, how long it took, and the ids it created and used.
 *
 * @param sent      when the last attempt was sent (wall clock)
 * @param latencyMs the last attempt's time to a full answer
 * @param status    the HTTP status, or 0 (not sent, or no answer)
 * @param attempts  sends made (retries after a lagging read model, a 409 or a lost answer add to it)
 * @param note      why it is unexpected, failed or skipped, or null
 */
public record Outcome(Request request, Kind kind, Instant sent, double latencyMs, int status, int attempts,
                      Map<String, String> created, Map<String, String> used, String note) {

    public enum Kind {
        /** answered 2xx, as meant */
        OK,
        /** refused as the year meant it to be (a duplicate-training attempt, a file with bad rows) */
        REFUSED_AS_INTENDED,
        /** answered, but not as meant */
        UNEXPECTED,
        /** no answer (connection refused, timeout) */
        FAILED,
        /** not sent: an id it needs was never created */
        SKIPPED
    }

    public boolean asMeant() {
        return kind == Kind.OK || kind == Kind.REFUSED_AS_INTENDED;
    }
}
