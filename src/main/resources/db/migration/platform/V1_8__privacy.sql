-- The secret key behind people's pseudonyms (HMAC-SHA256 of a person's id): one row, made on
-- first use and shared by every node, so a person's pseudonym is the same everywhere and always.
CREATE TABLE platform_pseudonym_key (
    id         INT          NOT NULL PRIMARY KEY,
    secret     VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT platform_pseudonym_key_one CHECK (id = 1)
);
