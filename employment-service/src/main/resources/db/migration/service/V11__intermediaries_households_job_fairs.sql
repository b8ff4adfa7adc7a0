-- The views the placement checks read (intermediary-recognised, household-registered, job-fair-held), each
-- written by its feature's projection (a tracking processor: rows and token in one transaction per batch).

-- labour intermediaries: RECOGNISED until suspended
CREATE TABLE employment_intermediary (
    intermediary_id   VARCHAR NOT NULL PRIMARY KEY,
    name              VARCHAR,
    kind              VARCHAR,
    county_code       VARCHAR,
    township          VARCHAR,
    recognised_on     DATE,
    status            VARCHAR NOT NULL,
    suspended_on      DATE,
    suspension_reason VARCHAR
);
-- the list is by name, of a county or of a status, or all
CREATE INDEX employment_intermediary_county ON employment_intermediary (county_code, name);
CREATE INDEX employment_intermediary_status ON employment_intermediary (status, name);
CREATE INDEX employment_intermediary_name ON employment_intermediary (name, intermediary_id);

-- relocated households; employed_members = the open placements naming the household (rows below)
CREATE TABLE employment_household (
    household_id         VARCHAR NOT NULL PRIMARY KEY,
    county_code          VARCHAR,
    site                 VARCHAR,
    head_name            VARCHAR,
    head_resident_id     VARCHAR,
    members_able_to_work INTEGER NOT NULL,
    registered_on        DATE,
    employed_members     INTEGER NOT NULL DEFAULT 0
);
-- a county's households by site (the list and the per-site counts), a site's households
CREATE INDEX employment_household_county_site ON employment_household (county_code, site, household_id);
CREATE INDEX employment_household_site ON employment_household (site, household_id);

-- a placement naming a household, from PlacementDetailsRecorded until EmploymentEnded
CREATE TABLE employment_household_placement (
    household_id VARCHAR NOT NULL,
    placement_id VARCHAR NOT NULL,
    PRIMARY KEY (household_id, placement_id)
);

-- job fairs (matching events) that were held; the placements attributed are counted in employment_placement
CREATE TABLE employment_job_fair (
    job_fair_id       VARCHAR NOT NULL PRIMARY KEY,
    county_code       VARCHAR,
    name              VARCHAR,
    held_on           DATE,
    employers         INTEGER NOT NULL,
    positions_offered INTEGER NOT NULL,
    attendance        INTEGER NOT NULL
);
-- the list is by the day held, of a county or all
CREATE INDEX employment_job_fair_county ON employment_job_fair (county_code, held_on, job_fair_id);
CREATE INDEX employment_job_fair_held ON employment_job_fair (held_on, job_fair_id);
