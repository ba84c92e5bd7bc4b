-- The ClickHouse store's rollup rows waiting for the rollup worker: one database row per batch
-- (and per re-attribution of it), its rollup rows as CSV text, instead of one row per rollup row,
-- which in a large organization meant one more written and deleted row per event
-- (docs/scaling.md). Rows waiting at the upgrade are kept: each becomes a one-line CSV text.
CREATE TABLE telemetry_batch_rollup_text (
    batch_id    BIGINT NOT NULL,
    rollup_rows TEXT   NOT NULL
);
INSERT INTO telemetry_batch_rollup_text (batch_id, rollup_rows)
SELECT batch_id,
       CAST(event_day AS VARCHAR(10)) || ',' || CAST(person_id AS VARCHAR(20)) || ',"'
           || REPLACE(person_ref, '"', '""') || '",' || CAST(system_id AS VARCHAR(20)) || ','
           || CAST(workflow_id AS VARCHAR(20)) || ',' || CAST(events AS VARCHAR(20)) || ','
           || CAST(input_tokens AS VARCHAR(20)) || ',' || CAST(output_tokens AS VARCHAR(20)) || ','
           || CAST(cost AS VARCHAR(40)) || ',' || CAST(errors AS VARCHAR(20)) || ','
           || CAST(latency_ms AS VARCHAR(20)) || ',' || CAST(timed_events AS VARCHAR(20)) || ','
           || CAST(accepted AS VARCHAR(20)) || ',' || CAST(edited AS VARCHAR(20)) || ','
           || CAST(overridden AS VARCHAR(20)) || ',' || CAST(rejected AS VARCHAR(20)) || ','
           || CAST(unknown_outcome AS VARCHAR(20))
FROM telemetry_batch_rollup;
DROP TABLE telemetry_batch_rollup;
ALTER TABLE telemetry_batch_rollup_text RENAME TO telemetry_batch_rollup;
CREATE INDEX telemetry_batch_rollup_batch_ix ON telemetry_batch_rollup (batch_id);
