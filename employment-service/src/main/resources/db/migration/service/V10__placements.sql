-- employment's placements view (placement.query.PlacementProjection writes it, PlacementQueries reads it), in
-- the service's database beside the tracking tokens: a processor's batch writes these rows and its token in one
-- transaction. One row per placement; its income one row per month. Every column a query filters, joins or sorts
-- on is a real column with an index. Names and IDs stay here (the published events carry only the person key).
CREATE TABLE employment_placement (
    placement_id                       VARCHAR       NOT NULL PRIMARY KEY,
    person_key                         VARCHAR       NOT NULL,
    name                               VARCHAR,
    resident_id                        VARCHAR,
    phone                              VARCHAR,
    county_code                        VARCHAR,
    township                           VARCHAR,
    channel                            VARCHAR,
    destination                        VARCHAR,
    destination_province               VARCHAR,
    organised_by                       VARCHAR,
    government_organised_out_of_region BOOLEAN       NOT NULL DEFAULT FALSE,
    employer                           VARCHAR,
    start_date                         DATE,
    expected_monthly_income            NUMERIC(19,2),
    intermediary_id                    VARCHAR,
    training_class_id                  VARCHAR,
    project_id                         VARCHAR,
    household_id                       VARCHAR,
    job_fair_id                        VARCHAR,
    -- ACTIVE until EmploymentEnded, then ENDED
    status                             VARCHAR       NOT NULL,
    ended_on                           DATE,
    end_reason                         VARCHAR,
    verification_due_on                DATE,
    verification_overdue               BOOLEAN       NOT NULL DEFAULT FALSE,
    verified_on                        DATE,
    verification_status                VARCHAR
);
-- a person's placements (history, the import's one-active-placement check)
CREATE INDEX employment_placement_person ON employment_placement (person_key);
-- placements attributed to a job fair (the job-fair list counts them), of a household, of an intermediary
CREATE INDEX employment_placement_job_fair ON employment_placement (job_fair_id);
CREATE INDEX employment_placement_household ON employment_placement (household_id);
CREATE INDEX employment_placement_intermediary ON employment_placement (intermediary_id);
CREATE INDEX employment_placement_employer ON employment_placement (employer);
-- a county's placements in the list's order (start date, id); the whole list in that order; overdue checks
CREATE INDEX employment_placement_county ON employment_placement (county_code, start_date, placement_id);
CREATE INDEX employment_placement_start ON employment_placement (start_date, placement_id);
CREATE INDEX employment_placement_overdue ON employment_placement (verification_overdue, start_date);

-- income per placement and month (income-once-per-period: one row per period)
CREATE TABLE employment_placement_income (
    placement_id VARCHAR       NOT NULL,
    period       VARCHAR       NOT NULL,
    amount       NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (placement_id, period)
);
