-- orders: one order lifecycle for every channel. An order is identified by its shop and
-- the platform's order number; a line by its order and the platform's line key. Every
-- status move is kept with its source. Imports are jobs whose files are kept until they
-- are done, so that a job cut off by a restart runs again.
CREATE TABLE orders_order
(
    id                 UUID          PRIMARY KEY,
    county_code        CHAR(6)       NOT NULL,
    organisation_id    UUID          NOT NULL,
    shop_id            UUID          NOT NULL,
    platform           TEXT          NOT NULL,
    platform_order_no  VARCHAR(64)   NOT NULL,
    buyer_nickname     VARCHAR(100),
    buyer_message      VARCHAR(1000),
    seller_memo        VARCHAR(1000),
    created_at         TIMESTAMPTZ,
    paid_at            TIMESTAMPTZ,
    shipped_at         TIMESTAMPTZ,
    completed_at       TIMESTAMPTZ,
    status             TEXT          NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED')),
    after_sale         TEXT          NOT NULL CHECK (after_sale IN ('NONE', 'REFUND_REQUESTED', 'RETURNING', 'REFUNDED_PARTIAL', 'REFUNDED', 'REJECTED', 'EXCHANGED')),
    holds              VARCHAR(200)  NOT NULL DEFAULT '',
    goods_amount       NUMERIC(14,2),
    shipping_fee       NUMERIC(14,2),
    discount           NUMERIC(14,2),
    paid_amount        NUMERIC(14,2),
    refunded_amount    NUMERIC(14,2),
    recipient_name     VARCHAR(100),
    recipient_phone    VARCHAR(40),
    raw_address        VARCHAR(500),
    province_code      CHAR(6),
    city_code          CHAR(6),
    destination_code   CHAR(6),
    destination_status TEXT,
    first_seen_at      TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    version            INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT orders_order_platform_no_uq UNIQUE (shop_id, platform_order_no)
);
CREATE INDEX orders_order_organisation_idx ON orders_order (organisation_id, created_at DESC);
CREATE INDEX orders_order_county_idx ON orders_order (county_code, created_at DESC);
CREATE INDEX orders_order_held_idx ON orders_order (organisation_id) WHERE holds <> '';

CREATE TABLE orders_order_line
(
    order_id        UUID          NOT NULL REFERENCES orders_order (id) ON DELETE CASCADE,
    line_key        VARCHAR(80)   NOT NULL,
    item_id         VARCHAR(64),
    platform_sku_id VARCHAR(64),
    merchant_code   VARCHAR(64),
    title           VARCHAR(300),
    sku_id          UUID,
    quantity        INTEGER       NOT NULL CHECK (quantity >= 0),
    unit_price      NUMERIC(14,2),
    amount          NUMERIC(14,2),
    reserved        BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (order_id, line_key)
);

CREATE TABLE orders_status_change
(
    order_id        UUID          NOT NULL REFERENCES orders_order (id) ON DELETE CASCADE,
    position        INTEGER       NOT NULL,
    from_status     TEXT,
    to_status       TEXT          NOT NULL,
    after_sale      TEXT          NOT NULL,
    occurred_at     TIMESTAMPTZ   NOT NULL,
    source          TEXT          NOT NULL CHECK (source IN ('IMPORT', 'WEBHOOK', 'API', 'USER')),
    source_ref      VARCHAR(100),
    PRIMARY KEY (order_id, position)
);

CREATE TABLE orders_import_job
(
    id               UUID          PRIMARY KEY,
    county_code      CHAR(6)       NOT NULL,
    organisation_id  UUID          NOT NULL,
    shop_id          UUID          NOT NULL,
    requested_by     VARCHAR(64)   NOT NULL,
    status           TEXT          NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    file_names       VARCHAR(1000) NOT NULL,
    orders_total     INTEGER       NOT NULL DEFAULT 0,
    orders_done      INTEGER       NOT NULL DEFAULT 0,
    rows_read        INTEGER       NOT NULL DEFAULT 0,
    orders_created   INTEGER       NOT NULL DEFAULT 0,
    orders_updated   INTEGER       NOT NULL DEFAULT 0,
    orders_unchanged INTEGER       NOT NULL DEFAULT 0,
    rejected         TEXT          NOT NULL DEFAULT '',
    message          VARCHAR(500),
    created_at       TIMESTAMPTZ   NOT NULL,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX orders_import_job_shop_idx ON orders_import_job (shop_id, created_at DESC);

CREATE TABLE orders_import_file
(
    job_id   UUID         NOT NULL REFERENCES orders_import_job (id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    name     VARCHAR(200) NOT NULL,
    content  BYTEA        NOT NULL,
    PRIMARY KEY (job_id, position)
);
