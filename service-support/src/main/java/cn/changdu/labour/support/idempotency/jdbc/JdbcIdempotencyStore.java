package cn.changdu.labour.support.idempotency.jdbc;

import cn.changdu.labour.support.axon.CommitsOnFile;
import cn.changdu.labour.support.idempotency.IdempotencyStore;
import cn.changdu.labour.support.idempotency.KeptAnswer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The idempotency keys of a domain service in its own database ({@code idempotency_keys}, migration V4), next to
 * its events: they survive a restart and are shared by every instance of the service. A claim is an insert (the
 * primary key lets one of two concurrent claims win); a kept answer is on the file before it is sent
 * ({@link CommitsOnFile}). Statements run outside any transaction, one commit each. Times are the real clock's, not
 * the business clock's: they measure a client's retries.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final CommitsOnFile commitsOnFile;
    private final Clock clock;
    private final Duration retention;
    private final Duration abandonAfter;

    public JdbcIdempotencyStore(DataSource dataSource, CommitsOnFile commitsOnFile, Clock clock, Duration retention,
                                Duration abandonAfter) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.commitsOnFile = commitsOnFile;
        this.clock = clock;
        this.retention = retention;
        this.abandonAfter = abandonAfter;
    }

    private record Row(String fingerprint, String token, Instant claimedAt, Instant expiresAt, Integer status,
                       String contentType, String location, byte[] body) {
    }

    @Override
    public Claim claim(String id, String fingerprint) {
        // a few rounds: the row found may be released, purged or taken over between two statements
        for (int round = 0; round < 5; round++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            try {
                jdbc.update("INSERT INTO idempotency_keys (id, fingerprint, claim_token, claimed_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)", id, fingerprint, token, time(now), time(now.plus(retention)));
                return new Claimed(token);
            } catch (DuplicateKeyException held) {
                // somebody has it: see what it holds
            }
            List<Row> rows = jdbc.query("SELECT fingerprint, claim_token, claimed_at, expires_at, status, content_type, "
                    + "location, body FROM idempotency_keys WHERE id = ?", (rs, n) -> new Row(rs.getString(1),
                    rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                    rs.getObject(4, OffsetDateTime.class).toInstant(), (Integer) rs.getObject(5, Integer.class),
                    rs.getString(6), rs.getString(7), rs.getBytes(8)), id);
            if (rows.isEmpty()) {
                continue;
            }
            Row row = rows.get(0);
            if (row.expiresAt().isBefore(now)) {
                // past its retention but not purged yet: as if it were gone
                jdbc.update("DELETE FROM idempotency_keys WHERE id = ? AND claim_token = ?", id, row.token());
                continue;
            }
            if (!row.fingerprint().equals(fingerprint)) {
                return new Reused();
            }
            if (row.status() != null) {
                return new Replay(new KeptAnswer(row.status(), row.contentType(), row.location(), row.body()));
            }
            if (row.claimedAt().isAfter(now.minus(abandonAfter))) {
                return new InFlight();
            }
            // a claim that never finished (its instance died): taken over by one retry, the others see it in flight
            if (jdbc.update("UPDATE idempotency_keys SET claim_token = ?, claimed_at = ?, expires_at = ? "
                            + "WHERE id = ? AND claim_token = ? AND status IS NULL",
                    token, time(now), time(now.plus(retention)), id, row.token()) == 1) {
                return new Claimed(token);
            }
        }
        return new InFlight();
    }

    @Override
    public void keep(String id, String token, KeptAnswer answer) {
        Instant now = clock.instant();
        jdbc.update("UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, body = ?, expires_at = ? "
                        + "WHERE id = ? AND claim_token = ?", answer.status(), answer.contentType(), answer.location(),
                answer.body(), time(now.plus(retention)), id, token);
        commitsOnFile.await();
    }

    @Override
    public void release(String id, String token) {
        jdbc.update("DELETE FROM idempotency_keys WHERE id = ? AND claim_token = ? AND status IS NULL", id, token);
    }

    @Override
    public int purge() {
        return jdbc.update("DELETE FROM idempotency_keys WHERE expires_at < ?", time(clock.instant()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
