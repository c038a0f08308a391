-- catalog: categories (reference data, two levels), products with photos and
-- certifications, SKUs, platform listings, stock per SKU and location with adjustments and
-- reservations, batches (lots) with their supplying households and trace codes.
CREATE TABLE catalog_category
(
    code        VARCHAR(40)  PRIMARY KEY,
    parent_code VARCHAR(40)  REFERENCES catalog_category (code),
    position    INTEGER      NOT NULL,
    name_zh     VARCHAR(40)  NOT NULL,
    name_en     VARCHAR(60)  NOT NULL,
    name_fr     VARCHAR(60)  NOT NULL
);

CREATE TABLE catalog_product
(
    id              UUID         PRIMARY KEY,
    county_code     CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    organisation_id UUID         NOT NULL,
    category_code   VARCHAR(40)  NOT NULL REFERENCES catalog_category (code),
    name_zh         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(150),
    name_fr         VARCHAR(150),
    description     VARCHAR(4000),
    origin_village_id UUID,
    shelf_life_days INTEGER      CHECK (shelf_life_days > 0),
    storage         TEXT         NOT NULL CHECK (storage IN ('AMBIENT', 'CHILLED', 'FROZEN')),
    created_at      TIMESTAMPTZ  NOT NULL,
    version         INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX catalog_product_organisation_idx ON catalog_product (organisation_id);
CREATE INDEX catalog_product_county_idx ON catalog_product (county_code, category_code);

CREATE TABLE catalog_certification
(
    product_id  UUID        NOT NULL REFERENCES catalog_product (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('GREEN_FOOD', 'ORGANIC', 'GEOGRAPHICAL_INDICATION', 'POLLUTION_FREE', 'OTHER')),
    number      VARCHAR(64) NOT NULL,
    valid_from  DATE,
    valid_until DATE,
    PRIMARY KEY (product_id, position),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);

CREATE TABLE catalog_photo
(
    id           UUID        PRIMARY KEY,
    product_id   UUID        NOT NULL REFERENCES catalog_product (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    content_type VARCHAR(40) NOT NULL,
    width        INTEGER     NOT NULL,
    height       INTEGER     NOT NULL,
    image        BYTEA       NOT NULL,
    thumbnail    BYTEA       NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX catalog_photo_product_idx ON catalog_photo (product_id, position);

CREATE TABLE catalog_sku
(
    id              UUID          PRIMARY KEY,
    product_id      UUID          NOT NULL REFERENCES catalog_product (id),
    county_code     CHAR(6)       NOT NULL,
    organisation_id UUID          NOT NULL,
    specification   VARCHAR(100)  NOT NULL,
    unit            TEXT          NOT NULL CHECK (unit IN ('KG', 'JIN', 'G', 'PORTION', 'BOX', 'BOTTLE', 'PIECE')),
    quantity        NUMERIC(10,3) NOT NULL CHECK (quantity > 0),
    net_weight_grams INTEGER      CHECK (net_weight_grams > 0),
    price           NUMERIC(14,2) NOT NULL CHECK (price >= 0),
    barcode         VARCHAR(14),
    merchant_code   VARCHAR(64),
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT catalog_sku_merchant_code_uq UNIQUE (organisation_id, merchant_code)
);
CREATE INDEX catalog_sku_product_idx ON catalog_sku (product_id);

CREATE TABLE catalog_listing
(
    id               UUID         PRIMARY KEY,
    county_code      CHAR(6)      NOT NULL,
    organisation_id  UUID         NOT NULL,
    sku_id           UUID         NOT NULL REFERENCES catalog_sku (id),
    shop_id          UUID         NOT NULL,
    platform         TEXT         NOT NULL,
    platform_item_id VARCHAR(64)  NOT NULL,
    platform_sku_id  VARCHAR(64)  NOT NULL DEFAULT '',
    merchant_code    VARCHAR(64),
    title            VARCHAR(200) NOT NULL,
    version          INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT catalog_listing_item_uq UNIQUE (shop_id, platform_item_id, platform_sku_id)
);
CREATE INDEX catalog_listing_sku_idx ON catalog_listing (sku_id);
CREATE INDEX catalog_listing_shop_code_idx ON catalog_listing (shop_id, merchant_code);

-- on hand and reserved are whole SKU units; available = on_hand - reserved never below 0
CREATE TABLE catalog_stock
(
    sku_id           UUID        NOT NULL REFERENCES catalog_sku (id),
    location_kind    TEXT        NOT NULL CHECK (location_kind IN ('WAREHOUSE', 'STATION')),
    location_id      UUID        NOT NULL,
    county_code      CHAR(6)     NOT NULL,
    organisation_id  UUID        NOT NULL,
    on_hand          INTEGER     NOT NULL CHECK (on_hand >= 0),
    reserved         INTEGER     NOT NULL CHECK (reserved >= 0),
    low_threshold    INTEGER     NOT NULL DEFAULT 0 CHECK (low_threshold >= 0),
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sku_id, location_kind, location_id),
    CHECK (reserved <= on_hand)
);
CREATE INDEX catalog_stock_organisation_idx ON catalog_stock (organisation_id);

CREATE TABLE catalog_stock_adjustment
(
    id            UUID         PRIMARY KEY,
    sku_id        UUID         NOT NULL,
    location_kind TEXT         NOT NULL,
    location_id   UUID         NOT NULL,
    delta         INTEGER      NOT NULL CHECK (delta <> 0),
    on_hand_after INTEGER      NOT NULL,
    reason        TEXT         NOT NULL CHECK (reason IN ('RECEIVED', 'COUNTED', 'DAMAGED', 'EXPIRED', 'RETURNED', 'SHIPPED', 'OTHER')),
    note          VARCHAR(200),
    actor         VARCHAR(64)  NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX catalog_stock_adjustment_sku_idx ON catalog_stock_adjustment (sku_id, occurred_at DESC);

CREATE TABLE catalog_reservation
(
    id            UUID         PRIMARY KEY,
    sku_id        UUID         NOT NULL,
    location_kind TEXT         NOT NULL,
    location_id   UUID         NOT NULL,
    organisation_id UUID       NOT NULL,
    quantity      INTEGER      NOT NULL CHECK (quantity > 0),
    order_line    VARCHAR(120) NOT NULL UNIQUE,
    state         TEXT         NOT NULL CHECK (state IN ('HELD', 'RELEASED', 'COMMITTED')),
    created_at    TIMESTAMPTZ  NOT NULL,
    settled_at    TIMESTAMPTZ
);
CREATE INDEX catalog_reservation_sku_idx ON catalog_reservation (sku_id, state);

CREATE TABLE catalog_trace_serial
(
    county_code CHAR(6) NOT NULL,
    year        INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    PRIMARY KEY (county_code, year)
);

CREATE TABLE catalog_batch
(
    id              UUID          PRIMARY KEY,
    county_code     CHAR(6)       NOT NULL,
    organisation_id UUID          NOT NULL,
    product_id      UUID          NOT NULL REFERENCES catalog_product (id),
    trace_code      VARCHAR(24)   NOT NULL UNIQUE,
    produced_on     DATE          NOT NULL,
    harvested_on    DATE,
    quantity        NUMERIC(12,3) NOT NULL CHECK (quantity > 0),
    unit            TEXT          NOT NULL CHECK (unit IN ('KG', 'JIN', 'G', 'PORTION', 'BOX', 'BOTTLE', 'PIECE')),
    village_id      UUID,
    note            VARCHAR(500),
    created_at      TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX catalog_batch_product_idx ON catalog_batch (product_id, produced_on DESC);
CREATE INDEX catalog_batch_organisation_idx ON catalog_batch (organisation_id);

CREATE TABLE catalog_batch_supplier
(
    batch_id     UUID          NOT NULL REFERENCES catalog_batch (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    household_id UUID          NOT NULL,
    quantity     NUMERIC(12,3) NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (batch_id, position)
);
