-- how many events of each domain type the Kafka relay has published or kept internal (no published form);
-- updated in the relay batch's transaction, so stored = published + internal once the relay has caught up
CREATE TABLE relay_counts (
    payload_type   VARCHAR(255) NOT NULL PRIMARY KEY,
    published_type VARCHAR(255),
    published      BIGINT       NOT NULL,
    internal       BIGINT       NOT NULL
);
