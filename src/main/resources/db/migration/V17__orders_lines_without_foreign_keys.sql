-- orders: an order's lines and status history are written only with their order (the
-- aggregate, or an import chunk written with COPY in one transaction), and orders are
-- never deleted; the foreign keys checked every line and history row against the order
-- one by one, a seventh of an import's time (decision 0008). The primary keys stay.
ALTER TABLE orders_order_line DROP CONSTRAINT orders_order_line_order_id_fkey;
ALTER TABLE orders_status_change DROP CONSTRAINT orders_status_change_order_id_fkey;
