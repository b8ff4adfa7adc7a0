-- The answers kept under Idempotency-Key (web-support's IdempotencyFilter, service-support's JdbcIdempotencyStore).
-- One row per caller, method, path and key: the primary key makes a concurrent second claim fail, not run twice.
CREATE TABLE idempotency_keys (
    id           VARCHAR(64)              NOT NULL PRIMARY KEY, -- SHA-256 (hex) of actor, method, path and key
    fingerprint  VARCHAR(64)              NOT NULL,             -- SHA-256 (hex) of the request's query and body
    claim_token  VARCHAR(36)              NOT NULL,             -- whose claim it is (a takeover gives a new one)
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       SMALLINT,                                      -- null while the request runs
    content_type VARCHAR(255),
    location     VARCHAR(2048),
    body         BYTEA
);
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
