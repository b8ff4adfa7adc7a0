package cn.changdu.labour.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A service that refuses the connection (stopped, restarting) is answered 503 with {@code Retry-After}, as a
 * problem detail naming the route. Spring Cloud Gateway answers it 500 (spring-cloud-gateway#4208), which tells
 * a client the request failed inside the platform, so nobody resends it. A refused connection means the request
 * never reached the service: resending it is always safe. A connection lost after the request was sent stays a
 * gateway error: the service may have recorded it.
 */
@Component
public class UnreachableServiceFilter implements GlobalFilter, Ordered {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    public UnreachableServiceFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(UnreachableServiceFilter::refused, failure -> {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.error(failure);
            }
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String service = route == null ? "service" : route.getId();
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    english(exchange)
                            ? "The " + service + " service is not reachable; the request did not reach it and can be sent again."
                            : "服务 " + service + " 暂时无法连接：请求未送达，可以重新发送。");
            problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
            problem.setProperty("service", service);
            byte[] body;
            try {
                body = json.writeValueAsBytes(problem);
            } catch (JsonProcessingException e) {
                return Mono.error(e);
            }
            DataBuffer buffer = response.bufferFactory().wrap(body);
            return response.writeWith(Mono.just(buffer));
        });
    }

    /** Chinese unless the client asks for English first, like the services' own problem details. */
    private static boolean english(ServerWebExchange exchange) {
        List<Locale> asked = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
        return !asked.isEmpty() && "en".equals(asked.get(0).getLanguage());
    }

    private static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Wraps everything after it, the routing filter included. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
