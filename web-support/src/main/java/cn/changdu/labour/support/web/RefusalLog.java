package cn.changdu.labour.support.web;

import cn.changdu.labour.support.imports.RowError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One WARN line per refused request (status, method, path, each error's rule and field), written as the problem
 * detail leaves: no stack trace and no value from the request, so no personal data reaches the log. Server errors
 * are not refusals: they keep their stack trace where they are logged.
 */
@ControllerAdvice
public class RefusalLog implements ResponseBodyAdvice<Object> {

    private static final Logger LOG = LoggerFactory.getLogger("cn.changdu.labour.refusals");
    private static final int LOGGED_ERRORS = 5;
    /** Shaped like a resident ID (18 characters, region first): kept as {@code ResidentId.masked} shows it. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9])(\\d{6})(\\d{11})([0-9Xx])(?![0-9])");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            // a resident ID put in a path (where a person key belongs) reaches neither the answer nor the log
            String path = masked(request.getURI().getRawPath());
            if (problem.getInstance() != null) {
                problem.setInstance(URI.create(masked(problem.getInstance().toString())));
            }
            if (problem.getStatus() < 500) {
                LOG.warn("refused {} {} {}: {}", problem.getStatus(), request.getMethod(), path, rules(problem));
            }
        }
        return body;
    }

    static String masked(String path) {
        return RESIDENT_ID.matcher(path).replaceAll(m -> m.group(1) + "********" + "***" + m.group(3));
    }

    private static String rules(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            String listed = errors.stream().limit(LOGGED_ERRORS).map(RefusalLog::ruleAndField)
                    .collect(Collectors.joining(", "));
            return errors.size() > LOGGED_ERRORS ? listed + " … (" + errors.size() + " errors)" : listed;
        }
        return String.valueOf(problem.getType());
    }

    private static String ruleAndField(Object error) {
        if (error instanceof Map<?, ?> map) {
            return map.get("rule") + (map.get("field") != null ? " " + map.get("field") : "");
        }
        if (error instanceof RowError row) {
            return row.rule() + " row " + row.row() + " " + Objects.toString(row.field(), "");
        }
        return String.valueOf(error);
    }
}
