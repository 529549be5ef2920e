-- Certification I (issue 13): the candidate's VAE dossier (seed 004, part 3), filled competency by
-- competency after a favourable admissibility decision, frozen in numbered versions at each submission;
-- its proofs and written pieces; the accommodation needs the candidate declares (R13).

-- One row per application with a dossier: the accompanying organisation (seed 004: « Le candidat peut
-- être accompagné par un organisme de formation »), which then reads the dossier.
CREATE TABLE dossier (
    application_id                UUID         PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    accompanying_organisation_id  UUID,
    created_at                    TIMESTAMP    NOT NULL,
    updated_at                    TIMESTAMP    NOT NULL
);

-- The candidate's answers for one competency (JSON: activities yes/no with examples, tools, proofs;
-- answers to the open questions). row_version guards against two tabs overwriting each other.
CREATE TABLE dossier_entry (
    application_id  UUID            NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    item_code       VARCHAR(100)    NOT NULL,
    content         VARCHAR(200000) NOT NULL,
    updated_at      TIMESTAMP       NOT NULL,
    updated_by      UUID            NOT NULL,
    row_version     BIGINT          NOT NULL DEFAULT 0,
    PRIMARY KEY (application_id, item_code)
);

-- A submitted dossier, frozen: never updated; a later submission is a new number.
CREATE TABLE dossier_version (
    application_id  UUID             NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    number          INTEGER          NOT NULL,
    content         VARCHAR(2000000) NOT NULL,
    submitted_at    TIMESTAMP        NOT NULL,
    submitted_by    UUID             NOT NULL,
    PRIMARY KEY (application_id, number)
);

CREATE TABLE dossier_file (
    id              UUID           PRIMARY KEY,
    application_id  UUID           NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    file_id         UUID           NOT NULL,
    kind            VARCHAR(20)    NOT NULL,
    item_code       VARCHAR(100),
    original_name   VARCHAR(300)   NOT NULL,
    media_type      VARCHAR(200)   NOT NULL,
    size_bytes      BIGINT         NOT NULL,
    page_count      INTEGER,
    uploaded_at     TIMESTAMP      NOT NULL,
    uploaded_by     UUID           NOT NULL,
    CONSTRAINT uk_dossier_file_file UNIQUE (file_id)
);
CREATE INDEX ix_dossier_file_application ON dossier_file (application_id);

-- R13: the need only (never a diagnosis), with the candidate's explicit consent to pass it on.
CREATE TABLE accommodation (
    application_id  UUID           PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    needs           VARCHAR(200)   NOT NULL,
    details         VARCHAR(1000),
    consent_at      TIMESTAMP      NOT NULL,
    updated_at      TIMESTAMP      NOT NULL,
    updated_by      UUID           NOT NULL
);
