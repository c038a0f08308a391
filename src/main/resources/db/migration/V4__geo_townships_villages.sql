-- geo: the townships (乡镇) and villages (村) of each county.
CREATE TABLE geo_township
(
    id          UUID         PRIMARY KEY,
    county_code CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    name        VARCHAR(60)  NOT NULL,
    stat_code   CHAR(12)     CHECK (stat_code ~ '^[0-9]{12}$'),
    households  INTEGER      CHECK (households >= 0),
    population  INTEGER      CHECK (population >= 0),
    latitude    NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude   NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT geo_township_name_uq UNIQUE (county_code, name)
);

CREATE TABLE geo_village
(
    id          UUID         PRIMARY KEY,
    county_code CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    township_id UUID         NOT NULL REFERENCES geo_township (id),
    name        VARCHAR(60)  NOT NULL,
    stat_code   CHAR(12)     CHECK (stat_code ~ '^[0-9]{12}$'),
    households  INTEGER      CHECK (households >= 0),
    population  INTEGER      CHECK (population >= 0),
    latitude    NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude   NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT geo_village_name_uq UNIQUE (township_id, name)
);
CREATE INDEX geo_village_county_idx ON geo_village (county_code, township_id);
