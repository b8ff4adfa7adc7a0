package cn.changdu.labour.support.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The {@link IdempotencyFilter} on every request of a service that has an {@link IdempotencyStore} (the domain
 * services, through service-support). reporting-service has none: its writes set state (targets, an alert's
 * acknowledgement or closing, a rebuild that refuses to start twice), so a repeat changes nothing there.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(IdempotencyStore.class)
public class IdempotencyConfiguration {

    /** After the body size limit (the body it reads is bounded), before everything that runs the request. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, json));
        registration.setOrder(ORDER);
        return registration;
    }
}
