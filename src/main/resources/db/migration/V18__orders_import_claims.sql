-- orders: an import job is claimed by the instance that runs it, which beats a heartbeat
-- while it lives; a job whose instance stopped beating is taken over by another
-- (decision 0008).
ALTER TABLE orders_import_job
    ADD COLUMN claimed_by   VARCHAR(100),
    ADD COLUMN heartbeat_at TIMESTAMPTZ;
