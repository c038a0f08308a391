-- registry: the documents an organisation's admission application rests on (their
-- details: kind, number, issuer, validity), kept with who added them and when.
CREATE TABLE registry_admission_document
(
    organisation_id UUID         NOT NULL REFERENCES registry_organisation (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    kind            TEXT         NOT NULL CHECK (kind IN ('BUSINESS_LICENCE', 'FOOD_PRODUCTION_LICENCE',
                                                          'FOOD_BUSINESS_LICENCE', 'LEGAL_REPRESENTATIVE_ID',
                                                          'TRADEMARK_REGISTRATION', 'QUALITY_CERTIFICATE', 'OTHER')),
    number          VARCHAR(64)  NOT NULL,
    issuer          VARCHAR(100),
    valid_until     DATE,
    added_by        VARCHAR(64)  NOT NULL,
    added_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organisation_id, position)
);
