package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Resolves the {@link Actor} of a request from {@code X-Actor-Id} and {@code X-Actor-Department}; both are
 * required on every write. Department names are Chinese: they may come percent-encoded, or as raw UTF-8 bytes
 * (which the servlet container reads as ISO-8859-1).
 */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String ACTOR_ID = "X-Actor-Id";
    public static final String ACTOR_DEPARTMENT = "X-Actor-Department";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        return new Actor(header(request, ACTOR_ID), header(request, ACTOR_DEPARTMENT));
    }

    private static String header(NativeWebRequest request, String name) {
        String raw = request.getHeader(name);
        if (raw == null || raw.isBlank()) {
            throw new MissingActorException(name);
        }
        String value = raw.contains("%") ? URLDecoder.decode(raw, StandardCharsets.UTF_8)
                : new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return value.strip();
    }

    /** A write without the headers that say who records it. */
    public static class MissingActorException extends RuntimeException {
        private final String header;

        MissingActorException(String header) {
            super("请求头 " + header + " 必填：每条记录都要注明录入人及其部门");
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
