package cn.changdu.labour.generator.load;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.generator.files.ImportFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of the generated year, as a county office or department would send it through the gateway.
 * Server-generated ids are not known when the year is generated: the path and the JSON body name them as
 * placeholders {@code ${class/17}}, which the driver fills in from the answer of the request that created them
 * ({@link #creates}). Person keys are written {@code ${pk:540321199003150018}}: the driver derives them from the
 * resident ID (the services' HMAC), because a roster import does not return them.
 *
 * @param seq            position in the stream (business-time order)
 * @param at             business time: when it happened ({@code occurredAt}), the order of the stream
 * @param service        training, employment, project-labor or reporting
 * @param method         GET, POST or PUT
 * @param endpoint       the endpoint template, e.g. {@code /api/training/classes/{classId}/trainees}
 * @param path           the path with placeholders
 * @param actor          who records it (the driver turns it into headers through its {@link Credentials})
 * @param body           what it sends
 * @param keys           requests sharing a key are sent one after the other in stream order (one aggregate, one
 *                       person's records); requests without a common key may run concurrently
 * @param creates        the id this request's answer creates, or null
 * @param expect         the answer the year means it to get
 * @param mayLag         whether the answer depends on a read model that may lag a moment behind the writes before it
 *                       (the driver then retries a refusal a few times before reporting it)
 * @param idempotencyKey a key derived from the seed and the request (harmless today; a later issue makes the
 *                       services honour it)
 */
public record Request(long seq, Instant at, String service, String method, String endpoint, String path, Actor actor,
                      Body body, List<String> keys, Creates creates, Expect expect, boolean mayLag,
                      String idempotencyKey) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    /** What a request sends. */
    public sealed interface Body {
        /** The canonical text of the body (for the determinism check and the request log). */
        String canonical();
    }

    /** No body (a GET). */
    public record NoBody() implements Body {
        @Override
        public String canonical() {
            return "";
        }
    }

    /** A JSON document (UTF-8), possibly with placeholders. */
    public record Json(String text) implements Body {
        @Override
        public String canonical() {
            return text;
        }
    }

    /** A multipart/form-data upload of one import file (part {@code file}); files never hold placeholders. */
    public record Upload(ImportFile file, boolean corrected) implements Body {
        @Override
        public String canonical() {
            return file.name() + (corrected ? " (corrected)" : "") + " sha256=" + sha256(file.bytes(corrected));
        }
    }

    /** A file sent as it is (the county target split the demo loads). */
    public record RawFile(String name, String contentType, byte[] bytes) implements Body {
        @Override
        public String canonical() {
            return name + " sha256=" + sha256(bytes);
        }
    }

    /**
     * The id a request creates: {@code field} of the JSON answer, or, when the answer is a list, {@code field} of the
     * element whose {@code matchField} equals {@code matchValue} (a lookup).
     */
    public record Creates(String ref, String field, String matchField, String matchValue) {
        public static Creates field(String ref, String field) {
            return new Creates(ref, field, null, null);
        }
    }

    /** The answer meant. */
    public sealed interface Expect {
        boolean matches(int status, String body);
    }

    /** Any 2xx. */
    public record Success() implements Expect {
        @Override
        public boolean matches(int status, String body) {
            return status / 100 == 2;
        }
    }

    /** An import applied whole: 2xx and no row errors in the report. */
    public record Imported() implements Expect {
        @Override
        public boolean matches(int status, String body) {
            return status / 100 == 2 && ImportAnswers.errorRows(body).isEmpty();
        }
    }

    /** A refusal the year means to provoke (e.g. a duplicate-training attempt): this status naming this rule. */
    public record Refusal(int status, String rule) implements Expect {
        @Override
        public boolean matches(int status, String body) {
            return status == this.status() && body != null && body.contains("\"" + rule + "\"");
        }
    }

    /** An import file with bad rows: refused whole (422) with an error on exactly these rows. */
    public record RowErrors(List<Integer> rows) implements Expect {
        @Override
        public boolean matches(int status, String body) {
            return status == 422 && ImportAnswers.errorRows(body).equals(new java.util.TreeSet<>(rows));
        }
    }

    public Request {
        keys = List.copyOf(keys);
    }

    /** The refs this request needs before it can be sent (placeholders other than person keys). */
    public List<String> uses() {
        List<String> refs = new ArrayList<>();
        collect(path, refs);
        if (body instanceof Json json) {
            collect(json.text(), refs);
        }
        return refs;
    }

    private static void collect(String text, List<String> refs) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String ref = m.group(1);
            if (!ref.startsWith("pk:") && !refs.contains(ref)) {
                refs.add(ref);
            }
        }
    }

    /** Replaces every placeholder with its value. */
    public static String fill(String text, java.util.function.Function<String, String> values) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** This request at position {@code seq}, with its idempotency key derived from the seed and the request. */
    public Request numbered(long seq, long seed) {
        String key = UUID.nameUUIDFromBytes((seed + "|" + seq + "|" + method + " " + path + "|" + body.canonical())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Request(seq, at, service, method, endpoint, path, actor, body, keys, creates, expect, mayLag, key);
    }

    /** One line that says everything the request is: equal lines, equal requests (the determinism tests compare them). */
    public String canonical() {
        return seq + "\t" + at + "\t" + service + "\t" + method + "\t" + path + "\t" + actor.id() + "@" + actor.department()
                + "\t" + body.canonical() + "\t" + String.join(",", keys) + "\t" + (creates == null ? "" : creates)
                + "\t" + expect + "\t" + mayLag + "\t" + idempotencyKey;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
