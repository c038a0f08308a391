-- statistics: the monthly county e-commerce reports, produced in the background. A row is
-- the request (who, which area and month, in which language), its progress, and once done
-- the PDF and the workbook to download. An area is a county or a city (code ending in 00);
-- a merchant's report covers its organisation only.
CREATE TABLE statistics_report
(
    id              UUID        PRIMARY KEY,
    area_code       CHAR(6)     NOT NULL,
    organisation_id UUID,
    month           CHAR(7)     NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    locale          VARCHAR(16) NOT NULL,
    requested_by    UUID        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    status          TEXT        NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress        SMALLINT    NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    finished_at     TIMESTAMPTZ,
    pdf             BYTEA,
    xlsx            BYTEA,
    message         TEXT,
    CHECK (status <> 'DONE' OR (pdf IS NOT NULL AND xlsx IS NOT NULL AND progress = 100))
);
CREATE INDEX statistics_report_requester_idx ON statistics_report (requested_by, requested_at DESC);
CREATE INDEX statistics_report_status_idx ON statistics_report (status) WHERE status IN ('QUEUED', 'RUNNING');
