-- A module event's publication is written once, read by its listeners and deleted once
-- they took it; an import chunk's is a few hundred kilobytes. Compressing it (pglz, the
-- only method this PostgreSQL has) took more of the server's time than its size costs in
-- the write-ahead log: 1.9 s against 0.8 s of inserts for 400,000 imported orders
-- (docs/benchmarks.md). Kept out of line, uncompressed.
ALTER TABLE event_publication ALTER COLUMN serialized_event SET STORAGE EXTERNAL;
