package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the {@link Actor} of a request from {@code X-Actor-Id} and {@code X-Actor-Department} (both required
 * on every write), and the {@link Caller} of a read (headers optional; roles from {@code X-Actor-Roles}).
 * Department names are Chinese: they may come percent-encoded, or as raw UTF-8 bytes (which the servlet
 * container reads as ISO-8859-1).
 */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String ACTOR_ID = "X-Actor-Id";
    public static final String ACTOR_DEPARTMENT = "X-Actor-Department";
    public static final String ACTOR_ROLES = "X-Actor-Roles";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType()) || Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        if (Caller.class.equals(parameter.getParameterType())) {
            String id = optionalHeader(request, ACTOR_ID);
            String department = optionalHeader(request, ACTOR_DEPARTMENT);
            String roles = optionalHeader(request, ACTOR_ROLES);
            return new Caller(id != null && department != null ? new Actor(id, department) : null,
                    roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(String::strip)
                            .filter(r -> !r.isEmpty()).collect(Collectors.toSet()));
        }
        return new Actor(header(request, ACTOR_ID), header(request, ACTOR_DEPARTMENT));
    }

    private static String header(NativeWebRequest request, String name) {
        String value = optionalHeader(request, name);
        if (value == null) {
            throw new MissingActorException(name);
        }
        return value;
    }

    private static String optionalHeader(NativeWebRequest request, String name) {
        String raw = request.getHeader(name);
        if (raw == null || raw.isBlank()) {
            return null;
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
