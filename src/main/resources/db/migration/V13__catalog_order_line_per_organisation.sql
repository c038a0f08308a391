-- catalog: an order-line key is unique within its organisation, not across the
-- installation: one organisation's keys must neither block nor reveal another's.
ALTER TABLE catalog_reservation DROP CONSTRAINT catalog_reservation_order_line_key;
ALTER TABLE catalog_reservation ADD CONSTRAINT catalog_reservation_order_line_uq UNIQUE (organisation_id, order_line);
