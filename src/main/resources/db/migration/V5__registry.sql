-- registry: organisations with their seller admission review, and their online shops.
CREATE TABLE registry_organisation
(
    id                   UUID         PRIMARY KEY,
    county_code          CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    type                 TEXT         NOT NULL CHECK (type IN ('COOPERATIVE', 'ASSOCIATION', 'COMPANY', 'INDIVIDUAL_BUSINESS')),
    name                 VARCHAR(100) NOT NULL,
    credit_code          CHAR(18)     NOT NULL UNIQUE,
    legal_representative VARCHAR(50),
    address              VARCHAR(200),
    founded_on           DATE,
    sales_model          TEXT CHECK (sales_model IN ('FARMERS_FACILITIES_SHOPS', 'ASSOCIATIONS_COOPERATIVES_SHOPS')),
    admission            TEXT         NOT NULL CHECK (admission IN ('APPLIED', 'APPROVED', 'REJECTED')),
    version              INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX registry_organisation_county_idx ON registry_organisation (county_code, name);

CREATE TABLE registry_admission_event
(
    organisation_id UUID        NOT NULL REFERENCES registry_organisation (id) ON DELETE CASCADE,
    position        INTEGER     NOT NULL,
    from_status     TEXT CHECK (from_status IN ('APPLIED', 'APPROVED', 'REJECTED')),
    to_status       TEXT        NOT NULL CHECK (to_status IN ('APPLIED', 'APPROVED', 'REJECTED')),
    reason          VARCHAR(500),
    actor           VARCHAR(64) NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_id, position)
);

CREATE TABLE registry_shop
(
    id               UUID         PRIMARY KEY,
    county_code      CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    organisation_id  UUID         NOT NULL REFERENCES registry_organisation (id),
    platform         TEXT         NOT NULL CHECK (platform IN ('TAOBAO', 'TMALL', 'JD', 'SUNING', 'PINDUODUO', 'DOUYIN', 'LOCAL', 'OTHER')),
    name             VARCHAR(100) NOT NULL,
    platform_shop_id VARCHAR(64)  NOT NULL,
    url              VARCHAR(500),
    opened_on        DATE,
    closed_on        DATE,
    status           TEXT         NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    webhook_secret   VARCHAR(100) NOT NULL,
    version          INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT registry_shop_platform_id_uq UNIQUE (platform, platform_shop_id)
);
CREATE INDEX registry_shop_organisation_idx ON registry_shop (organisation_id);
CREATE INDEX registry_shop_county_idx ON registry_shop (county_code);
