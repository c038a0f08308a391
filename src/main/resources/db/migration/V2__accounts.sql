-- accounts: users with one role and a data scope, personal API tokens, login
-- throttling and the audit log.
CREATE TABLE accounts_user_account
(
    id                   UUID         PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(100) NOT NULL,
    password_hash        VARCHAR(100) NOT NULL,
    role                 TEXT         NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'MERCHANT', 'STATION', 'TRAINER', 'ANALYST')),
    county_code          CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    organisation_id      UUID,
    station_id           UUID,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    password_changed_at  TIMESTAMPTZ  NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    version              INTEGER      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX accounts_user_account_username_uq ON accounts_user_account (lower(username));

CREATE TABLE accounts_api_token
(
    id              UUID         PRIMARY KEY,
    user_account_id UUID         NOT NULL REFERENCES accounts_user_account (id) ON DELETE CASCADE,
    name            VARCHAR(80)  NOT NULL,
    token_hash      CHAR(64)     NOT NULL UNIQUE,
    token_prefix    VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    version         INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX accounts_api_token_user_idx ON accounts_api_token (user_account_id);

CREATE TABLE accounts_login_failure
(
    username        VARCHAR(64)  NOT NULL,
    remote_address  VARCHAR(64)  NOT NULL,
    failures        INTEGER      NOT NULL,
    first_failed_at TIMESTAMPTZ  NOT NULL,
    locked_until    TIMESTAMPTZ,
    PRIMARY KEY (username, remote_address)
);

CREATE TABLE accounts_audit_entry
(
    id              UUID         PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(64)  NOT NULL,
    action          TEXT         NOT NULL,
    subject         VARCHAR(200),
    remote_address  VARCHAR(64),
    county_code     CHAR(6)
);
CREATE INDEX accounts_audit_entry_occurred_idx ON accounts_audit_entry (occurred_at DESC);
