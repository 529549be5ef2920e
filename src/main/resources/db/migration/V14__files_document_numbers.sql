-- File storage: one row per stored file; the content lives outside the database (FileStore), under
-- the row's id. The file is moved into place before the row commits: a row always has its file.
CREATE TABLE stored_file (
    id             UUID           PRIMARY KEY,
    -- The person the file belongs to (the e-mail they sign in with), and what the file is for: the
    -- purpose names the owning module's policy (limits, retention, who may read it).
    owner          VARCHAR(320)   NOT NULL,
    purpose        VARCHAR(60)    NOT NULL,
    original_name  VARCHAR(255)   NOT NULL,
    -- Detected from the content (Apache Tika), never taken from the name.
    media_type     VARCHAR(255)   NOT NULL,
    size_bytes     BIGINT         NOT NULL,
    sha256         CHAR(64)       NOT NULL,
    page_count     INTEGER,
    created_at     TIMESTAMP      NOT NULL,
    retain_until   TIMESTAMP      NOT NULL
);
CREATE INDEX ix_stored_file_owner ON stored_file (owner, purpose);
CREATE INDEX ix_stored_file_retain_until ON stored_file (retain_until);

-- Official document numbers (CERT-2026-000123): one counter per kind and year, locked and
-- incremented in the transaction that issues the document, so that numbers have no gap.
CREATE TABLE document_number_counter (
    kind        VARCHAR(20)   NOT NULL,
    number_year INTEGER       NOT NULL,
    last_value  BIGINT        NOT NULL,
    PRIMARY KEY (kind, number_year)
);
