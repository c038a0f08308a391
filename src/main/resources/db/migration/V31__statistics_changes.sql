-- statistics: which county-days of the daily rollups changed, and the transaction that
-- changed them last. A reader keeping the rollups in memory (SalesCube) reloads the
-- county-days written by transactions it may not have seen: those whose id is at least
-- the oldest transaction still running when it last looked. County '*' stands for
-- everything (a rebuild), '#' for shops, organisations, products and SKUs.
CREATE TABLE statistics_change
(
    county_code VARCHAR(6) NOT NULL,
    day         DATE       NOT NULL,
    xid         XID8       NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (county_code, day)
);
CREATE INDEX statistics_change_xid_idx ON statistics_change (xid);
