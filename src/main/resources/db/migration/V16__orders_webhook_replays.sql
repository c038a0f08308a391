-- orders: signatures of webhook calls already taken, so that a call replayed within its
-- five-minute window is answered without being acted on twice (a buyer's message would
-- alert again). Rows older than a day are removed.
CREATE TABLE orders_webhook_call
(
    signature CHAR(64)    PRIMARY KEY,
    shop_id   UUID        NOT NULL,
    taken_at  TIMESTAMPTZ NOT NULL
);
