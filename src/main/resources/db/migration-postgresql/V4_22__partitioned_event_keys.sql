-- The ClickHouse event store's keys (V4_21) in monthly partitions by source, as the events
-- themselves are on PostgreSQL (V4_14): retention drops a source's month of keys with its month
-- of events in ClickHouse instead of deleting rows one by one (docs/scaling.md). The application
-- creates the months on demand (telemetry.internal.EventKeyPartitions). Existing keys are moved.
ALTER TABLE telemetry_event_key DROP CONSTRAINT telemetry_event_key_pk;
ALTER TABLE telemetry_event_key RENAME TO telemetry_event_key_unpartitioned;

CREATE TABLE telemetry_event_key (
    source          VARCHAR(20)   NOT NULL,
    event_id        VARCHAR(200)  NOT NULL,
    event_day       DATE          NOT NULL,
    batch_id        BIGINT        NOT NULL
) PARTITION BY LIST (source);

DO $$
DECLARE
    m RECORD;
    source_table TEXT;
BEGIN
    FOR m IN SELECT DISTINCT source, CAST(date_trunc('month', event_day) AS DATE) AS first_day
             FROM telemetry_event_key_unpartitioned LOOP
        source_table := 'telemetry_event_key_' || lower(m.source);
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF telemetry_event_key FOR VALUES IN (%L) '
                       || 'PARTITION BY RANGE (event_day)', source_table, m.source);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       source_table || '_' || to_char(m.first_day, 'YYYYMM'), source_table,
                       m.first_day, CAST(m.first_day + INTERVAL '1 month' AS DATE));
    END LOOP;
END $$;

INSERT INTO telemetry_event_key SELECT * FROM telemetry_event_key_unpartitioned;
DROP TABLE telemetry_event_key_unpartitioned;
ALTER TABLE telemetry_event_key ADD CONSTRAINT telemetry_event_key_pk PRIMARY KEY (source, event_id, event_day);
