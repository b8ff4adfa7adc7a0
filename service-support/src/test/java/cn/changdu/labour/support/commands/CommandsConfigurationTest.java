package cn.changdu.labour.support.commands;

import cn.changdu.labour.support.axon.CommitsOnFile;
import cn.changdu.labour.support.web.ActorArgumentResolver;
import cn.changdu.labour.support.web.ProblemDetails;
import cn.changdu.labour.support.web.WebConventionsConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** A domain service gets web-support's conventions once, and Axon's problems beside them. */
class CommandsConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    WebConventionsConfiguration.class, CommandsConfiguration.class))
            .withBean(CommandGateway.class, () -> mock(CommandGateway.class))
            .withBean(CommitsOnFile.class, () -> mock(CommitsOnFile.class))
            // as SpringApplication does: @Value("${platform.clock.offset:PT0S}") Duration needs Boot's conversions
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withPropertyValues("platform.person-key-secret=a-test-secret-of-enough-length");

    @Test
    void one_problem_advice_one_axon_advice_one_actor_resolver() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ProblemDetails.class).hasSingleBean(AxonProblems.class)
                    .hasSingleBean(DomainCommands.class).hasSingleBean(Clock.class);
            assertThat(context.getBean(RequestMappingHandlerAdapter.class).getCustomArgumentResolvers())
                    .filteredOn(ActorArgumentResolver.class::isInstance).hasSize(1);
        });
    }

    @Test
    void a_service_clock_replaces_the_business_clock() {
        Clock fixed = Clock.fixed(Instant.parse("2020-04-01T02:00:00Z"), ZoneOffset.UTC);
        runner.withBean("testClock", Clock.class, () -> fixed)
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
    }
}
