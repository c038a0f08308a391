-- statistics: which county-days of the daily rollups changed, and by which transaction. A
-- reader keeping the rollups in memory (SalesCube) reloads the county-days noted by
-- transactions it may not have seen: those whose id is at least the oldest transaction
-- still running when it last looked. County '*' stands for everything (a rebuild), '#'
-- for shops, organisations, products and SKUs. Writers only insert (no row is shared
-- between them, so none waits for another); a compaction keeps, per county-day, the
-- newest note of a finished transaction (and any of running ones).
CREATE TABLE statistics_change
(
    county_code VARCHAR(6) NOT NULL,
    day         DATE       NOT NULL,
    xid         XID8       NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX statistics_change_xid_idx ON statistics_change (xid);
CREATE INDEX statistics_change_day_idx ON statistics_change (county_code, day, xid);
