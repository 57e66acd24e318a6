-- Issue 12: team use. Users with a role, and personal API tokens (stored hashed).

CREATE TABLE app_user (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(60)  NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,           -- Spring's delegating encoder: {bcrypt}…
    user_role      VARCHAR(20)  NOT NULL,           -- VIEWER, OPERATOR, ADMIN
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE api_token (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name           VARCHAR(100) NOT NULL,
    token_hash     VARCHAR(64)  NOT NULL,           -- SHA-256 of the token, hex; the token itself is shown once
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_user ON api_token (user_id);
