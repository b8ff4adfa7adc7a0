package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The auto-configuration alone, as a service without Axon sees it: the actor, the problems, the business clock. */
@SpringBootTest(classes = WebConventionsTest.App.class, properties = "platform.clock.offset=P1D")
@AutoConfigureMockMvc
class WebConventionsTest {

    @Configuration
    @EnableAutoConfiguration
    @Import(Recorder.class)
    static class App {
    }

    @RestController
    static class Recorder {
        @PostMapping("/records")
        String record(@RequestParam int size, Actor actor) {
            if (size < 1) {
                throw new InvalidInput("size", "positive", "size must be positive");
            }
            return actor.id() + " (" + actor.department() + ")";
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void the_actor_comes_from_the_headers_percent_encoded_or_raw() throws Exception {
        String raw = new String("市人社局".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        for (String department : new String[] {"%E5%B8%82%E4%BA%BA%E7%A4%BE%E5%B1%80", raw}) {
            mvc.perform(record(1, department))
                    .andExpect(status().isOk())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                            .isEqualTo("planner-1 (市人社局)"));
        }
    }

    @Test
    void the_openapi_description_names_the_actor_headers_not_an_actor_parameter() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/records'].post.parameters[?(@.name == 'X-Actor-Id')].in").value("header"))
                .andExpect(jsonPath("$.paths['/records'].post.parameters[?(@.name == 'X-Actor-Id')].required").value(true))
                .andExpect(jsonPath("$.paths['/records'].post.parameters[?(@.name == 'X-Actor-Department')].in").value("header"))
                .andExpect(jsonPath("$.paths['/records'].post.parameters[?(@.name == 'actor')]").isEmpty());
    }

    @Test
    void a_write_without_its_actor_is_a_problem_naming_the_header() throws Exception {
        mvc.perform(record(1, null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://changdu-labour.example/problems/actor-required"))
                .andExpect(jsonPath("$.errors[0].field").value(ActorArgumentResolver.ACTOR_DEPARTMENT))
                .andExpect(jsonPath("$.errors[0].rule").value("required"));
    }

    @Test
    void invalid_input_is_a_validation_problem_naming_field_and_rule() throws Exception {
        mvc.perform(record(0, "dept"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://changdu-labour.example/problems/validation"))
                .andExpect(jsonPath("$.detail").value("size must be positive"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].rule").value("positive"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be positive"));
    }

    @Test
    void one_problem_advice_and_the_business_clock_runs_at_the_configured_offset() {
        assertThat(context.getBeansOfType(ProblemDetails.class)).hasSize(1);
        Duration ahead = Duration.between(Instant.now(), context.getBean(Clock.class).instant());
        assertThat(ahead).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }

    /** A write by planner-1 of the given department (none: the header is left out). */
    private static MockHttpServletRequestBuilder record(int size, String department) {
        MockHttpServletRequestBuilder request = post("/records").param("size", String.valueOf(size))
                .header(ActorArgumentResolver.ACTOR_ID, "planner-1");
        return department == null ? request : request.header(ActorArgumentResolver.ACTOR_DEPARTMENT, department);
    }
}
