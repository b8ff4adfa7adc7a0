package cn.changdu.labour.support.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The REST conventions every service shares, with or without Axon: the actor of a request
 * ({@link ActorArgumentResolver}), refusals as problem details ({@link ProblemDetails}) and the business clock.
 */
@AutoConfiguration
@Import(ProblemDetails.class)
public class WebConventionsConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${platform.clock.offset:PT0S}") Duration offset) {
        // the embedded demo runs in the plan year: every service gets the same offset from ./platform
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
