-- Assessors' accreditations (habilitations, R5): one sector professional and one external
-- evaluator per evaluation, both habilitated by the CPEF for given certifications and dates.
-- Certification codes are referential codes owned by the framework module: kept as text, checked
-- by the application against the catalogue (no foreign key across modules).
CREATE TABLE accreditation (
    id           UUID          PRIMARY KEY,
    assessor_id  UUID          NOT NULL REFERENCES app_user (id),
    number       VARCHAR(40)   NOT NULL,
    kind         VARCHAR(30)   NOT NULL,
    valid_from   DATE          NOT NULL,
    valid_until  DATE          NOT NULL,
    recorded_at  TIMESTAMP     NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    CONSTRAINT uk_accreditation_number UNIQUE (number),
    CONSTRAINT ck_accreditation_validity CHECK (valid_until > valid_from)
);
CREATE INDEX ix_accreditation_assessor ON accreditation (assessor_id);
CREATE INDEX ix_accreditation_valid_until ON accreditation (valid_until);

CREATE TABLE accreditation_certification (
    accreditation_id    UUID         NOT NULL REFERENCES accreditation (id) ON DELETE CASCADE,
    certification_code  VARCHAR(80)  NOT NULL,
    PRIMARY KEY (accreditation_id, certification_code)
);
