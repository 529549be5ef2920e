-- Background comparisons: one row per job, so that its progress and result can be read from any
-- application node (and after a restart), by its requester or a branch administrator.
CREATE TABLE comparison_job (
    id           UUID            PRIMARY KEY,
    requester    VARCHAR(320)    NOT NULL,
    -- The compared referentials, "A,B[,C]", and the versions compared (the current ones at the start)
    frameworks   VARCHAR(1000)   NOT NULL,
    versions     VARCHAR(1000)   NOT NULL,
    per_item     INTEGER         NOT NULL,
    state        VARCHAR(20)     NOT NULL,
    done         INTEGER         NOT NULL,
    total        INTEGER         NOT NULL,
    message      VARCHAR(2000),
    created_at   TIMESTAMP       NOT NULL,
    updated_at   TIMESTAMP       NOT NULL,
    finished_at  TIMESTAMP,
    CONSTRAINT ck_comparison_job_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX ix_comparison_job_requester ON comparison_job (requester, finished_at);

-- The result: its JSON, gzipped then Base64, in parts of at most 1,000,000 characters. A VARCHAR
-- cannot be longer in H2 and a large object type common to H2 and PostgreSQL does not exist; a
-- 14,000-item result takes a few parts.
CREATE TABLE comparison_job_part (
    job_id   UUID             NOT NULL REFERENCES comparison_job (id) ON DELETE CASCADE,
    part_no  INTEGER          NOT NULL,
    data     VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (job_id, part_no)
);
