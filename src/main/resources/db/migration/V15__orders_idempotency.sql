-- orders: the Idempotency-Key of orders sent through the API, per shop: the same key with
-- the same body answers the same order again; with another body it is refused.
CREATE TABLE orders_idempotency
(
    shop_id      UUID        NOT NULL,
    key          VARCHAR(100) NOT NULL,
    request_hash CHAR(64)    NOT NULL,
    order_id     UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (shop_id, key)
);
