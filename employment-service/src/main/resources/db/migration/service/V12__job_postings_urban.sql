-- Job postings and urban employment (jobs.query, urban.query), written by their projections (a tracking
-- processor each: rows and token in one transaction per batch).

-- job postings: OPEN, FILLED once all positions are filled, or WITHDRAWN
CREATE TABLE employment_job_posting (
    posting_id        VARCHAR       NOT NULL PRIMARY KEY,
    county_code       VARCHAR,
    employer          VARCHAR,
    sector            VARCHAR,
    positions         INTEGER       NOT NULL,
    monthly_wage      NUMERIC(19,2),
    region            VARCHAR,
    province          VARCHAR,
    published_on      DATE,
    filled            INTEGER       NOT NULL DEFAULT 0,
    status            VARCHAR       NOT NULL,
    last_filled_on    DATE,
    withdrawn_on      DATE,
    withdrawal_reason VARCHAR
);
-- the list is by the day published (then id), of a county, an employer and/or a status, or all
CREATE INDEX employment_job_posting_county ON employment_job_posting (county_code, published_on, posting_id);
CREATE INDEX employment_job_posting_employer ON employment_job_posting (employer, published_on, posting_id);
CREATE INDEX employment_job_posting_status ON employment_job_posting (status, published_on, posting_id);
CREATE INDEX employment_job_posting_published ON employment_job_posting (published_on, posting_id);

-- urban new employment: one row per registration (once per person and year)
CREATE TABLE employment_urban_employment (
    registration_id   VARCHAR NOT NULL PRIMARY KEY,
    person_key        VARCHAR NOT NULL,
    county_code       VARCHAR,
    employer          VARCHAR,
    registered_on     DATE,
    registration_year INTEGER NOT NULL
);
CREATE INDEX employment_urban_employment_year ON employment_urban_employment (registration_year, county_code);

-- registered unemployment: one row per person, its current state
CREATE TABLE employment_unemployment (
    person_key    VARCHAR NOT NULL PRIMARY KEY,
    county_code   VARCHAR,
    unemployed    BOOLEAN NOT NULL,
    registered_on DATE,
    ended_on      DATE,
    end_reason    VARCHAR
);
-- the open registrations, city-wide or of a county
CREATE INDEX employment_unemployment_open ON employment_unemployment (unemployed, county_code);

-- the urban labour force per county and year (the base of the registered unemployment rate)
CREATE TABLE employment_labour_force (
    county_code  VARCHAR NOT NULL,
    base_year    INTEGER NOT NULL,
    labour_force BIGINT  NOT NULL,
    PRIMARY KEY (county_code, base_year)
);
CREATE INDEX employment_labour_force_year ON employment_labour_force (base_year);
