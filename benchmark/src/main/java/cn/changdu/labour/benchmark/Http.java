package cn.changdu.labour.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP/1.1 calls with their timing; never throws for a failed call (status 0 and the reason instead). */
final class Http {

    /** One answer: status (0 = no answer), time to the full body, its size, its text (null for binary reads). */
    record Answer(int status, double ms, long bytes, String body, String error) {
        boolean ok() {
            return status / 100 == 2;
        }

        JsonNode json() {
            return Json.parse(body);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static Answer get(String url, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), true);
    }

    /** A GET whose body is only counted (exports, dashboards): the time to the last byte is what a user waits. */
    static Answer download(String url, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), false);
    }

    static Answer postJson(String url, String json, String actorId, String department, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (actorId != null) {
            b.header("X-Actor-Id", URLEncoder.encode(actorId, StandardCharsets.UTF_8))
                    .header("X-Actor-Department", URLEncoder.encode(department, StandardCharsets.UTF_8));
        }
        return send(b.build(), true);
    }

    static Answer post(String url, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("X-Actor-Id", "benchmark").header("X-Actor-Department", "benchmark")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), true);
    }

    private static Answer send(HttpRequest request, boolean text) {
        long t0 = System.nanoTime();
        try {
            if (text) {
                HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                double ms = (System.nanoTime() - t0) / 1e6;
                return new Answer(r.statusCode(), ms, r.body() == null ? 0 : r.body().length(), r.body(), null);
            }
            HttpResponse<InputStream> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream in = r.body()) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                }
            }
            return new Answer(r.statusCode(), (System.nanoTime() - t0) / 1e6, bytes, null, null);
        } catch (IOException e) {
            return new Answer(0, (System.nanoTime() - t0) / 1e6, 0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, (System.nanoTime() - t0) / 1e6, 0, null, "interrupted");
        }
    }
}
