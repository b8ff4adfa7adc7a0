package cn.changdu.labour.support.idempotency;

/**
 * Where the {@link IdempotencyFilter} claims keys and keeps answers. The domain services keep them in their own
 * database (service-support's {@code JdbcIdempotencyStore}); the filter is configured only where a store exists.
 * An {@code id} names caller, method, path and key at once (a SHA-256, hex); the fingerprint is the request's.
 */
public interface IdempotencyStore {

    /**
     * Claims the key for a request with this fingerprint, or says what holds it: the answer kept for the same
     * request, another request's answer, or a request still running. A claim never finished within the store's
     * abandonment time is taken over.
     */
    Claim claim(String id, String fingerprint);

    /** Keeps the answer of the claim; returns once it is durable (the answer is sent after that). */
    void keep(String id, String token, KeptAnswer answer);

    /** Gives up the claim, so that a retry runs the request again (an answer that is not kept). */
    void release(String id, String token);

    /** Forgets the keys past their retention; returns how many. */
    int purge();

    /** What a claim found. */
    sealed interface Claim permits Claimed, Replay, Reused, InFlight {
    }

    /** The key is this request's now: run it, then {@link #keep} or {@link #release} with the token. */
    record Claimed(String token) implements Claim {
    }

    /** The same request was answered before: send that answer again. */
    record Replay(KeptAnswer answer) implements Claim {
    }

    /** The key was used for a request with another fingerprint. */
    record Reused() implements Claim {
    }

    /** The request the key was first sent with is still running. */
    record InFlight() implements Claim {
    }
}
