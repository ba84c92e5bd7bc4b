-- The organization Pitwall runs for: its name and the currency of every money figure (ISO 4217).
CREATE TABLE platform_organization (
    id              INT          PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    currency        CHAR(3)      NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT platform_organization_one_ck CHECK (id = 1)
);
INSERT INTO platform_organization (id, name, currency, updated_at) VALUES (1, 'Our organization', 'EUR', CURRENT_TIMESTAMP);
