CREATE TABLE app_user (
    id             UUID          PRIMARY KEY,
    email          VARCHAR(320)  NOT NULL,
    display_name   VARCHAR(200)  NOT NULL,
    password_hash  VARCHAR(200),
    enabled        BOOLEAN       NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    CONSTRAINT uk_user_email UNIQUE (email)
);

CREATE TABLE user_role (
    user_id  UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role     VARCHAR(40)  NOT NULL,
    PRIMARY KEY (user_id, role)
);
