-- statistics: when the payment a sale row holds was told (the order's change it tells).
-- Listeners take publications concurrently, so an order's older telling can arrive after
-- a newer one; it must not undo it. Rows of earlier versions have none: any telling
-- replaces them.
ALTER TABLE statistics_sale ADD COLUMN told_at TIMESTAMPTZ;
