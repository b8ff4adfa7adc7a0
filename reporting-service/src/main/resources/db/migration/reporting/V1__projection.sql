-- reporting-service's working state (issue 11): one dialect for H2 (MODE=PostgreSQL) and PostgreSQL 15.
-- Every table of the read model carries the read-model version it belongs to (blue/green rebuilds). The rows a batch
-- reads are found with "key IN (...) AND version = ?": the key leads the primary key, because H2 serves an IN list
-- only on an index's first column (with the version first it scanned the version's rows: 75 % of the projection's
-- time at 200k events, < 1,000 events/s).

-- which version serves, and the Kafka cluster the stored offsets belong to
CREATE TABLE projection_state (
    id             INT PRIMARY KEY,
    active_version INT NOT NULL,
    kafka_cluster  VARCHAR,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE read_model_version (
    version    INT PRIMARY KEY,
    state      VARCHAR NOT NULL,          -- BUILDING, ACTIVE, RETIRED
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- where each version's projection stands per partition: the next offset to read (the database, not Kafka, decides)
CREATE TABLE projection_offset (
    version          INT NOT NULL,
    topic            VARCHAR NOT NULL,
    part             INT NOT NULL,
    next_offset      BIGINT NOT NULL,
    last_occurred_at TIMESTAMP WITH TIME ZONE,
    last_recorded_at TIMESTAMP WITH TIME ZONE,
    projected_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (version, topic, part)
);

-- the highest aggregate sequence applied per source and aggregate: an event at or below it is a redelivery
CREATE TABLE aggregate_position (
    version    INT NOT NULL,
    stream_key VARCHAR NOT NULL,
    sequence   BIGINT NOT NULL,
    PRIMARY KEY (stream_key, version)
);

-- one row per projected event, with the figure deltas it caused when it was applied (effects)
CREATE TABLE fact (
    version            INT NOT NULL,
    event_id           VARCHAR NOT NULL,
    source             VARCHAR NOT NULL,
    topic              VARCHAR NOT NULL,
    part               INT NOT NULL,
    kafka_offset       BIGINT NOT NULL,
    event_type         VARCHAR NOT NULL,
    aggregate_id       VARCHAR NOT NULL,
    aggregate_sequence BIGINT NOT NULL,
    county_code        VARCHAR,
    department         VARCHAR,
    actor_id           VARCHAR,
    actor_department   VARCHAR,
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    fact_year          INT NOT NULL,
    fact_quarter       INT NOT NULL,
    person_key         VARCHAR,
    payload            VARCHAR NOT NULL,
    effects            VARCHAR NOT NULL,
    PRIMARY KEY (version, event_id)
);
CREATE INDEX fact_by_recorded_at ON fact (version, recorded_at);

-- the running totals the dashboard reads; period: 2020, 2020Q3, 2020YTD2 (Q1..Q2), all, now (current state)
CREATE TABLE figure (
    version    INT NOT NULL,
    indicator  VARCHAR NOT NULL,
    area       VARCHAR NOT NULL,
    period_key VARCHAR NOT NULL,
    amount     NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (version, indicator, area, period_key)
);

-- the figures as they stood at a recording moment (facts recorded before taken_at), one compact row per checkpoint
CREATE TABLE figure_checkpoint (
    version  INT NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE NOT NULL,
    facts    BIGINT NOT NULL,
    figures  VARCHAR NOT NULL,
    PRIMARY KEY (version, taken_at)
);

-- PERSONS: a person counted once per indicator, area and year (year 0: all time); quarters = bit set of quarters seen
CREATE TABLE figure_person (
    version    INT NOT NULL,
    indicator  VARCHAR NOT NULL,
    area       VARCHAR NOT NULL,
    fact_year  INT NOT NULL,
    person_key VARCHAR NOT NULL,
    quarters   INT NOT NULL,
    PRIMARY KEY (person_key, indicator, area, fact_year, version)
);

-- CURRENT_*: an open case and where it is open (area/period -> value, distinct value), compactly encoded
CREATE TABLE figure_case (
    version   INT NOT NULL,
    indicator VARCHAR NOT NULL,
    case_key  VARCHAR NOT NULL,
    entries   VARCHAR NOT NULL,
    PRIMARY KEY (case_key, indicator, version)
);

-- CURRENT_DISTINCT: open cases per distinct value (workers, projects in arrears)
CREATE TABLE figure_distinct (
    version        INT NOT NULL,
    indicator      VARCHAR NOT NULL,
    area           VARCHAR NOT NULL,
    period_key     VARCHAR NOT NULL,
    distinct_value VARCHAR NOT NULL,
    refs           INT NOT NULL,
    PRIMARY KEY (distinct_value, indicator, area, period_key, version)
);

-- TRANSFERS: the transfer each person counts with in a year (TransferCounting)
CREATE TABLE transfer_person (
    version       INT NOT NULL,
    person_key    VARCHAR NOT NULL,
    fact_year     INT NOT NULL,
    event_id      VARCHAR NOT NULL,
    transfer_date DATE NOT NULL,
    channel       VARCHAR NOT NULL,
    county_code   VARCHAR,
    origin        VARCHAR NOT NULL,
    PRIMARY KEY (person_key, fact_year, version)
);

-- HOUSEHOLDS_WITHOUT_WORK
CREATE TABLE household (
    version           INT NOT NULL,
    household_id      VARCHAR NOT NULL,
    registered        BOOLEAN NOT NULL,
    county_code       VARCHAR,
    active_placements INT NOT NULL,
    PRIMARY KEY (household_id, version)
);
CREATE TABLE household_placement (
    version      INT NOT NULL,
    household_id VARCHAR NOT NULL,
    placement_id VARCHAR NOT NULL,
    PRIMARY KEY (household_id, placement_id, version)
);
CREATE TABLE placement_household (
    version      INT NOT NULL,
    placement_id VARCHAR NOT NULL,
    household_id VARCHAR NOT NULL,
    PRIMARY KEY (placement_id, version)
);

-- each construction project as it stands, and its open arrears cases
CREATE TABLE project (
    version             INT NOT NULL,
    project_id          VARCHAR NOT NULL,
    name                VARCHAR,
    county_code         VARCHAR,
    department          VARCHAR,
    government_invested BOOLEAN NOT NULL,
    closed              BOOLEAN NOT NULL,
    local_workers       INT NOT NULL,
    total_workers       INT NOT NULL,
    PRIMARY KEY (project_id, version)
);
CREATE TABLE project_arrears (
    version    INT NOT NULL,
    project_id VARCHAR NOT NULL,
    person_key VARCHAR NOT NULL,
    period_key VARCHAR NOT NULL,
    amount     NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (project_id, person_key, period_key, version)
);

-- the after-training duties per class, kept current by the projection, read by the alert scans
CREATE TABLE class_duty (
    version            INT NOT NULL,
    class_id           VARCHAR NOT NULL,
    filed_fact         VARCHAR,
    end_date           DATE,
    completed_fact     VARCHAR,
    completed_on       DATE,
    completed_end_date DATE,
    inspections        INT NOT NULL,
    qualified          INT NOT NULL,
    not_recommended    INT NOT NULL,
    not_followed_twice INT NOT NULL,
    recommend_alerted  BOOLEAN NOT NULL,
    follow_up_alerted  BOOLEAN NOT NULL,
    recheck            BOOLEAN NOT NULL,
    PRIMARY KEY (class_id, version)
);
CREATE INDEX class_duty_by_end_date ON class_duty (end_date, version);
CREATE TABLE class_trainee (
    version        INT NOT NULL,
    class_id       VARCHAR NOT NULL,
    person_key     VARCHAR NOT NULL,
    qualified      BOOLEAN NOT NULL,
    recommended    BOOLEAN NOT NULL,
    followed_twice BOOLEAN NOT NULL,
    PRIMARY KEY (class_id, person_key, version)
);

-- events projected per source and type (reconciliation: stored -> published -> projected)
CREATE TABLE projected_type (
    version    INT NOT NULL,
    source     VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    events     BIGINT NOT NULL,
    PRIMARY KEY (version, source, event_type)
);
