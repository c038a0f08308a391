-- registry: e-commerce entrepreneurs (电商创业者) and industrial parks (电商产业园) with the
-- organisations they host or have affiliated.
CREATE TABLE registry_park
(
    id          UUID          PRIMARY KEY,
    county_code CHAR(6)       NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    name        VARCHAR(100)  NOT NULL,
    location    VARCHAR(200),
    area_m2     INTEGER       CHECK (area_m2 >= 0),
    operator    VARCHAR(100),
    version     INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT registry_park_name_uq UNIQUE (county_code, name)
);

ALTER TABLE registry_organisation ADD COLUMN park_id UUID REFERENCES registry_park (id);
ALTER TABLE registry_organisation ADD COLUMN park_relation TEXT CHECK (park_relation IN ('HOSTED', 'AFFILIATED'));
ALTER TABLE registry_organisation ADD CONSTRAINT registry_organisation_park_ck
    CHECK ((park_id IS NULL) = (park_relation IS NULL));

CREATE TABLE registry_entrepreneur
(
    id              UUID         PRIMARY KEY,
    county_code     CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    name            VARCHAR(50)  NOT NULL,
    phone           VARCHAR(20),
    gender          TEXT         CHECK (gender IN ('FEMALE', 'MALE', 'OTHER')),
    birth_year      INTEGER      CHECK (birth_year BETWEEN 1900 AND 2100),
    village_id      UUID,
    organisation_id UUID         REFERENCES registry_organisation (id),
    selling_since   DATE,
    version         INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX registry_entrepreneur_county_idx ON registry_entrepreneur (county_code, name);
CREATE INDEX registry_entrepreneur_organisation_idx ON registry_entrepreneur (organisation_id);
