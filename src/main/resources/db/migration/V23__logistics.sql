-- logistics: the county's service stations, vans, carriers' rates, shipments (parcels)
-- of paid orders with their tracking events, inbound deliveries of goods to village
-- shops, and the daily pickup-and-delivery runs planned over them.

CREATE TABLE logistics_station
(
    id             UUID         PRIMARY KEY,
    county_code    CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    code           VARCHAR(20)  NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
    kind           TEXT         NOT NULL CHECK (kind IN ('VILLAGE_POINT', 'TOWNSHIP_STATION', 'COUNTY_HUB')),
    name           VARCHAR(60)  NOT NULL,
    address        VARCHAR(200),
    latitude       NUMERIC(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude      NUMERIC(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    opens          TIME         NOT NULL,
    closes         TIME         NOT NULL CHECK (closes > opens),
    contact_name   VARCHAR(40),
    contact_phone  VARCHAR(20),
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT logistics_station_code_uq UNIQUE (county_code, code)
);
-- at most one county hub per county
CREATE UNIQUE INDEX logistics_station_hub_uq ON logistics_station (county_code) WHERE kind = 'COUNTY_HUB';

CREATE TABLE logistics_station_village
(
    station_id  UUID NOT NULL REFERENCES logistics_station (id) ON DELETE CASCADE,
    village_id  UUID NOT NULL,
    PRIMARY KEY (station_id, village_id)
);

CREATE TABLE logistics_vehicle
(
    id           UUID         PRIMARY KEY,
    county_code  CHAR(6)      NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    name         VARCHAR(40)  NOT NULL,
    plate        VARCHAR(12),
    capacity_kg  INTEGER      NOT NULL CHECK (capacity_kg BETWEEN 1 AND 50000),
    shift_start  TIME         NOT NULL,
    shift_end    TIME         NOT NULL CHECK (shift_end > shift_start),
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    version      INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT logistics_vehicle_name_uq UNIQUE (county_code, name)
);

CREATE TABLE logistics_rate
(
    county_code    CHAR(6)     NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    carrier        TEXT        NOT NULL,
    province_code  VARCHAR(6)  NOT NULL CHECK (province_code = '*' OR province_code ~ '^[0-9]{2}0000$'),
    first_grams    INTEGER     NOT NULL CHECK (first_grams > 0),
    first_fen      BIGINT      NOT NULL CHECK (first_fen >= 0),
    step_grams     INTEGER     NOT NULL CHECK (step_grams > 0),
    step_fen       BIGINT      NOT NULL CHECK (step_fen >= 0),
    PRIMARY KEY (county_code, carrier, province_code)
);

CREATE TABLE logistics_shipment
(
    id                 UUID          PRIMARY KEY,
    county_code        CHAR(6)       NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    organisation_id    UUID          NOT NULL,
    shop_id            UUID          NOT NULL,
    platform           TEXT          NOT NULL,
    origin_station_id  UUID          REFERENCES logistics_station (id),
    recipient_name     VARCHAR(100),
    recipient_phone    VARCHAR(40),
    address            VARCHAR(500),
    province_code      CHAR(6),
    destination_code   CHAR(6),
    weight_grams       INTEGER       NOT NULL CHECK (weight_grams BETWEEN 1 AND 100000000),
    length_cm          INTEGER       CHECK (length_cm BETWEEN 1 AND 1000),
    width_cm           INTEGER       CHECK (width_cm BETWEEN 1 AND 1000),
    height_cm          INTEGER       CHECK (height_cm BETWEEN 1 AND 1000),
    carrier            TEXT          NOT NULL,
    tracking_no        VARCHAR(40)   NOT NULL CHECK (tracking_no ~ '^[A-Z0-9]{6,40}$'),
    cost_fen           BIGINT        CHECK (cost_fen >= 0),
    status             TEXT          NOT NULL CHECK (status IN ('PACKED', 'SHIPPED', 'DELIVERED', 'RETURNED', 'CANCELLED')),
    tracking_state     TEXT,
    last_event_at      TIMESTAMPTZ,
    created_at         TIMESTAMPTZ   NOT NULL,
    created_by         VARCHAR(60)   NOT NULL,
    shipped_at         TIMESTAMPTZ,
    delivered_at       TIMESTAMPTZ,
    version            INTEGER       NOT NULL DEFAULT 0
);
-- a waybill number names one live parcel of a carrier
CREATE UNIQUE INDEX logistics_shipment_tracking_uq ON logistics_shipment (carrier, tracking_no) WHERE status <> 'CANCELLED';
CREATE INDEX logistics_shipment_tracking_idx ON logistics_shipment (tracking_no);
CREATE INDEX logistics_shipment_org_idx ON logistics_shipment (organisation_id, created_at DESC);
CREATE INDEX logistics_shipment_county_idx ON logistics_shipment (county_code, status, created_at DESC);
CREATE INDEX logistics_shipment_station_idx ON logistics_shipment (origin_station_id, status);

CREATE TABLE logistics_shipment_item
(
    shipment_id  UUID         NOT NULL REFERENCES logistics_shipment (id) ON DELETE CASCADE,
    order_id     UUID         NOT NULL,
    line_key     VARCHAR(100) NOT NULL,
    quantity     INTEGER      NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_id, line_key)
);
CREATE INDEX logistics_shipment_item_order_idx ON logistics_shipment_item (order_id);

CREATE TABLE logistics_tracking_event
(
    id           UUID          PRIMARY KEY,
    county_code  CHAR(6)       NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    shipment_id  UUID          REFERENCES logistics_shipment (id),
    carrier      TEXT,
    tracking_no  VARCHAR(40)   NOT NULL,
    state        TEXT          NOT NULL CHECK (state IN ('RECEIVED_AT_VILLAGE_POINT', 'AT_TOWNSHIP_STATION', 'AT_COUNTY_HUB', 'HANDED_TO_CARRIER', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'RETURNED', 'REFUSED')),
    raw_state    VARCHAR(40),
    occurred_at  TIMESTAMPTZ   NOT NULL,
    station_id   UUID          REFERENCES logistics_station (id),
    location     VARCHAR(200),
    source       TEXT          NOT NULL CHECK (source IN ('CARRIER', 'SCAN')),
    recorded_at  TIMESTAMPTZ   NOT NULL,
    recorded_by  VARCHAR(60),
    -- the same event pushed twice is one event
    CONSTRAINT logistics_tracking_event_uq UNIQUE (tracking_no, state, occurred_at)
);
CREATE INDEX logistics_tracking_event_shipment_idx ON logistics_tracking_event (shipment_id, occurred_at);
CREATE INDEX logistics_tracking_event_unmatched_idx ON logistics_tracking_event (county_code, tracking_no) WHERE shipment_id IS NULL;
CREATE INDEX logistics_tracking_event_station_idx ON logistics_tracking_event (station_id, occurred_at);

CREATE TABLE logistics_inbound
(
    id            UUID          PRIMARY KEY,
    county_code   CHAR(6)       NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    station_id    UUID          NOT NULL REFERENCES logistics_station (id),
    receiver      VARCHAR(60)   NOT NULL,
    description   VARCHAR(120)  NOT NULL,
    weight_grams  INTEGER       NOT NULL CHECK (weight_grams BETWEEN 1 AND 100000000),
    due_date      DATE          NOT NULL,
    status        TEXT          NOT NULL CHECK (status IN ('WAITING', 'DELIVERED')),
    created_at    TIMESTAMPTZ   NOT NULL,
    delivered_at  TIMESTAMPTZ
);
CREATE INDEX logistics_inbound_station_idx ON logistics_inbound (station_id, status, due_date);

CREATE TABLE logistics_distance
(
    county_code      CHAR(6)       NOT NULL,
    from_station_id  UUID          NOT NULL REFERENCES logistics_station (id) ON DELETE CASCADE,
    to_station_id    UUID          NOT NULL REFERENCES logistics_station (id) ON DELETE CASCADE,
    km               NUMERIC(8, 2) NOT NULL CHECK (km >= 0),
    minutes          NUMERIC(8, 1) NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (county_code, from_station_id, to_station_id)
);

CREATE TABLE logistics_run
(
    id               UUID          PRIMARY KEY,
    county_code      CHAR(6)       NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    run_date         DATE          NOT NULL,
    planned_at       TIMESTAMPTZ   NOT NULL,
    planned_by       VARCHAR(60)   NOT NULL,
    distance_km      NUMERIC(10, 2) NOT NULL,
    distances        TEXT          NOT NULL CHECK (distances IN ('GREAT_CIRCLE', 'MATRIX')),
    road_factor      NUMERIC(4, 2) NOT NULL,
    CONSTRAINT logistics_run_day_uq UNIQUE (county_code, run_date)
);

CREATE TABLE logistics_run_vehicle
(
    run_id         UUID          NOT NULL REFERENCES logistics_run (id) ON DELETE CASCADE,
    vehicle_id     UUID          NOT NULL REFERENCES logistics_vehicle (id),
    distance_km    NUMERIC(10, 2) NOT NULL,
    start_minute   INTEGER       NOT NULL,
    end_minute     INTEGER       NOT NULL,
    load_at_start  INTEGER       NOT NULL,
    PRIMARY KEY (run_id, vehicle_id)
);

CREATE TABLE logistics_run_stop
(
    run_id          UUID          NOT NULL REFERENCES logistics_run (id) ON DELETE CASCADE,
    vehicle_id      UUID          NOT NULL,
    position        INTEGER       NOT NULL,
    station_id      UUID          NOT NULL REFERENCES logistics_station (id),
    arrival_minute  INTEGER       NOT NULL,
    departure_minute INTEGER      NOT NULL,
    pickup_kg       INTEGER       NOT NULL,
    delivery_kg     INTEGER       NOT NULL,
    load_after_kg   INTEGER       NOT NULL,
    PRIMARY KEY (run_id, vehicle_id, position)
);

CREATE TABLE logistics_run_unplanned
(
    run_id      UUID          NOT NULL REFERENCES logistics_run (id) ON DELETE CASCADE,
    station_id  UUID          NOT NULL REFERENCES logistics_station (id),
    direction   TEXT          NOT NULL CHECK (direction IN ('PICKUP', 'DELIVERY')),
    kg          INTEGER       NOT NULL,
    reason      VARCHAR(40)   NOT NULL
);
