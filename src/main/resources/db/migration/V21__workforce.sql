-- Competency management (GPEC, issue 12): proficiency scales, job profiles citing referential items,
-- teams, job assignments (with their history), assessments (append-only) and their evidence.
-- People are account ids (the account module's), items are citations (referential code, version,
-- item code, never a database id): no foreign key across modules but to the organisation.

-- An organisation's own proficiency scale; an organisation without rows uses the default scale
-- (1 Notions, 2 Pratique, 3 Maîtrise, 4 Expertise), held in the code.
CREATE TABLE proficiency_level (
    organisation_id  UUID           NOT NULL REFERENCES organisation (id),
    level_rank       INTEGER        NOT NULL,
    label            VARCHAR(60)    NOT NULL,
    description      VARCHAR(1000)  NOT NULL,
    PRIMARY KEY (organisation_id, level_rank),
    CONSTRAINT ck_proficiency_level_rank CHECK (level_rank BETWEEN 1 AND 10)
);

-- A job profile (fiche de poste) of an organisation, or a branch template (organisation_id null) that
-- organisations copy.
CREATE TABLE job_profile (
    id               UUID            PRIMARY KEY,
    organisation_id  UUID            REFERENCES organisation (id),
    template_key     VARCHAR(80),
    copied_from      UUID,
    title            VARCHAR(200)    NOT NULL,
    mission          VARCHAR(10000),
    reporting_line   VARCHAR(500),
    conditions       VARCHAR(5000),
    created_at       TIMESTAMP       NOT NULL,
    updated_at       TIMESTAMP       NOT NULL,
    row_version      BIGINT          NOT NULL,
    CONSTRAINT uk_job_profile_template UNIQUE (template_key)
);
CREATE INDEX ix_job_profile_organisation ON job_profile (organisation_id);

-- A required competency of a job profile: the cited item, the required level on the organisation's
-- scale, and its importance in the job (ESSENTIAL or OPTIONAL, as ESCO; not R7's element flag).
CREATE TABLE job_requirement (
    job_profile_id     UUID          NOT NULL REFERENCES job_profile (id) ON DELETE CASCADE,
    position           INTEGER       NOT NULL,
    framework_code     VARCHAR(80)   NOT NULL,
    framework_version  VARCHAR(40)   NOT NULL,
    item_code          VARCHAR(80)   NOT NULL,
    required_level     INTEGER       NOT NULL,
    importance         VARCHAR(20)   NOT NULL,
    PRIMARY KEY (job_profile_id, position)
);

CREATE TABLE team (
    id               UUID           PRIMARY KEY,
    organisation_id  UUID           NOT NULL REFERENCES organisation (id),
    name             VARCHAR(200)   NOT NULL,
    manager_id       UUID           NOT NULL,
    created_at       TIMESTAMP      NOT NULL,
    CONSTRAINT uk_team_name UNIQUE (organisation_id, name)
);
CREATE INDEX ix_team_manager ON team (manager_id);

-- Who holds which job in which team, since when and until when: the current assignment has no end;
-- a new assignment ends the previous one (history kept; seniority in the job is derived from it).
CREATE TABLE job_assignment (
    id               UUID           PRIMARY KEY,
    organisation_id  UUID           NOT NULL REFERENCES organisation (id),
    person_id        UUID           NOT NULL,
    team_id          UUID           REFERENCES team (id),
    job_profile_id   UUID           REFERENCES job_profile (id),
    started_on       DATE           NOT NULL,
    ended_on         DATE,
    recorded_at      TIMESTAMP      NOT NULL,
    recorded_by      VARCHAR(320)   NOT NULL,
    CONSTRAINT ck_job_assignment_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX ix_job_assignment_person ON job_assignment (person_id, started_on);
CREATE INDEX ix_job_assignment_team ON job_assignment (team_id);
CREATE INDEX ix_job_assignment_organisation ON job_assignment (organisation_id);

-- A self or manager assessment of one competency: a level on the organisation's scale, or « pas eu
-- l'occasion de le montrer » (not observed, distinct from a low level). Never updated: a new
-- assessment is a new row, so that each competency's history stays visible.
CREATE TABLE assessment (
    id                 UUID            PRIMARY KEY,
    organisation_id    UUID            NOT NULL REFERENCES organisation (id),
    person_id          UUID            NOT NULL,
    framework_code     VARCHAR(80)     NOT NULL,
    framework_version  VARCHAR(40)     NOT NULL,
    item_code          VARCHAR(80)     NOT NULL,
    level_rank         INTEGER,
    not_observed       BOOLEAN         NOT NULL,
    comment_text       VARCHAR(5000),
    source             VARCHAR(10)     NOT NULL,
    assessor_id        UUID            NOT NULL,
    observed_on        DATE            NOT NULL,
    assessed_at        TIMESTAMP       NOT NULL,
    CONSTRAINT ck_assessment_level CHECK ((level_rank IS NULL AND not_observed) OR (level_rank IS NOT NULL AND NOT not_observed))
);
CREATE INDEX ix_assessment_person ON assessment (person_id, framework_code, item_code, assessed_at);
CREATE INDEX ix_assessment_organisation ON assessment (organisation_id);

-- What supports an assessment: a stored file (shared file storage) or a link.
CREATE TABLE assessment_evidence (
    id             UUID            PRIMARY KEY,
    assessment_id  UUID            NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    file_id        UUID,
    link_url       VARCHAR(2000),
    label          VARCHAR(300)    NOT NULL,
    added_by       VARCHAR(320)    NOT NULL,
    added_at       TIMESTAMP       NOT NULL,
    CONSTRAINT ck_assessment_evidence_kind CHECK ((file_id IS NULL) <> (link_url IS NULL))
);
CREATE INDEX ix_assessment_evidence_assessment ON assessment_evidence (assessment_id);
CREATE INDEX ix_assessment_evidence_file ON assessment_evidence (file_id);
