-- One table for every background job (imports of referentials, comparisons, and those to come), run by
-- shared.jobs.Jobs. Any node shows a job's progress and result; a job is its owner's (and, per kind,
-- some roles'). The rows of the former runners are transient: they are dropped, not migrated.
CREATE TABLE job (
    id            UUID            PRIMARY KEY,
    kind          VARCHAR(60)     NOT NULL,
    -- The person who started it, as they sign in (their e-mail address)
    owner         VARCHAR(320)    NOT NULL,
    -- What the job works on, for display (a file name, the compared referentials)
    label         VARCHAR(500),
    state         VARCHAR(20)     NOT NULL,
    phase         VARCHAR(200),
    done          INTEGER         NOT NULL,
    total         INTEGER         NOT NULL,
    result_url    VARCHAR(1000),
    error         VARCHAR(2000),
    -- JSON list of {row, column, message}: the report of an input that could not be processed
    problems      VARCHAR(1000000),
    -- The node that runs (or ran) it: its own unfinished jobs are interrupted when it stops or starts again
    node          VARCHAR(255)    NOT NULL,
    input_stored  BOOLEAN         NOT NULL,
    created_at    TIMESTAMP       NOT NULL,
    -- Last news of the job: a progress write, or its node's heartbeat while it waits or runs
    updated_at    TIMESTAMP       NOT NULL,
    finished_at   TIMESTAMP,
    CONSTRAINT ck_job_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'INTERRUPTED'))
);
CREATE INDEX ix_job_owner ON job (owner, kind, created_at);
CREATE INDEX ix_job_node ON job (node, state);

-- A job's input (kept until it ends, so that an interrupted job can be run again) and its result, as
-- bytes gzipped then Base64 in parts of at most 1,000,000 characters: no binary type is common to H2
-- and PostgreSQL under Hibernate's validation, and H2's longest VARCHAR is 1,048,576.
CREATE TABLE job_data (
    job_id   UUID             NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    purpose  VARCHAR(10)      NOT NULL,
    part_no  INTEGER          NOT NULL,
    data     VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (job_id, purpose, part_no),
    CONSTRAINT ck_job_data_purpose CHECK (purpose IN ('INPUT', 'RESULT'))
);

DROP TABLE comparison_job_part;
DROP TABLE comparison_job;
DROP TABLE import_job;
