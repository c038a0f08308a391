-- registry: the village of an organisation's registered address (a shop belongs to the
-- village of its organisation, for the statistics).
ALTER TABLE registry_organisation ADD COLUMN village_id UUID;
