-- storefront: the county's own shop. Guests' carts (kept by a cookie across visits),
-- checkouts with their LOCAL orders (one per organisation), order-tracking lookups (for
-- the rate limit) and buyers' reviews of delivered lines.

CREATE TABLE storefront_cart
(
    id           UUID         PRIMARY KEY,
    county_code  CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE storefront_cart_line
(
    cart_id   UUID     NOT NULL REFERENCES storefront_cart (id) ON DELETE CASCADE,
    sku_id    UUID     NOT NULL,
    quantity  INTEGER  NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cart_id, sku_id)
);

CREATE TABLE storefront_checkout
(
    id              UUID         PRIMARY KEY,
    county_code     CHAR(6)      NOT NULL,
    request_id      UUID         NOT NULL UNIQUE,
    payment_method  TEXT         NOT NULL CHECK (payment_method IN ('CASH_ON_DELIVERY', 'BANK_TRANSFER', 'ONLINE')),
    goods_fen       BIGINT       NOT NULL CHECK (goods_fen > 0),
    shipping_fen    BIGINT       NOT NULL CHECK (shipping_fen >= 0),
    recipient_name  VARCHAR(40)  NOT NULL,
    phone_digest    CHAR(64)     NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);

CREATE TABLE storefront_order_serial
(
    day     DATE     PRIMARY KEY,
    last_no INTEGER  NOT NULL
);

CREATE TABLE storefront_order
(
    order_no         VARCHAR(20)  PRIMARY KEY,
    checkout_id      UUID         NOT NULL REFERENCES storefront_checkout (id),
    organisation_id  UUID         NOT NULL,
    shop_id          UUID         NOT NULL,
    order_id         UUID         NOT NULL UNIQUE,
    goods_fen        BIGINT       NOT NULL,
    shipping_fen     BIGINT       NOT NULL,
    phone_digest     CHAR(64)     NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX storefront_order_checkout_idx ON storefront_order (checkout_id);

CREATE TABLE storefront_lookup
(
    client     VARCHAR(80)  NOT NULL,
    order_no   VARCHAR(40)  NOT NULL,
    found      BOOLEAN      NOT NULL,
    looked_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX storefront_lookup_client_idx ON storefront_lookup (client, looked_at);
CREATE INDEX storefront_lookup_order_idx ON storefront_lookup (order_no, looked_at);

CREATE TABLE storefront_review
(
    id           UUID          PRIMARY KEY,
    order_no     VARCHAR(20)   NOT NULL,
    line_key     VARCHAR(100)  NOT NULL,
    product_id   UUID          NOT NULL,
    county_code  CHAR(6)       NOT NULL,
    rating       SMALLINT      NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text         VARCHAR(500),
    buyer        VARCHAR(40)   NOT NULL,
    status       TEXT          NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    created_at   TIMESTAMPTZ   NOT NULL,
    moderated_by VARCHAR(60),
    moderated_at TIMESTAMPTZ,
    -- one review a line of an order
    CONSTRAINT storefront_review_line_uq UNIQUE (order_no, line_key)
);
CREATE INDEX storefront_review_product_idx ON storefront_review (product_id, status, created_at DESC);
CREATE INDEX storefront_review_pending_idx ON storefront_review (county_code, created_at) WHERE status = 'PENDING';
