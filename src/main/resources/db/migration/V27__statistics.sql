-- statistics: facts learnt from other modules' events (never read from their tables), the
-- ledger that makes each publication count once, and the daily rollups the dashboard reads.

-- every publication taken (a chunk's id, or a single move's natural key): a replay is skipped
CREATE TABLE statistics_ledger
(
    event_key    VARCHAR(120) PRIMARY KEY,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE statistics_organisation
(
    organisation_id UUID    PRIMARY KEY,
    county_code     CHAR(6) NOT NULL,
    village_id      UUID,
    park_id         UUID,
    park_relation   TEXT    CHECK (park_relation IN ('HOSTED', 'AFFILIATED')),
    approved        BOOLEAN NOT NULL
);
CREATE INDEX statistics_organisation_village_idx ON statistics_organisation (village_id);

CREATE TABLE statistics_shop
(
    shop_id         UUID    PRIMARY KEY,
    county_code     CHAR(6) NOT NULL,
    organisation_id UUID    NOT NULL,
    platform        TEXT    NOT NULL,
    opened_on       DATE,
    closed_on       DATE
);
CREATE INDEX statistics_shop_county_idx ON statistics_shop (county_code, organisation_id);

CREATE TABLE statistics_entrepreneur
(
    entrepreneur_id UUID    PRIMARY KEY,
    county_code     CHAR(6) NOT NULL,
    village_id      UUID,
    organisation_id UUID
);
CREATE INDEX statistics_entrepreneur_county_idx ON statistics_entrepreneur (county_code);

CREATE TABLE statistics_household
(
    household_id  UUID    PRIMARY KEY,
    county_code   CHAR(6) NOT NULL,
    village_id    UUID,
    disadvantaged BOOLEAN NOT NULL
);

CREATE TABLE statistics_product
(
    product_id      UUID        PRIMARY KEY,
    county_code     CHAR(6)     NOT NULL,
    organisation_id UUID        NOT NULL,
    category_code   VARCHAR(40) NOT NULL
);

CREATE TABLE statistics_sku
(
    sku_id      UUID    PRIMARY KEY,
    product_id  UUID    NOT NULL,
    county_code CHAR(6) NOT NULL
);

-- one row per paid order: what it adds to the rollups now (nothing once cancelled). A
-- refund or cancellation told before the payment waits here with paid NULL.
CREATE TABLE statistics_sale
(
    order_id         UUID          PRIMARY KEY,
    county_code      CHAR(6)       NOT NULL,
    shop_id          UUID          NOT NULL,
    day              DATE,
    province_code    VARCHAR(6)    NOT NULL DEFAULT '',
    city_code        VARCHAR(6)    NOT NULL DEFAULT '',
    destination_code VARCHAR(6)    NOT NULL DEFAULT '',
    paid             NUMERIC(14,2),
    refunded         NUMERIC(14,2) NOT NULL DEFAULT 0,
    cancelled        BOOLEAN       NOT NULL DEFAULT FALSE,
    sku_ids          UUID[],
    quantities       INTEGER[],
    shares           NUMERIC(14,2)[]
);

-- sales per day × shop × destination (province, city-level and county-level unit; '' when
-- the address did not resolve that far)
CREATE TABLE statistics_sales_day
(
    county_code      CHAR(6)       NOT NULL,
    day              DATE          NOT NULL,
    shop_id          UUID          NOT NULL,
    province_code    VARCHAR(6)    NOT NULL,
    city_code        VARCHAR(6)    NOT NULL,
    destination_code VARCHAR(6)    NOT NULL,
    orders           INTEGER       NOT NULL,
    gross            NUMERIC(16,2) NOT NULL,
    refunds          NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (county_code, day, shop_id, province_code, city_code, destination_code)
);
CREATE INDEX statistics_sales_day_shop_idx ON statistics_sales_day (shop_id, day);

-- sales per day × shop × SKU (the nil UUID for lines not matched to a SKU)
CREATE TABLE statistics_product_day
(
    county_code CHAR(6)       NOT NULL,
    day         DATE          NOT NULL,
    shop_id     UUID          NOT NULL,
    sku_id      UUID          NOT NULL,
    orders      INTEGER       NOT NULL,
    quantity    BIGINT        NOT NULL,
    gross       NUMERIC(16,2) NOT NULL,
    refunds     NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (county_code, day, shop_id, sku_id)
);

-- income linked to a household (procurement, wages, dividends), reversals as negative rows
CREATE TABLE statistics_income
(
    fact_key        VARCHAR(80)   PRIMARY KEY,
    county_code     CHAR(6)       NOT NULL,
    household_id    UUID          NOT NULL,
    organisation_id UUID          NOT NULL,
    source          TEXT          NOT NULL CHECK (source IN ('PROCUREMENT', 'WAGES', 'DIVIDENDS')),
    day             DATE          NOT NULL,
    amount          NUMERIC(14,2) NOT NULL
);
CREATE INDEX statistics_income_county_idx ON statistics_income (county_code, day);

CREATE TABLE statistics_attendance
(
    enrolment_id UUID    PRIMARY KEY,
    county_code  CHAR(6) NOT NULL,
    trainee_id   UUID    NOT NULL,
    session_id   UUID    NOT NULL,
    topic        TEXT,
    day          DATE    NOT NULL
);
CREATE INDEX statistics_attendance_county_idx ON statistics_attendance (county_code, day);

-- a trainee linked to the entrepreneur he or she became: for the conversion into shops
CREATE TABLE statistics_trainee
(
    trainee_id      UUID    PRIMARY KEY,
    county_code     CHAR(6) NOT NULL,
    entrepreneur_id UUID
);
