-- An organisation's invitation to a person who already has an account (issue 10: the bulk import
-- must not reveal accounts outside the organisation). The role is granted when the person accepts.
CREATE TABLE pending_membership (
    id              UUID         PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organisation_id UUID         NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    role            VARCHAR(40)  NOT NULL,
    invited_name    VARCHAR(200) NOT NULL,
    invited_by      VARCHAR(320),
    created_at      TIMESTAMP    NOT NULL,
    expires_at      TIMESTAMP    NOT NULL,
    -- Resending is limited like invitations: at most 3 mails in an hour's window.
    window_started_at TIMESTAMP  NOT NULL,
    sends_in_window INTEGER      NOT NULL,
    answered_at     TIMESTAMP,
    accepted        BOOLEAN
);
CREATE INDEX ix_pending_membership_user ON pending_membership (user_id);
CREATE INDEX ix_pending_membership_organisation ON pending_membership (organisation_id);
