package cn.changdu.labour.support.idempotency;

import cn.changdu.labour.support.web.ActorArgumentResolver;
import cn.changdu.labour.support.web.BodySizeLimit;
import cn.changdu.labour.support.web.ProblemDetails;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Makes every unsafe write (POST, PUT, PATCH, DELETE) idempotent under the {@code Idempotency-Key} header (IETF
 * httpapi idempotency-key draft). The key is scoped by caller ({@code X-Actor-Id}), method and path; the request's
 * fingerprint is a SHA-256 of its query string and body (of a multipart body: each part's name, file name and
 * bytes, so the boundary does not matter). The first request claims the key and runs; its answer is kept, and a
 * repeat with the same fingerprint gets it again ({@code Idempotent-Replayed: true}) without running anything.
 * Another fingerprint under the same key is a 422, a repeat while the first still runs a 409 with
 * {@code Retry-After}. Answers a retry may change (5xx, 408, 409, 429) are not kept: the claim is given up.
 * <p>
 * A file import ({@code multipart/form-data} to a path ending in {@code /import}) sent without a key gets one
 * derived from its content, and only its successful answer is kept: the same file sent twice records once, while a
 * refused file can be sent again once the records it depends on exist.
 * <p>
 * The filter is not listed by path: it applies to every unsafe request (an architecture test walks the handler
 * mappings to hold that).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    /** Seconds a client is asked to wait before retrying a request still in flight. */
    static final String RETRY_AFTER_SECONDS = "2";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyStore store;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Whether the filter handles a request of this method (every unsafe one, whatever its path). */
    public static boolean covers(String method) {
        return UNSAFE.contains(method);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !covers(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = Collections.list(request.getHeaders(HEADER));
        boolean implicit = keys.isEmpty();
        if (implicit && !isImport(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = null;
        if (!implicit) {
            String refused = keys.size() > 1 ? "single" : malformed(keys.get(0));
            if (refused != null) {
                write(response, malformedKey(refused), null);
                return;
            }
            key = unquoted(keys.get(0));
        }

        Fingerprinted fingerprinted;
        try {
            fingerprinted = fingerprint(request);
        } catch (BodySizeLimit.TooLarge tooLarge) {
            write(response, ProblemDetails.tooLarge(tooLarge.maxBytes()), null);
            return;
        } catch (IllegalStateException | ServletException unreadable) {
            // a multipart body the container refuses (too large, malformed): Spring answers it as it always does
            chain.doFilter(request, response);
            return;
        }
        String fingerprint = fingerprinted.fingerprint();
        String actor = request.getHeader(ActorArgumentResolver.ACTOR_ID);
        String id = sha256Hex(String.join("\n", actor == null ? "" : actor, request.getMethod(),
                request.getRequestURI(), implicit ? "implicit:" + fingerprint : "key:" + key));

        IdempotencyStore.Claim claim = store.claim(id, fingerprint);
        if (claim instanceof IdempotencyStore.Claimed claimed) {
            run(fingerprinted.request(), response, chain, id, claimed.token(), implicit);
        } else if (claim instanceof IdempotencyStore.Replay replay) {
            replay(response, replay.answer());
        } else if (claim instanceof IdempotencyStore.Reused) {
            write(response, reusedKey(), null);
        } else {
            write(response, inFlight(implicit), RETRY_AFTER_SECONDS);
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String id,
                     String token, boolean implicit) throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, answer);
            // a committed response (sendError, a flushed stream) went out without us: nothing to keep faithfully
            if (!response.isCommitted() && keeps(answer.getStatus(), implicit)) {
                try {
                    store.keep(id, token, new KeptAnswer(answer.getStatus(), answer.getContentType(),
                            answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray()));
                    kept = true;
                } catch (RuntimeException e) {
                    // the request ran: it is answered all the same; only a retry of it would run again
                    log.warn("could not keep the answer of an idempotent request: {}", e.toString());
                }
            }
        } finally {
            if (!kept) {
                release(id, token);
            }
        }
        answer.copyBodyToResponse();
    }

    private void release(String id, String token) {
        try {
            store.release(id, token);
        } catch (RuntimeException e) {
            // the claim stays until it is abandoned (the store's abandonment time); a retry meanwhile is a 409
            log.warn("could not release an idempotency key: {}", e.toString());
        }
    }

    /** Kept: what a retry of the same request must get again. Not kept: what a retry may change. */
    static boolean keeps(int status, boolean implicit) {
        if (implicit) {
            return status >= 200 && status < 300;
        }
        return status < 500 && status != 408 && status != 409 && status != 429;
    }

    private static boolean isImport(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                && request.getRequestURI().endsWith("/import");
    }

    /** Why a key is refused (the rule), or null. The draft's key is a structured-field string: quotes allowed. */
    static String malformed(String header) {
        String key = unquoted(header);
        if (key.isEmpty()) {
            return "required";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "max-length";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return "printable-ascii";
            }
        }
        return null;
    }

    private static String unquoted(String header) {
        String key = header.strip();
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")
                ? key.substring(1, key.length() - 1) : key;
    }

    private record Fingerprinted(HttpServletRequest request, String fingerprint) {
    }

    /** The request's fingerprint, and a request whose body can still be read (it was read to make it). */
    private static Fingerprinted fingerprint(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        field(digest, request.getQueryString() == null ? new byte[0]
                : request.getQueryString().getBytes(StandardCharsets.UTF_8));
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            // the container parses the parts once and keeps them: Spring's multipart resolver reads the same ones
            for (Part part : request.getParts()) {
                field(digest, part.getName().getBytes(StandardCharsets.UTF_8));
                String fileName = part.getSubmittedFileName();
                field(digest, fileName == null ? new byte[0] : fileName.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    field(digest, in.readAllBytes());
                }
            }
            return new Fingerprinted(request, HexFormat.of().formatHex(digest.digest()));
        }
        byte[] body = request.getInputStream().readAllBytes();
        field(digest, body);
        return new Fingerprinted(new ReadBody(request, body), HexFormat.of().formatHex(digest.digest()));
    }

    /** A length before each value, so that no two different sequences of values digest alike. */
    private static void field(MessageDigest digest, byte[] value) {
        digest.update(Long.toString(value.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void replay(HttpServletResponse response, KeptAnswer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private void write(HttpServletResponse response, ResponseEntity<ProblemDetail> problem, String retryAfter)
            throws IOException {
        response.setStatus(problem.getStatusCode().value());
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);   // JSON is UTF-8: no charset, as Spring's
        json.writeValue(response.getOutputStream(), problem.getBody());
    }

    private static ResponseEntity<ProblemDetail> malformedKey(String rule) {
        String message = switch (rule) {
            case "single" -> "只能发送一个幂等键";
            case "required" -> "幂等键不能为空";
            case "max-length" -> "幂等键不能超过 " + MAX_KEY_LENGTH + " 个字符";
            default -> "幂等键只能由可打印的 ASCII 字符组成";
        };
        return ProblemDetails.refusal(HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
                "幂等键无效 (invalid idempotency key)", HEADER, rule, message);
    }

    private static ResponseEntity<ProblemDetail> reusedKey() {
        ResponseEntity<ProblemDetail> problem = ProblemDetails.refusal(HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused", "幂等键已用于另一请求 (idempotency key reused)", HEADER,
                "idempotency-key-reused", "该幂等键已用于内容不同的请求；新的请求请使用新的幂等键");
        problem.getBody().setProperty("rule", "idempotency-key-reused");
        return problem;
    }

    private static ResponseEntity<ProblemDetail> inFlight(boolean implicit) {
        return ProblemDetails.refusal(HttpStatus.CONFLICT, "idempotency-key-in-flight",
                "请求正在处理 (request in flight)", implicit ? "file" : HEADER, "idempotency-key-in-flight",
                implicit ? "同一文件的导入仍在处理中，请 " + RETRY_AFTER_SECONDS + " 秒后再查看结果"
                        : "使用该幂等键的请求仍在处理中，请 " + RETRY_AFTER_SECONDS + " 秒后重试");
    }

    /** A request whose body was read to fingerprint it: the application reads the same bytes again. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
