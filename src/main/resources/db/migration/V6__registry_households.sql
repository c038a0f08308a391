-- registry: farmer households (农户), their disadvantaged status and their membership
-- of organisations. The ID number is personal data: stored, shown masked.
CREATE TABLE registry_household
(
    id                   UUID          PRIMARY KEY,
    county_code          CHAR(6)       NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    head_name            VARCHAR(50)   NOT NULL,
    members              INTEGER       NOT NULL CHECK (members BETWEEN 1 AND 50),
    village_id           UUID,
    phone                VARCHAR(20),
    national_id          CHAR(18)      NOT NULL UNIQUE,
    disadvantaged        BOOLEAN       NOT NULL DEFAULT FALSE,
    disadvantaged_since  INTEGER,
    disadvantaged_lifted INTEGER,
    baseline_income      NUMERIC(14, 2) CHECK (baseline_income >= 0),
    version              INTEGER       NOT NULL DEFAULT 0,
    CHECK (disadvantaged_lifted IS NULL OR disadvantaged_since IS NULL OR disadvantaged_lifted >= disadvantaged_since)
);
CREATE INDEX registry_household_county_idx ON registry_household (county_code, head_name);

CREATE TABLE registry_household_membership
(
    household_id    UUID NOT NULL REFERENCES registry_household (id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES registry_organisation (id),
    PRIMARY KEY (household_id, organisation_id)
);
CREATE INDEX registry_household_membership_organisation_idx ON registry_household_membership (organisation_id);
