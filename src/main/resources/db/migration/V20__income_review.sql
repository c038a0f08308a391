-- income, after review: a form sent twice records one purchase (the form's request id);
-- each amount carries its day (a dividend: the day it was declared, or its year's last day
-- when declared after it) so that a year is compared with the same period of the
-- year before and the roll-up uses the date indexes; dividend shares carry the county
-- like every large table; units are checked like the other enums.
ALTER TABLE income_procurement ADD COLUMN request_id UUID;
ALTER TABLE income_procurement ADD CONSTRAINT income_procurement_request_uq UNIQUE (organisation_id, request_id);
ALTER TABLE income_procurement ADD CONSTRAINT income_procurement_unit_ck
    CHECK (unit IN ('KG', 'JIN', 'G', 'PORTION', 'BOX', 'BOTTLE', 'PIECE'));

ALTER TABLE income_dividend_share ADD COLUMN county_code CHAR(6);
UPDATE income_dividend_share s SET county_code = d.county_code FROM income_dividend d WHERE d.id = s.dividend_id;
ALTER TABLE income_dividend_share ALTER COLUMN county_code SET NOT NULL;

CREATE OR REPLACE VIEW income_linked AS
SELECT county_code, organisation_id, household_id, EXTRACT(YEAR FROM occurred_on)::INTEGER AS year,
       'PROCUREMENT' AS source, amount, occurred_on AS day
FROM income_procurement
UNION ALL
SELECT county_code, organisation_id, household_id, EXTRACT(YEAR FROM month)::INTEGER, 'WAGES', amount, month
FROM income_wage
UNION ALL
SELECT d.county_code, d.organisation_id, s.household_id, d.year, 'DIVIDENDS', s.amount,
       LEAST(d.declared_on, make_date(d.year, 12, 31))
FROM income_dividend d JOIN income_dividend_share s ON s.dividend_id = d.id;
