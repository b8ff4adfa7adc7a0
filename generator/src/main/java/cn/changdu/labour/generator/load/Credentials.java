package cn.changdu.labour.generator.load;

import cn.changdu.labour.contracts.Actor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every header that says who sends a request, in one place: today the {@code X-Actor-*} headers the services read;
 * a later issue replaces them with OAuth bearer tokens (an implementation that returns {@code Authorization}).
 */
public interface Credentials {

    /** The headers of one request recorded on behalf of {@code actor}. */
    Map<String, String> headersFor(Actor actor);

    /**
     * {@code X-Actor-Id} and {@code X-Actor-Department}, percent-encoded (department names are Chinese; the JDK's
     * HTTP client sends only ISO-8859-1 header values, and the services decode percent-encoding).
     */
    static Credentials actorHeaders() {
        return actor -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Actor-Id", URLEncoder.encode(actor.id(), StandardCharsets.UTF_8));
            headers.put("X-Actor-Department", URLEncoder.encode(actor.department(), StandardCharsets.UTF_8));
            return headers;
        };
    }
}
