-- the product of each line of a sale as known when it was paid (the SKU itself when the
-- catalog had not told it yet): an order counts once per product in statistics_product_day,
-- on its first SKU of that product, whatever move (payment, refund, cancellation) adds or
-- takes it off. NULL on rows written before: each SKU counts as its own product.
ALTER TABLE statistics_sale ADD COLUMN product_ids UUID[];
