-- Certification I (issue 13): the catalogue's settings and sessions, applications (candidatures)
-- with their append-only state history and their supporting documents.
-- Certification codes are referential codes owned by the framework module: kept as text, checked
-- by the application against the catalogue (no foreign key across modules).

-- Per-certification settings; a certification without a row has the defaults (R2: 3 years, all routes).
CREATE TABLE certification_setting (
    certification_code        VARCHAR(80)   PRIMARY KEY,
    minimum_experience_years  INTEGER       NOT NULL DEFAULT 3,
    routes                    VARCHAR(100)  NOT NULL DEFAULT 'VAE,TRAINING,MIXED',
    rncp_number               VARCHAR(20),
    updated_at                TIMESTAMP     NOT NULL,
    CONSTRAINT ck_certification_setting_years CHECK (minimum_experience_years BETWEEN 0 AND 40)
);

CREATE TABLE certification_session (
    id                  UUID          PRIMARY KEY,
    certification_code  VARCHAR(80)   NOT NULL,
    starts_on           DATE          NOT NULL,
    ends_on             DATE          NOT NULL,
    place               VARCHAR(300)  NOT NULL,
    remote              BOOLEAN       NOT NULL,
    capacity            INTEGER       NOT NULL,
    created_by          UUID          NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    CONSTRAINT ck_certification_session_dates CHECK (ends_on >= starts_on),
    CONSTRAINT ck_certification_session_capacity CHECK (capacity > 0)
);
CREATE INDEX ix_certification_session_code ON certification_session (certification_code, starts_on);

CREATE TABLE application (
    id                      UUID            PRIMARY KEY,
    certification_code      VARCHAR(80)     NOT NULL,
    framework_version       VARCHAR(40)     NOT NULL,
    route                   VARCHAR(20)     NOT NULL,
    request_year            INTEGER         NOT NULL,
    candidate_id            UUID            NOT NULL REFERENCES app_user (id),
    organisation_id         UUID,
    created_by              UUID            NOT NULL,
    on_behalf               BOOLEAN         NOT NULL,
    candidate_confirmed_at  TIMESTAMP,
    state                   VARCHAR(30)     NOT NULL,
    form                    VARCHAR(1000000),
    submitted_at            TIMESTAMP,
    received_on             DATE,
    decision                VARCHAR(20),
    decision_reason         VARCHAR(4000),
    decided_at              TIMESTAMP,
    decided_by              UUID,
    created_at              TIMESTAMP       NOT NULL,
    updated_at              TIMESTAMP       NOT NULL,
    row_version             BIGINT          NOT NULL DEFAULT 0
);
CREATE INDEX ix_application_candidate ON application (candidate_id, certification_code);
CREATE INDEX ix_application_state ON application (state, submitted_at);
CREATE INDEX ix_application_organisation ON application (organisation_id);

-- Append-only: rows are inserted by the one function that changes an application's state, never updated.
CREATE TABLE application_state_change (
    id              UUID           PRIMARY KEY,
    application_id  UUID           NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    step            INTEGER        NOT NULL,
    from_state      VARCHAR(30),
    to_state        VARCHAR(30)    NOT NULL,
    changed_at      TIMESTAMP      NOT NULL,
    changed_by      UUID           NOT NULL,
    reason          VARCHAR(4000),
    CONSTRAINT uk_application_state_change UNIQUE (application_id, step)
);

CREATE TABLE application_document (
    id              UUID           PRIMARY KEY,
    application_id  UUID           NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    file_id         UUID           NOT NULL,
    kind            VARCHAR(30)    NOT NULL,
    original_name   VARCHAR(300)   NOT NULL,
    media_type      VARCHAR(200)   NOT NULL,
    size_bytes      BIGINT         NOT NULL,
    uploaded_at     TIMESTAMP      NOT NULL,
    uploaded_by     UUID           NOT NULL,
    deleted_at      TIMESTAMP,
    CONSTRAINT uk_application_document_file UNIQUE (file_id)
);
CREATE INDEX ix_application_document_application ON application_document (application_id);
