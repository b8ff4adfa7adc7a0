-- project-labor's read model (project.query.ProjectViews writes it, ProjectQueries reads it), in the service's
-- database beside the tracking tokens: the project-views processor writes a batch's rows and its token in one
-- transaction, so each event is applied exactly once. What the documents nested is one row per natural key (a
-- project's roster stints, payroll lines, payments, arrears cases, disputes), so an event touches the rows it is
-- about. Every column a query filters or joins on is a real column with an index. Names, resident IDs and phones
-- stay here (the published events carry only the person key); the API masks them by role.

-- one row per project, with the live roster counts and its open arrears (kept by the arrears events)
CREATE TABLE pl_project (
    project_id           VARCHAR       NOT NULL PRIMARY KEY,
    name                 VARCHAR       NOT NULL,
    county_code          VARCHAR       NOT NULL,
    department           VARCHAR       NOT NULL,
    government_invested  BOOLEAN       NOT NULL,
    planned_workforce    INTEGER       NOT NULL,
    -- OPEN until ProjectClosed, then CLOSED
    status               VARCHAR       NOT NULL,
    contractor           VARCHAR,
    -- a JSON array of names: shown, never filtered on
    subcontractors       VARCHAR       NOT NULL,
    start_date           DATE,
    planned_end_date     DATE,
    wage_account         VARCHAR,
    wage_pay_day         INTEGER,
    closed_on            DATE,
    last_filed_on        DATE,
    local_workers        INTEGER       NOT NULL DEFAULT 0,
    total_workers        INTEGER       NOT NULL DEFAULT 0,
    below_target         BOOLEAN       NOT NULL DEFAULT FALSE,
    below_target_since   DATE,
    open_arrears_amount  NUMERIC(19,2) NOT NULL DEFAULT 0,
    open_arrears_workers INTEGER       NOT NULL DEFAULT 0
);
-- the project list by county or by department; the department shares over open projects
CREATE INDEX pl_project_county ON pl_project (county_code);
CREATE INDEX pl_project_department ON pl_project (department);
CREATE INDEX pl_project_status_department ON pl_project (status, department);

-- one row per stint of a person on a project's roster (a person may return after leaving)
CREATE TABLE pl_roster (
    project_id                  VARCHAR       NOT NULL,
    person_key                  VARCHAR       NOT NULL,
    joined_on                   DATE          NOT NULL,
    name                        VARCHAR,
    resident_id                 VARCHAR,
    phone                       VARCHAR,
    local_farmer_herder         BOOLEAN       NOT NULL,
    home_county_code            VARCHAR,
    trade                       VARCHAR,
    wage_rate                   NUMERIC(19,2),
    pay_cycle                   VARCHAR,
    social_insurance_registered BOOLEAN       NOT NULL,
    left_on                     DATE,
    PRIMARY KEY (project_id, person_key, joined_on)
);
-- a person's stints on every project (the imports' pre-checks read those of a whole file at once)
CREATE INDEX pl_roster_person ON pl_roster (person_key);

CREATE TABLE pl_filing (
    filing_id     VARCHAR NOT NULL PRIMARY KEY,
    project_id    VARCHAR NOT NULL,
    hr_office     VARCHAR,
    reference     VARCHAR,
    filed_on      DATE,
    workers       INTEGER NOT NULL,
    local_workers INTEGER NOT NULL
);
CREATE INDEX pl_filing_project ON pl_filing (project_id);

-- a project's payroll of a period (a later one for the same period replaces it) and its lines, in payroll order
CREATE TABLE pl_payroll (
    project_id   VARCHAR       NOT NULL,
    period       VARCHAR       NOT NULL,
    total_due    NUMERIC(19,2) NOT NULL,
    due_date     DATE,
    submitted_on DATE,
    PRIMARY KEY (project_id, period)
);
CREATE TABLE pl_payroll_line (
    project_id  VARCHAR       NOT NULL,
    period      VARCHAR       NOT NULL,
    line_no     INTEGER       NOT NULL,
    person_key  VARCHAR       NOT NULL,
    days_worked INTEGER,
    amount_due  NUMERIC(19,2),
    PRIMARY KEY (project_id, period, line_no)
);

CREATE TABLE pl_payment (
    payment_id  VARCHAR       NOT NULL PRIMARY KEY,
    project_id  VARCHAR       NOT NULL,
    person_key  VARCHAR       NOT NULL,
    name        VARCHAR,
    resident_id VARCHAR,
    period      VARCHAR       NOT NULL,
    amount      NUMERIC(19,2) NOT NULL,
    paid_on     DATE,
    channel     VARCHAR,
    on_roster   BOOLEAN
);
-- a project's payments, of one period or all
CREATE INDEX pl_payment_project ON pl_payment (project_id, period);

-- one arrears case per project, worker and period: open until cleared (and open again if owed again)
CREATE TABLE pl_arrears (
    project_id          VARCHAR                  NOT NULL,
    person_key          VARCHAR                  NOT NULL,
    period              VARCHAR                  NOT NULL,
    name                VARCHAR,
    amount_due          NUMERIC(19,2),
    outstanding         NUMERIC(19,2)            NOT NULL,
    due_date            DATE,
    government_invested BOOLEAN                  NOT NULL,
    county_code         VARCHAR                  NOT NULL,
    department          VARCHAR                  NOT NULL,
    open                BOOLEAN                  NOT NULL,
    cleared_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (project_id, person_key, period)
);
-- open cases city-wide, by county or by department (a project's own cases are read through the primary key)
CREATE INDEX pl_arrears_open_county ON pl_arrears (open, county_code);
CREATE INDEX pl_arrears_open_department ON pl_arrears (open, department);

CREATE TABLE pl_dispute (
    dispute_id     VARCHAR       NOT NULL PRIMARY KEY,
    project_id     VARCHAR       NOT NULL,
    person_key     VARCHAR,
    name           VARCHAR,
    resident_id    VARCHAR,
    category       VARCHAR       NOT NULL,
    claimed_amount NUMERIC(19,2),
    description    VARCHAR,
    filed_on       DATE,
    -- OPEN until resolved, then RESOLVED
    status         VARCHAR       NOT NULL,
    outcome        VARCHAR,
    awarded_amount NUMERIC(19,2),
    note           VARCHAR,
    resolved_on    DATE
);
CREATE INDEX pl_dispute_project ON pl_dispute (project_id);
