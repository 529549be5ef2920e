-- GPEC, second half (issue 12): the employment facts career interviews are scheduled from, the career
-- interviews themselves (entretien de parcours professionnel, R16: never a rating, kept apart from
-- assessments), and development plans (actions linked to the gaps they close). People are account ids
-- of the account module and referential items are (framework code, item code): no foreign key across
-- modules.

-- Hiring date (the interview schedule starts from it) and birth date (mid-career and pre-60 interviews),
-- entered by the organisation's HR.
CREATE TABLE employment (
    person_id        UUID          PRIMARY KEY,
    organisation_id  UUID          NOT NULL,
    hired_on         DATE          NOT NULL,
    birth_date       DATE,
    updated_by       VARCHAR(320)  NOT NULL,
    updated_at       TIMESTAMP     NOT NULL,
    CONSTRAINT ck_employment_birth CHECK (birth_date IS NULL OR birth_date < hired_on)
);
CREATE INDEX ix_employment_organisation ON employment (organisation_id);

CREATE TABLE career_interview (
    id                  UUID          PRIMARY KEY,
    organisation_id     UUID          NOT NULL,
    person_id           UUID          NOT NULL,
    held_on             DATE          NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    follow_ups          VARCHAR(4000) NOT NULL,
    -- A summary review only: whether the person had a salary or professional progression (HR's yes/no).
    progression         BOOLEAN,
    copy_delivered_on   DATE,
    recorded_by         VARCHAR(320)  NOT NULL,
    recorded_at         TIMESTAMP     NOT NULL,
    CONSTRAINT ck_career_interview_kind CHECK (kind IN ('PERIODIC', 'SUMMARY_REVIEW', 'MID_CAREER', 'PRE_60')),
    CONSTRAINT ck_career_interview_copy CHECK (copy_delivered_on IS NULL OR copy_delivered_on >= held_on)
);
CREATE INDEX ix_career_interview_person ON career_interview (person_id, held_on);
CREATE INDEX ix_career_interview_organisation ON career_interview (organisation_id);

CREATE TABLE career_interview_participant (
    interview_id  UUID  NOT NULL REFERENCES career_interview (id) ON DELETE CASCADE,
    person_id     UUID  NOT NULL,
    PRIMARY KEY (interview_id, person_id)
);

CREATE TABLE career_interview_topic (
    interview_id  UUID           NOT NULL REFERENCES career_interview (id) ON DELETE CASCADE,
    position      INT            NOT NULL,
    topic         VARCHAR(500)   NOT NULL,
    PRIMARY KEY (interview_id, position)
);

-- One action of a person's development plan.
CREATE TABLE development_action (
    id                UUID           PRIMARY KEY,
    organisation_id   UUID           NOT NULL,
    person_id         UUID           NOT NULL,
    kind              VARCHAR(20)    NOT NULL,
    title             VARCHAR(300)   NOT NULL,
    starts_on         DATE           NOT NULL,
    ends_on           DATE,
    status            VARCHAR(20)    NOT NULL,
    outcome           VARCHAR(2000),
    -- The action led to certification elements (a bloc, a certificate): the summary review counts it.
    certifying        BOOLEAN        NOT NULL DEFAULT FALSE,
    estimated_hours   INT,
    created_by        VARCHAR(320)   NOT NULL,
    created_at        TIMESTAMP      NOT NULL,
    closed_on         DATE,
    CONSTRAINT ck_development_action_kind CHECK (kind IN ('TRAINING', 'TUTORING', 'MENTORING', 'VAE', 'INTERNAL_MOBILITY')),
    CONSTRAINT ck_development_action_status CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    CONSTRAINT ck_development_action_dates CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX ix_development_action_person ON development_action (person_id);
CREATE INDEX ix_development_action_organisation ON development_action (organisation_id);

-- The gaps an action closes: competencies of a referential, by code.
CREATE TABLE development_action_gap (
    action_id       UUID          NOT NULL REFERENCES development_action (id) ON DELETE CASCADE,
    framework_code  VARCHAR(80)   NOT NULL,
    item_code       VARCHAR(80)   NOT NULL,
    PRIMARY KEY (action_id, framework_code, item_code)
);
