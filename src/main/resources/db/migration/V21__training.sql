-- training: the county's e-commerce training centre. Courses with their trainers and
-- materials, sessions with a room and a capacity, trainees known by their (verified) phone
-- number, enrolments with a waiting list, attendance (QR check-in or the trainer's list),
-- scores and certificates with a public verification code, and named cohorts.
CREATE TABLE training_course
(
    id          UUID          PRIMARY KEY,
    county_code CHAR(6)       NOT NULL,
    title       VARCHAR(120)  NOT NULL,
    topic       TEXT          NOT NULL CHECK (topic IN ('PRODUCT_PRESENTATION', 'COMMUNICATION_PR', 'MARKET_RESEARCH',
                                  'ONLINE_PRODUCT_DEVELOPMENT', 'BRANDING', 'MARKETING_PLANNING', 'LIVE_STREAMING',
                                  'CUSTOMER_SERVICE', 'PRODUCT_PHOTOGRAPHY')),
    level       TEXT          NOT NULL CHECK (level IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    hours       NUMERIC(4,1)  NOT NULL CHECK (hours > 0),
    description VARCHAR(2000),
    trainers    VARCHAR(500)  NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ   NOT NULL,
    version     INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX training_course_county_idx ON training_course (county_code, title);

CREATE TABLE training_material
(
    id           UUID         PRIMARY KEY,
    course_id    UUID         NOT NULL REFERENCES training_course (id),
    name         VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX training_material_course_idx ON training_material (course_id);

CREATE TABLE training_session
(
    id             UUID         PRIMARY KEY,
    county_code    CHAR(6)      NOT NULL,
    course_id      UUID         NOT NULL REFERENCES training_course (id),
    starts_at      TIMESTAMPTZ  NOT NULL,
    ends_at        TIMESTAMPTZ  NOT NULL,
    place          VARCHAR(200) NOT NULL,
    capacity       INTEGER      NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    trainer        VARCHAR(64),
    check_in_token VARCHAR(40)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    version        INTEGER      NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX training_session_county_idx ON training_session (county_code, starts_at);
CREATE INDEX training_session_trainer_idx ON training_session (trainer, starts_at);

-- a trainee is a person known by a phone number in the county (verified by a code when
-- they enrol themselves), linked to the registry's entrepreneur once they sell
CREATE TABLE training_trainee
(
    id              UUID         PRIMARY KEY,
    county_code     CHAR(6)      NOT NULL,
    name            VARCHAR(50)  NOT NULL,
    phone           VARCHAR(20)  NOT NULL,
    entrepreneur_id UUID,
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT training_trainee_phone_uq UNIQUE (county_code, phone)
);

CREATE TABLE training_enrolment
(
    id             UUID          PRIMARY KEY,
    session_id     UUID          NOT NULL REFERENCES training_session (id),
    trainee_id     UUID          NOT NULL REFERENCES training_trainee (id),
    county_code    CHAR(6)       NOT NULL,
    status         TEXT          NOT NULL CHECK (status IN ('ENROLLED', 'WAITING', 'CANCELLED')),
    queued_at      TIMESTAMPTZ   NOT NULL,
    enrolled_by    TEXT          NOT NULL CHECK (enrolled_by IN ('SELF', 'OPERATOR')),
    promoted_at    TIMESTAMPTZ,
    cancelled_at   TIMESTAMPTZ,
    checked_in_at  TIMESTAMPTZ,
    check_in       TEXT          CHECK (check_in IN ('QR', 'TRAINER')),
    score          NUMERIC(4,1)  CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT training_enrolment_uq UNIQUE (session_id, trainee_id),
    CHECK ((checked_in_at IS NULL) = (check_in IS NULL)),
    CHECK (checked_in_at IS NULL OR status = 'ENROLLED')
);
CREATE INDEX training_enrolment_trainee_idx ON training_enrolment (trainee_id);
CREATE INDEX training_enrolment_attended_idx ON training_enrolment (county_code, checked_in_at) WHERE checked_in_at IS NOT NULL;

CREATE TABLE training_certificate
(
    code          VARCHAR(20)   PRIMARY KEY,
    enrolment_id  UUID          NOT NULL UNIQUE REFERENCES training_enrolment (id),
    trainee_id    UUID          NOT NULL REFERENCES training_trainee (id),
    county_code   CHAR(6)       NOT NULL,
    course_title  VARCHAR(120)  NOT NULL,
    hours         NUMERIC(4,1)  NOT NULL,
    score         NUMERIC(4,1)  NOT NULL,
    session_date  DATE          NOT NULL,
    issued_at     TIMESTAMPTZ   NOT NULL,
    issued_by     VARCHAR(64)   NOT NULL
);
CREATE INDEX training_certificate_trainee_idx ON training_certificate (trainee_id);

-- one-time codes that prove a phone number: kept as a digest, a few tries each
CREATE TABLE training_phone_code
(
    id          UUID        PRIMARY KEY,
    county_code CHAR(6)     NOT NULL,
    phone       VARCHAR(20) NOT NULL,
    digest      CHAR(64)    NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    attempts    INTEGER     NOT NULL DEFAULT 0,
    used        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX training_phone_code_phone_idx ON training_phone_code (county_code, phone, created_at DESC);

CREATE TABLE training_cohort
(
    id          UUID          PRIMARY KEY,
    county_code CHAR(6)       NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(1000),
    created_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT training_cohort_name_uq UNIQUE (county_code, name)
);

CREATE TABLE training_cohort_member
(
    cohort_id  UUID NOT NULL REFERENCES training_cohort (id),
    trainee_id UUID NOT NULL REFERENCES training_trainee (id),
    PRIMARY KEY (cohort_id, trainee_id)
);
