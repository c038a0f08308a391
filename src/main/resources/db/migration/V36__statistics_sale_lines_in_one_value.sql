-- statistics: a sale's lines in one value instead of four arrays (an order of one line
-- wrote ~140 bytes of arrays, which the server also had to read one by one). Each line
-- is 44 bytes: its SKU and its product (uuid_send), its quantity (int4send) and its
-- share of the payment in cents (int8send), in the lines' order (SalesRollup.Lines).
-- Rows without payment (a refund or cancellation told first) keep none. Rows written
-- before V28 have no products: each SKU stands for its own, as they were read.
ALTER TABLE statistics_sale ADD COLUMN lines BYTEA;

UPDATE statistics_sale s
SET lines = (SELECT coalesce(string_agg(uuid_send(u.sku) || uuid_send(coalesce(u.product, u.sku))
                                            || int4send(u.quantity) || int8send(round(u.share * 100)::BIGINT),
                                        ''::BYTEA ORDER BY u.i), ''::BYTEA)
             FROM unnest(s.sku_ids, coalesce(s.product_ids, s.sku_ids), s.quantities, s.shares)
                  WITH ORDINALITY AS u(sku, product, quantity, share, i))
WHERE s.sku_ids IS NOT NULL;

ALTER TABLE statistics_sale DROP COLUMN sku_ids, DROP COLUMN quantities, DROP COLUMN shares,
    DROP COLUMN product_ids;
