package cn.changdu.labour.support.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal is a problem detail naming field and rule, on a real Tomcat: also what the container refuses before
 * Spring sees the request (an encoded slash, {@code %00}, {@code ../}, a URI too long), constraints on path and
 * query parameters, and parameters of the wrong type. Raw sockets, so nothing on the client side normalises the URI.
 */
@SpringBootTest(classes = RefusalsOnTomcatTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusalsOnTomcatTest {

    @Configuration
    @EnableAutoConfiguration
    @Import({Figures.class, Checked.class})
    static class App {
    }

    @RestController
    static class Figures {
        @PutMapping("/figures/{countyCode}/{year}")
        String put(@PathVariable @Pattern(regexp = "5403\\d\\d") String countyCode,
                   @PathVariable @Max(2030) int year) {
            return countyCode + year;
        }

        @GetMapping("/figures")
        String get(@RequestParam LocalDate asOf, @RequestParam(required = false) Integer year) {
            return asOf + " " + year;
        }
    }

    /** A bean validated by Spring's method validation proxy: its refusals are ConstraintViolationExceptions. */
    @RestController
    @Validated
    static class Checked {
        @GetMapping("/checked/{id}")
        String get(@PathVariable @Pattern(regexp = "\\d+") String id) {
            return id;
        }
    }

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void parameters_are_named_in_the_refusal() throws IOException {
        refused(request("PUT", "/figures/999999/2020"), 400, "countyCode", "Pattern");
        refused(request("PUT", "/figures/540321/9999"), 400, "year", "Max");
        refused(request("PUT", "/figures/540321/abc"), 400, "year", "type");
        refused(request("GET", "/figures?asOf=yesterday"), 400, "asOf", "type");
        refused(request("GET", "/figures?asOf=2020-01-01&year=x"), 400, "year", "type");
        refused(request("GET", "/figures"), 400, "asOf", "required");
        refused(request("GET", "/checked/abc"), 400, "id", "Pattern");
        // a resident ID where an id belongs is not echoed in the problem's instance
        Answer echoed = request("PUT", "/figures/540102197001011237/2020");
        refused(echoed, 400, "countyCode", "Pattern");
        assertThat(echoed.body).doesNotContain("540102197001011237").contains("540102***********7");
    }

    @Test
    void what_tomcat_refuses_is_a_problem_detail_too() throws IOException {
        for (String path : new String[] {"/figures/a%2Fb/2020", "/figures/a%00b/2020", "/figures/../../etc/passwd",
                "/figures/%2e%2e/2020", "/figures/a%5Cb/2020"}) {
            Answer answer = request("GET", path);
            assertThat(answer.status).as(path).isBetween(400, 405);
            assertThat(answer.contentType).as(path + " " + answer.body).startsWith("application/problem+json");
            assertThat(answer.body).doesNotContain("Tomcat", "Exception", "<html");
        }
        Answer tooLong = request("GET", "/figures?asOf=" + "x".repeat(20_000));
        assertThat(tooLong.status).isIn(400, 414);
        assertThat(tooLong.contentType).as(tooLong.body).startsWith("application/problem+json");
    }

    @Test
    void an_unknown_path_or_method_is_a_problem_detail() throws IOException {
        refused(request("GET", "/nothing-here"), 404, "", "not-found");
        refused(request("DELETE", "/figures"), 405, "", "method-not-allowed");
    }

    private void refused(Answer answer, int status, String field, String rule) throws IOException {
        assertThat(answer.status).as(answer.body).isEqualTo(status);
        assertThat(answer.contentType).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body);
        assertThat(problem.at("/errors/0/field").isNull() ? "" : problem.at("/errors/0/field").asText())
                .as(answer.body).isEqualTo(field);
        assertThat(problem.at("/errors/0/rule").asText()).as(answer.body).isEqualTo(rule);
    }

    record Answer(int status, String contentType, String body) {
    }

    /** One HTTP/1.1 request on a raw socket, the request line exactly as given. */
    private Answer request(String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.split(" ")[1]);
            String type = "";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(status, type, body);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the bodies here are ASCII-safe JSON or short UTF-8: good enough for assertions
            int start = eol + 2;
            int stop = Math.min(body.length(), start + size);
            out.append(body, start, stop);
            i = stop + 2;
        }
        return out.toString();
    }
}
