-- training, after review: codes are limited per number (whatever the county), per client
-- address and per day, so that the public pages cannot be used to send text messages to
-- anyone at the centre's cost.
ALTER TABLE training_phone_code ADD COLUMN requested_from VARCHAR(64);
CREATE INDEX training_phone_code_number_idx ON training_phone_code (phone, created_at DESC);
CREATE INDEX training_phone_code_client_idx ON training_phone_code (requested_from, created_at DESC);
ALTER TABLE training_course ALTER COLUMN trainers TYPE VARCHAR(2000);
