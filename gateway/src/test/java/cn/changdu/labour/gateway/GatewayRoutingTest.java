package cn.changdu.labour.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each path prefix reaches its service, and the actor headers (Chinese department names as raw UTF-8) pass
 * through unchanged. The services here are four small HTTP servers that echo what they receive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final Map<String, HttpServer> SERVICES = Map.of(
            "training", echo("training"), "employment", echo("employment"),
            "projects", echo("projects"), "reports", echo("reports"));

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, server) ->
                registry.add("platform.routes." + name, () -> "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(s -> s.stop(0));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_prefix_reaches_its_service() throws Exception {
        assertThat(get("/api/training/classes")).startsWith("training GET /api/training/classes");
        assertThat(get("/api/employment/placements")).startsWith("employment GET /api/employment/placements");
        assertThat(get("/api/projects/p-1/wages")).startsWith("projects GET /api/projects/p-1/wages");
        assertThat(get("/api/reports/indicators")).startsWith("reports GET /api/reports/indicators");
        assertThat(get("/")).startsWith("reports GET /");
    }

    @Test
    void one_swagger_ui_lists_every_service_document_through_its_route() throws Exception {
        String config = get("/v3/api-docs/swagger-config");
        assertThat(config).contains("/api/training/v3/api-docs", "/api/employment/v3/api-docs",
                "/api/projects/v3/api-docs", "/api/reports/v3/api-docs");
        assertThat(get("/api/training/v3/api-docs")).startsWith("training GET /api/training/v3/api-docs");
    }

    @Test
    void actor_headers_pass_through_byte_for_byte() throws Exception {
        // raw UTF-8 bytes in a header, as curl sends them; Java's client would refuse non-ASCII, so use a socket
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            String request = "GET /api/training/classes HTTP/1.1\r\nHost: localhost\r\nX-Actor-Id: officer-1\r\n"
                    + "X-Actor-Department: 江达县人社局\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).contains("department=江达县人社局", "actor=officer-1");
        }
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpServer echo(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String department = exchange.getRequestHeaders().getFirst("X-Actor-Department");
                // the JDK server decodes header bytes as ISO-8859-1: recover the UTF-8 text
                String decoded = department == null ? null
                        : new String(department.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " actor=" + exchange.getRequestHeaders().getFirst("X-Actor-Id") + " department=" + decoded)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
