package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.imports.RowBinders;
import jakarta.validation.Validator;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import cn.changdu.labour.support.input.InputPolicyConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The REST conventions every service shares, with or without Axon: the actor of a request
 * ({@link ActorArgumentResolver}, documented as headers in the OpenAPI description), refusals as problem details
 * ({@link ProblemDetails}) and the business clock.
 */
@AutoConfiguration
@Import({ProblemDetails.class, RefusalLog.class, InputPolicyConfiguration.class})
public class WebConventionsConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    static {
        // the actor is not a request parameter: it comes from headers, described by actorHeaders()
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class, Caller.class);
    }

    /** Documents the headers an operation reads its actor (required) or caller (optional, with roles) from. */
    @Bean
    public OperationCustomizer actorHeaders() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                boolean writes = parameter.getParameterType() == Actor.class;
                if (writes || parameter.getParameterType() == Caller.class) {
                    header(operation, ActorArgumentResolver.ACTOR_ID, writes, "录入人（操作人）编号 — who records it");
                    header(operation, ActorArgumentResolver.ACTOR_DEPARTMENT, writes,
                            "录入人所在部门，UTF-8 或百分号编码 — the recorder's department (UTF-8 or percent-encoded)");
                    if (!writes) {
                        header(operation, ActorArgumentResolver.ACTOR_ROLES, false,
                                "角色，逗号分隔；personal-data 或 auditor 可见个人信息 — roles, comma-separated");
                    }
                }
            }
            return operation;
        };
    }

    private static void header(Operation operation, String name, boolean required, String description) {
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name(name).required(required).description(description)
                .schema(new StringSchema()));
    }

    /** Every request body but a file upload is read only up to this size (413 beyond it). */
    @Bean
    public FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
            @Value("${platform.input.max-body-size:2MB}") DataSize max, ObjectMapper objectMapper) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(max, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Imports of more than {@code platform.imports.sync-max-rows} rows run as jobs; each service names where its
     * jobs are ({@code platform.imports.jobs-path}, under its own API prefix, so the gateway routes them).
     */
    @Bean
    @ConditionalOnProperty("platform.imports.jobs-path")
    public ImportJobs importJobs(ProblemDetails problems, Clock clock,
                                 @Value("${platform.imports.sync-max-rows:5000}") int syncMaxRows,
                                 @Value("${platform.imports.job-retention:PT24H}") Duration retention,
                                 @Value("${platform.imports.jobs-path}") String path,
                                 @Value("${platform.imports.job-workers:2}") int workers) {
        return new ImportJobs(problems, clock, syncMaxRows, retention, path, workers, 20);
    }

    @Bean
    @ConditionalOnProperty("platform.imports.jobs-path")
    public ImportJobController importJobController(ImportJobs jobs) {
        return new ImportJobController(jobs);
    }

    @Bean
    public RowBinders rowBinders(Validator validator, ObjectMapper objectMapper, Clock clock) {
        return new RowBinders(validator, objectMapper, clock);
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    public ContainerProblems containerProblems() {
        return new ContainerProblems();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${platform.clock.offset:PT0S}") Duration offset) {
        // the embedded demo runs in the plan year: every service gets the same offset from ./platform
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
