-- Background imports of referentials: one row per import, so that its progress, result or error
-- report can be read from any application node (and after a restart), by its owner only.
CREATE TABLE import_job (
    id                 UUID            PRIMARY KEY,
    owner              VARCHAR(320)    NOT NULL,
    file_name          VARCHAR(255),
    format             VARCHAR(20),
    status             VARCHAR(20)     NOT NULL,
    phase              VARCHAR(20),
    processed          INTEGER         NOT NULL,
    total              INTEGER         NOT NULL,
    framework_code     VARCHAR(80),
    framework_version  VARCHAR(40),
    message            VARCHAR(2000),
    -- JSON list of {row, column, message}: the report of a file that could not be imported
    problems           VARCHAR(1000000),
    created_at         TIMESTAMP       NOT NULL,
    updated_at         TIMESTAMP       NOT NULL,
    finished_at        TIMESTAMP,
    CONSTRAINT ck_import_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX ix_import_job_owner ON import_job (owner, created_at);
