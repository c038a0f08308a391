-- statistics: monthly rollups beside the daily ones. A period's whole months are read from
-- these, only its partial months at the edges from the daily rows: the daily rows keep
-- about one row per order (a shop rarely sends twice to one district on one day), the
-- monthly ones grow with shops and months only.

CREATE TABLE statistics_sales_month
(
    county_code CHAR(6)       NOT NULL,
    month       DATE          NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    shop_id     UUID          NOT NULL,
    orders      INTEGER       NOT NULL,
    gross       NUMERIC(16,2) NOT NULL,
    refunds     NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (county_code, month, shop_id)
);
CREATE INDEX statistics_sales_month_shop_idx ON statistics_sales_month (shop_id, month);

-- destinations per county and month, whatever the shop: the area's buyer reach
CREATE TABLE statistics_reach_month
(
    county_code      CHAR(6)       NOT NULL,
    month            DATE          NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    province_code    VARCHAR(6)    NOT NULL,
    city_code        VARCHAR(6)    NOT NULL,
    destination_code VARCHAR(6)    NOT NULL,
    orders           INTEGER       NOT NULL,
    gross            NUMERIC(16,2) NOT NULL,
    refunds          NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (county_code, month, province_code, city_code, destination_code)
);

CREATE TABLE statistics_product_month
(
    county_code CHAR(6)       NOT NULL,
    month       DATE          NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    shop_id     UUID          NOT NULL,
    sku_id      UUID          NOT NULL,
    orders      INTEGER       NOT NULL,
    quantity    BIGINT        NOT NULL,
    gross       NUMERIC(16,2) NOT NULL,
    refunds     NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (county_code, month, shop_id, sku_id)
);

-- what the daily rows already hold (rollups taken before this migration)
INSERT INTO statistics_sales_month
SELECT county_code, CAST(date_trunc('month', day) AS DATE), shop_id, sum(orders), sum(gross), sum(refunds)
FROM statistics_sales_day GROUP BY 1, 2, 3;
INSERT INTO statistics_reach_month
SELECT county_code, CAST(date_trunc('month', day) AS DATE), province_code, city_code, destination_code, sum(orders),
       sum(gross), sum(refunds)
FROM statistics_sales_day GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_product_month
SELECT county_code, CAST(date_trunc('month', day) AS DATE), shop_id, sku_id, sum(orders), sum(quantity), sum(gross),
       sum(refunds)
FROM statistics_product_day GROUP BY 1, 2, 3, 4;
