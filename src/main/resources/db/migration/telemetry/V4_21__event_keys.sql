-- The ClickHouse event store's ledger (docs/scaling.md, "The ClickHouse event store"): with
-- pitwall.telemetry.store=clickhouse the events themselves are kept in ClickHouse, and only their
-- keys here, so that de-duplication stays exact (a unique key in the writing transaction) where
-- ClickHouse de-duplicates only eventually. Empty with the database store.
CREATE TABLE telemetry_event_key (
    source          VARCHAR(20)   NOT NULL,
    event_id        VARCHAR(200)  NOT NULL,
    event_day       DATE          NOT NULL,
    batch_id        BIGINT        NOT NULL,
    CONSTRAINT telemetry_event_key_pk PRIMARY KEY (source, event_id, event_day)
);
