-- The append-only, hash-chained audit log. Each entry's hash is the SHA-256 of its canonical
-- form, which includes the previous entry's hash; the head row holds the end of the chain and is
-- locked while appending so that concurrent writers (also on several nodes) extend it in order.
CREATE TABLE platform_audit_entry (
    sequence        BIGINT       PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    entity_type     VARCHAR(100) NOT NULL,
    entity_id       VARCHAR(200) NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    before_state    TEXT,
    after_state     TEXT,
    previous_hash   CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);
CREATE INDEX platform_audit_entry_entity_ix ON platform_audit_entry (entity_type, entity_id);
CREATE INDEX platform_audit_entry_actor_ix ON platform_audit_entry (actor);
CREATE INDEX platform_audit_entry_time_ix ON platform_audit_entry (occurred_at);

CREATE TABLE platform_audit_head (
    id              INT          PRIMARY KEY,
    last_sequence   BIGINT       NOT NULL,
    last_hash       CHAR(64)     NOT NULL
);
INSERT INTO platform_audit_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
