-- storefront: payments of the shop's checkouts (cash on delivery, bank transfer, online
-- through a gateway) and the gateway notifications taken, each once: a payment's status
-- changes in the same transaction that records the notification.

CREATE TABLE storefront_payment
(
    id            UUID         PRIMARY KEY,
    checkout_id   UUID         NOT NULL,
    order_no      VARCHAR(64)  NOT NULL,
    method        TEXT         NOT NULL CHECK (method IN ('CASH_ON_DELIVERY', 'BANK_TRANSFER', 'ONLINE')),
    amount_fen    BIGINT       NOT NULL CHECK (amount_fen > 0),
    status        TEXT         NOT NULL
                  CHECK (status IN ('NOT_REQUIRED', 'AWAITING_TRANSFER', 'PENDING', 'PAID', 'FAILED')),
    description   VARCHAR(200),
    return_url    VARCHAR(500),
    created_at    TIMESTAMPTZ  NOT NULL,
    paid_at       TIMESTAMPTZ  CHECK ((status = 'PAID') = (paid_at IS NOT NULL)),
    buyer_choice  TEXT         CHECK (buyer_choice IN ('PAY', 'CANCEL'))
);
CREATE INDEX storefront_payment_checkout_ix ON storefront_payment (checkout_id, created_at DESC);
CREATE INDEX storefront_payment_order_no_ix ON storefront_payment (order_no);

CREATE TABLE storefront_payment_notification
(
    notification_id  VARCHAR(100) PRIMARY KEY,
    payment_id       UUID         NOT NULL REFERENCES storefront_payment (id),
    result           TEXT         NOT NULL CHECK (result IN ('PAID', 'FAILED')),
    received_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX storefront_payment_notification_payment_ix ON storefront_payment_notification (payment_id);
