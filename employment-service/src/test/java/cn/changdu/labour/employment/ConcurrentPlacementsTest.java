package cn.changdu.labour.employment;

import cn.changdu.labour.infra.test.MutableClock;
import cn.changdu.labour.infra.test.TestPeople;
import cn.changdu.labour.infra.test.WithPlatformInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many placements at once through a small connection pool, as a quarter-end import does. Each placement schedules
 * its 3-month check: the deadline must be written through the command's own connection and transaction. When
 * db-scheduler took a second connection from the pool for it, every command held one connection and waited for
 * another, and with as many commands as connections the service stopped (the benchmark's employment burst: 1
 * request/s, requests waiting 30 s for a connection, p99 60 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.connection-timeout=3000",
        "server.tomcat.threads.max=32"})
@WithPlatformInfra(database = "employment_concurrent")
class ConcurrentPlacementsTest {

    private static final int PLACEMENTS = 48;

    @TestConfiguration
    static class ControlledTime {
        @Bean
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2020-07-01T02:00:00Z"));
        }
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void placements_sent_at_once_are_all_recorded_each_with_its_check_scheduled() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<HttpStatus>> answers = new ArrayList<>();
            for (int i = 0; i < PLACEMENTS; i++) {
                String body = """
                        {"name":"次仁","residentId":"%s","countyCode":"540325","channel":"LOCAL_INDUSTRY",
                         "destination":"IN_COUNTY","employer":"察雅县某合作社","startDate":"2020-07-01",
                         "occurredAt":"2020-07-01T02:00:00Z"}""".formatted(TestPeople.residentId("540325", 900 + i));
                answers.add(clients.submit(() -> HttpStatus.valueOf(post(body))));
            }
            for (Future<HttpStatus> answer : answers) {
                assertThat(answer.get()).isEqualTo(HttpStatus.CREATED);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name <> 'idempotency-keys-purge'", Long.class))
                .as("one 3-month check per placement").isEqualTo(PLACEMENTS);
    }

    private int post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor-Id", "officer-5");
        headers.set("X-Actor-Department", "shi-rensheju");
        return rest.postForEntity("/api/employment/placements", new HttpEntity<>(body, headers), String.class)
                .getStatusCode().value();
    }
}
