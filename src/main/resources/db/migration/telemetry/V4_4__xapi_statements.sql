-- xAPI statements as received (an LRS keeps them), with the learning record each became, if any.
-- The statement id is the idempotency key: the same id with different content is a conflict.
CREATE TABLE telemetry_xapi_statement (
    statement_id        VARCHAR(36)   PRIMARY KEY,
    content_hash        VARCHAR(64)   NOT NULL,
    verb                VARCHAR(500)  NOT NULL,
    actor_ref           VARCHAR(500),
    person_id           BIGINT,
    learning_record_id  BIGINT,
    statement           TEXT          NOT NULL,
    batch_id            BIGINT        NOT NULL,
    stored_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX telemetry_xapi_statement_person_ix ON telemetry_xapi_statement (person_id);
