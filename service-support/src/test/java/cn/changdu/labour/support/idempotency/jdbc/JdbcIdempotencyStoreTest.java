package cn.changdu.labour.support.idempotency.jdbc;

import cn.changdu.labour.infra.test.MutableClock;
import cn.changdu.labour.support.axon.CommitsOnFile;
import cn.changdu.labour.support.idempotency.IdempotencyStore;
import cn.changdu.labour.support.idempotency.KeptAnswer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store on the platform's migrations and an H2 file as the services have it: claims, concurrent claims, kept
 * answers, abandoned claims taken over, keys kept through their retention and purged after it.
 */
class JdbcIdempotencyStoreTest {

    @TempDir
    Path dir;
    JdbcDataSource dataSource;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    JdbcIdempotencyStore store;

    @BeforeEach
    void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/platform").load().migrate();
        store = new JdbcIdempotencyStore(dataSource, new CommitsOnFile(dataSource), clock, Duration.ofHours(48),
                Duration.ofMinutes(30));
    }

    @Test
    void a_kept_answer_is_replayed_to_the_same_fingerprint_only() {
        IdempotencyStore.Claimed claimed = (IdempotencyStore.Claimed) store.claim("k1", "f1");
        assertThat(store.claim("k1", "f1")).isInstanceOf(IdempotencyStore.InFlight.class);
        store.keep("k1", claimed.token(), new KeptAnswer(201, "application/json", "/things/1",
                "{\"id\":1}".getBytes(StandardCharsets.UTF_8)));

        IdempotencyStore.Claim again = store.claim("k1", "f1");
        assertThat(again).isInstanceOf(IdempotencyStore.Replay.class);
        KeptAnswer answer = ((IdempotencyStore.Replay) again).answer();
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.location()).isEqualTo("/things/1");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
        assertThat(store.claim("k1", "f2")).isInstanceOf(IdempotencyStore.Reused.class);
    }

    @Test
    void a_released_claim_runs_again() {
        IdempotencyStore.Claimed first = (IdempotencyStore.Claimed) store.claim("k2", "f");
        store.release("k2", first.token());
        assertThat(store.claim("k2", "f")).isInstanceOf(IdempotencyStore.Claimed.class);
    }

    @Test
    void of_concurrent_claims_one_wins() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<IdempotencyStore.Claim>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                claims.add(threads.submit((Callable<IdempotencyStore.Claim>) () -> store.claim("k3", "f")));
            }
            int won = 0;
            for (Future<IdempotencyStore.Claim> claim : claims) {
                IdempotencyStore.Claim result = claim.get();
                if (result instanceof IdempotencyStore.Claimed) {
                    won++;
                } else {
                    assertThat(result).isInstanceOf(IdempotencyStore.InFlight.class);
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_claim_never_finished_is_abandoned_after_30_minutes_and_taken_over() {
        IdempotencyStore.Claimed lost = (IdempotencyStore.Claimed) store.claim("k4", "f");
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.claim("k4", "f")).isInstanceOf(IdempotencyStore.InFlight.class);
        clock.advance(Duration.ofMinutes(2));
        IdempotencyStore.Claim takeover = store.claim("k4", "f");
        assertThat(takeover).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim("k4", "f")).isInstanceOf(IdempotencyStore.InFlight.class);

        // the first request, if it ever ends, no longer owns the key
        store.keep("k4", lost.token(), new KeptAnswer(500, null, null, null));
        store.keep("k4", ((IdempotencyStore.Claimed) takeover).token(), new KeptAnswer(204, null, null, null));
        assertThat(((IdempotencyStore.Replay) store.claim("k4", "f")).answer().status()).isEqualTo(204);
    }

    @Test
    void keys_last_their_retention_and_the_purge_removes_them_after_it() {
        IdempotencyStore.Claimed claimed = (IdempotencyStore.Claimed) store.claim("k5", "f");
        store.keep("k5", claimed.token(), new KeptAnswer(200, null, null, new byte[0]));
        clock.advance(Duration.ofHours(47));
        assertThat(store.purge()).isZero();
        assertThat(store.claim("k5", "f")).isInstanceOf(IdempotencyStore.Replay.class);

        clock.advance(Duration.ofHours(2));
        assertThat(store.purge()).isEqualTo(1);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from idempotency_keys", Long.class))
                .isZero();
        assertThat(store.claim("k5", "f")).isInstanceOf(IdempotencyStore.Claimed.class);
    }

    @Test
    void a_key_past_its_retention_but_not_purged_yet_is_new_again() {
        IdempotencyStore.Claimed claimed = (IdempotencyStore.Claimed) store.claim("k6", "f");
        store.keep("k6", claimed.token(), new KeptAnswer(200, null, null, new byte[0]));
        clock.advance(Duration.ofHours(49));
        assertThat(store.claim("k6", "other")).isInstanceOf(IdempotencyStore.Claimed.class);
    }
}
