package cn.changdu.labour.infra.test;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Holds that every unsafe endpoint of a service (each POST, PUT, PATCH and DELETE its handler mappings know) goes
 * through the idempotency filter: the filter is registered for every path, and for each endpoint it refuses a
 * malformed {@code Idempotency-Key} itself (400) without running the handler. An endpoint the filter skipped would
 * reach its handler instead.
 */
public final class IdempotencyCoverage {

    private static final Set<RequestMethod> UNSAFE =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    private IdempotencyCoverage() {
    }

    /** The unsafe endpoints ({@code METHOD path}) the filter does not cover; empty when all are covered. */
    public static List<String> uncovered(ApplicationContext context) throws Exception {
        FilterRegistrationBean<?> registration = context.getBean("idempotencyFilter", FilterRegistrationBean.class);
        List<String> uncovered = new ArrayList<>();
        boolean everyPath = registration.isEnabled() && (registration.getUrlPatterns().isEmpty()
                || registration.getUrlPatterns().contains("/*"));
        Filter filter = registration.getFilter();
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        int unsafe = 0;
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? UNSAFE : methods) {
                if (!UNSAFE.contains(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    unsafe++;
                    String path = pattern.replaceAll("\\{[^}]*}", "x");
                    MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
                    request.addHeader("Idempotency-Key", "");
                    request.addHeader("X-Actor-Id", "coverage");
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    MockFilterChain chain = new MockFilterChain();
                    filter.doFilter(request, response, chain);
                    if (!everyPath || chain.getRequest() != null || response.getStatus() != 400) {
                        uncovered.add(method + " " + pattern);
                    }
                }
            }
        }
        if (unsafe == 0) {
            throw new AssertionError("no unsafe endpoint found: is this the service's context?");
        }
        return uncovered;
    }
}
