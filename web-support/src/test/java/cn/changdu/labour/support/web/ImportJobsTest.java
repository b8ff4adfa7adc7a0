package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowBinders;
import cn.changdu.labour.support.imports.RowImport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A file of more rows than answered at once becomes a job: progress, cancel, its result, only for its caller. */
@SpringBootTest(classes = ImportJobsTest.App.class, properties = {"platform.imports.jobs-path=/api/things/imports",
        "platform.imports.sync-max-rows=5"})
@AutoConfigureMockMvc
class ImportJobsTest {

    @Configuration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class App {
    }

    record Thing(@NotBlank String name) {
    }

    /** An import whose rows take 20 ms each; a row named 达瓦 breaks a plan rule. */
    @RestController
    static class Things {
        final List<String> applied = new CopyOnWriteArrayList<>();
        private final RowBinder<Thing> binder;
        private final ImportJobs jobs;

        Things(RowBinders binders, ImportJobs jobs) {
            this.binder = binders.of(Thing.class, Map.of("name", "name"));
            this.jobs = jobs;
        }

        @PostMapping("/api/things/import")
        ResponseEntity<?> importThings(@RequestPart("file") MultipartFile file,
                                       @RequestParam(defaultValue = "false") boolean job, Actor actor)
                throws Exception {
            RowImport<Thing> rows = RowImport.read(file, binder, Set.of("name"));
            return jobs.answer(rows, job, actor, () -> {
                List<RowImport.Checked<String>> good = rows.check(bound -> {
                    if (bound.value().name().equals("达瓦")) {
                        throw new RuleViolation("not-达瓦", "name", "refused");
                    }
                    return bound.value().name();
                });
                ImportReport report = rows.applyEach(good, false, name -> {
                    sleep(20);
                    applied.add(name);
                });
                return report;
            });
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Things things;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_small_file_is_answered_at_once_and_a_big_one_becomes_a_job_with_its_progress_and_report() throws Exception {
        mvc.perform(upload(rows("小", 3), "tashi", false)).andExpect(status().isOk());

        MvcResult accepted = mvc.perform(upload(rows("大", 40), "tashi", false))
                .andExpect(status().isAccepted()).andExpect(header().exists("Location")).andReturn();
        String location = accepted.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/things/imports/");
        assertThat(json.readTree(accepted.getResponse().getContentAsString()).get("state").asText())
                .isEqualTo("RUNNING");

        JsonNode midway = await(location, "tashi", job -> job.get("applied").asInt() > 0);
        assertThat(midway.get("rows").asInt()).isEqualTo(40);
        JsonNode done = await(location, "tashi", job -> job.get("state").asText().equals("DONE"));
        assertThat(done.get("applied").asInt()).isEqualTo(40);
        assertThat(done.at("/result/applied").asInt()).isEqualTo(40);
        assertThat(done.get("finishedAt").isNull()).isFalse();

        // the job is its caller's (and auditors'): another actor does not see it
        mvc.perform(get(location).header("X-Actor-Id", "someone-else").header("X-Actor-Department", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(get(location).header("X-Actor-Roles", "auditor")).andExpect(status().isOk());
    }

    @Test
    void a_job_is_cancelled_between_two_rows_and_keeps_what_it_applied() throws Exception {
        int before = things.applied.size();
        String location = mvc.perform(upload(rows("取消", 200), "dawa", true)).andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        await(location, "dawa", job -> job.get("applied").asInt() >= 3);

        mvc.perform(delete(location).header("X-Actor-Id", "dawa").header("X-Actor-Department", "x"))
                .andExpect(status().isAccepted());
        JsonNode cancelled = await(location, "dawa", job -> job.get("state").asText().equals("CANCELLED"));
        int applied = cancelled.get("applied").asInt();
        assertThat(applied).isBetween(3, 199);
        sleep(200);
        assertThat(things.applied.size() - before).isEqualTo(applied);
    }

    @Test
    void a_job_refused_by_its_rows_keeps_the_refusal_the_file_would_have_got_at_once() throws Exception {
        String file = rows("好", 10) + "达瓦\n";
        String location = mvc.perform(upload(file, "gesang", true)).andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        JsonNode refused = await(location, "gesang", job -> job.get("state").asText().equals("REFUSED"));
        assertThat(refused.at("/result/status").asInt()).isEqualTo(422);
        assertThat(refused.at("/result/errors/0/rule").asText()).isEqualTo("not-达瓦");
        assertThat(refused.at("/result/errors/0/row").asInt()).isEqualTo(12);
        assertThat(refused.get("applied").asInt()).isZero();
    }

    private static String rows(String prefix, int n) {
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 0; i < n; i++) {
            csv.append(prefix).append(i).append('\n');
        }
        return csv.toString();
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(
            String csv, String actor, boolean job) {
        var request = multipart("/api/things/import")
                .file(new MockMultipartFile("file", "things.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        request.header("X-Actor-Id", actor).header("X-Actor-Department", "x");
        if (job) {
            request.param("job", "true");
        }
        return request;
    }

    private JsonNode await(String location, String actor, Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            String body = mvc.perform(get(location).header("X-Actor-Id", actor).header("X-Actor-Department", "x"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode job = json.readTree(body);
            if (until.test(job)) {
                return job;
            }
            assertThat(Instant.now()).as(body).isBefore(deadline);
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
