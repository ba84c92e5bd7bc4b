-- The rollup rows of the batches being rolled up, grouped once from the events and then added to
-- the daily rollups, the active months and the daily slices (which each scanned the events again).
-- Filled and emptied within one rollup transaction, under the rollup lock, so never shared.
CREATE TABLE telemetry_rollup_stage (
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
