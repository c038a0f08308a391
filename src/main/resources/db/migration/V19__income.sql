-- income: what the county's organisations pay farmer households — procurement of their
-- produce, wages of their members, a cooperative's dividends — so that the income linked
-- to the platform is known per household, village and year. Records are never edited: a
-- correction is a new row that reverses the old one (negative amounts, `reverses` set,
-- at most one reversal per record); only an owed purchase may later be marked paid.
CREATE TABLE income_procurement
(
    id              UUID          PRIMARY KEY,
    county_code     CHAR(6)       NOT NULL,
    organisation_id UUID          NOT NULL,
    household_id    UUID          NOT NULL,
    receipt_no      VARCHAR(24)   NOT NULL,
    occurred_on     DATE          NOT NULL,
    product_id      UUID,
    produce         VARCHAR(100)  NOT NULL,
    batch_id        UUID,
    quantity        NUMERIC(12,3) NOT NULL,
    unit            TEXT          NOT NULL,
    unit_price      NUMERIC(14,2) NOT NULL CHECK (unit_price > 0),
    amount          NUMERIC(14,2) NOT NULL,
    grade           TEXT          NOT NULL CHECK (grade IN ('PREMIUM', 'FIRST', 'SECOND', 'UNGRADED')),
    payment         TEXT          NOT NULL CHECK (payment IN ('PAID', 'OWED')),
    payment_method  TEXT          CHECK (payment_method IN ('CASH', 'BANK_TRANSFER', 'WECHAT', 'ALIPAY')),
    paid_on         DATE,
    reverses        UUID          UNIQUE REFERENCES income_procurement (id),
    corrects        UUID          REFERENCES income_procurement (id),
    reason          VARCHAR(200),
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    CHECK ((reverses IS NULL AND quantity > 0 AND amount > 0)
        OR (reverses IS NOT NULL AND quantity < 0 AND amount < 0 AND reason IS NOT NULL)),
    CHECK ((payment = 'PAID') = (paid_on IS NOT NULL)),
    CONSTRAINT income_procurement_receipt_uq UNIQUE (organisation_id, receipt_no)
);
CREATE INDEX income_procurement_county_idx ON income_procurement (county_code, occurred_on);
CREATE INDEX income_procurement_organisation_idx ON income_procurement (organisation_id, occurred_on DESC);
CREATE INDEX income_procurement_household_idx ON income_procurement (household_id, occurred_on);

-- receipt numbers run per organisation and year: SG-2026-000123
CREATE TABLE income_receipt_serial
(
    organisation_id UUID    NOT NULL,
    year            INTEGER NOT NULL,
    last_serial     INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, year)
);

CREATE TABLE income_wage
(
    id              UUID          PRIMARY KEY,
    county_code     CHAR(6)       NOT NULL,
    organisation_id UUID          NOT NULL,
    household_id    UUID          NOT NULL,
    worker_name     VARCHAR(50)   NOT NULL,
    work            TEXT          NOT NULL CHECK (work IN ('WORKSHOP', 'PACKING', 'LIVE_STREAMING', 'FIELD', 'OTHER')),
    month           DATE          NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    days            NUMERIC(4,1),
    daily_rate      NUMERIC(14,2),
    monthly_pay     NUMERIC(14,2),
    amount          NUMERIC(14,2) NOT NULL,
    reverses        UUID          UNIQUE REFERENCES income_wage (id),
    reason          VARCHAR(200),
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    CHECK ((reverses IS NULL AND amount > 0) OR (reverses IS NOT NULL AND amount < 0 AND reason IS NOT NULL)),
    CHECK ((days IS NOT NULL AND daily_rate IS NOT NULL AND monthly_pay IS NULL)
        OR (days IS NULL AND daily_rate IS NULL AND monthly_pay IS NOT NULL))
);
CREATE INDEX income_wage_county_idx ON income_wage (county_code, month);
CREATE INDEX income_wage_organisation_idx ON income_wage (organisation_id, month DESC);
CREATE INDEX income_wage_household_idx ON income_wage (household_id, month);

CREATE TABLE income_dividend
(
    id              UUID          PRIMARY KEY,
    county_code     CHAR(6)       NOT NULL,
    organisation_id UUID          NOT NULL,
    year            INTEGER       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    declared_on     DATE          NOT NULL,
    total           NUMERIC(14,2) NOT NULL,
    note            VARCHAR(500),
    reverses        UUID          UNIQUE REFERENCES income_dividend (id),
    reason          VARCHAR(200),
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    CHECK ((reverses IS NULL AND total > 0) OR (reverses IS NOT NULL AND total < 0 AND reason IS NOT NULL))
);
CREATE INDEX income_dividend_county_idx ON income_dividend (county_code, year);
CREATE INDEX income_dividend_organisation_idx ON income_dividend (organisation_id, year DESC);

CREATE TABLE income_dividend_share
(
    dividend_id  UUID          NOT NULL REFERENCES income_dividend (id),
    household_id UUID          NOT NULL,
    amount       NUMERIC(14,2) NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (dividend_id, household_id)
);
CREATE INDEX income_dividend_share_household_idx ON income_dividend_share (household_id);

-- every amount linked to a household, by source and year: what the roll-ups sum
CREATE VIEW income_linked AS
SELECT county_code, organisation_id, household_id, EXTRACT(YEAR FROM occurred_on)::INTEGER AS year,
       'PROCUREMENT' AS source, amount
FROM income_procurement
UNION ALL
SELECT county_code, organisation_id, household_id, EXTRACT(YEAR FROM month)::INTEGER, 'WAGES', amount
FROM income_wage
UNION ALL
SELECT d.county_code, d.organisation_id, s.household_id, d.year, 'DIVIDENDS', s.amount
FROM income_dividend d JOIN income_dividend_share s ON s.dividend_id = d.id;
