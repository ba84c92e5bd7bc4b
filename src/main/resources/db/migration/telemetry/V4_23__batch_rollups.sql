-- The ClickHouse event store's rollup rows of each batch, grouped from its events as they are
-- stored (in the batch's transaction) and moved into the rollup stage when the rollup worker takes
-- the batch: the worker never reads raw events back from ClickHouse, whose table is ordered by
-- event key, not by batch (docs/scaling.md, "The ClickHouse event store"). Empty with the
-- database store, whose worker reads its batches' events by the batch index.
CREATE TABLE telemetry_batch_rollup (
    batch_id        BIGINT        NOT NULL,
    event_day       DATE          NOT NULL,
    person_id       BIGINT        NOT NULL,
    person_ref      VARCHAR(320)  NOT NULL,
    system_id       BIGINT        NOT NULL,
    workflow_id     BIGINT        NOT NULL,
    events          BIGINT        NOT NULL,
    input_tokens    BIGINT        NOT NULL,
    output_tokens   BIGINT        NOT NULL,
    cost            NUMERIC(18, 6) NOT NULL,
    errors          BIGINT        NOT NULL,
    latency_ms      BIGINT        NOT NULL,
    timed_events    BIGINT        NOT NULL,
    accepted        BIGINT        NOT NULL,
    edited          BIGINT        NOT NULL,
    overridden      BIGINT        NOT NULL,
    rejected        BIGINT        NOT NULL,
    unknown_outcome BIGINT        NOT NULL
);
CREATE INDEX telemetry_batch_rollup_batch_ix ON telemetry_batch_rollup (batch_id);
