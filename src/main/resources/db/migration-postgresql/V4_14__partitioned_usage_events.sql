-- Raw usage events in native declarative partitions, on PostgreSQL: one list partition per source,
-- each in monthly range partitions of event_day (telemetry_usage_event_<source>_<yyyymm>). The
-- retention (pitwall.telemetry.retention.*, a period per source) drops a source's whole months
-- instead of deleting rows, and queries of a range of days read only its months. The application
-- creates the months ahead and on demand (telemetry.internal.UsageEventPartitions).
--
-- A unique key of a partitioned table must hold its partition keys: events are unique by
-- (source, event_id, event_day). A re-sent event carries its own time, so it is still a duplicate;
-- an id reused on another day is another event (ClickHouse's ReplacingMergeTree draws the same line).
-- No primary key or index on id: rows are found and paged through (re-attribution) by the unique
-- key, and every index is paid for by each event ingested (docs/scaling.md).
--
-- An existing table is moved: its rows keep their ids, the sequence continues after the highest.
DROP INDEX telemetry_usage_event_time_ix;
DROP INDEX telemetry_usage_event_person_ix;
DROP INDEX telemetry_usage_event_workflow_ix;
DROP INDEX telemetry_usage_event_system_ix;
DROP INDEX telemetry_usage_event_batch_ix;
ALTER TABLE telemetry_usage_event DROP CONSTRAINT telemetry_usage_event_uk;
ALTER TABLE telemetry_usage_event RENAME TO telemetry_usage_event_unpartitioned;

CREATE SEQUENCE telemetry_usage_event_row_seq;
SELECT setval('telemetry_usage_event_row_seq',
              COALESCE((SELECT MAX(id) FROM telemetry_usage_event_unpartitioned), 0) + 1, false);

CREATE TABLE telemetry_usage_event (
    id              BIGINT        NOT NULL DEFAULT nextval('telemetry_usage_event_row_seq'),
    source          VARCHAR(20)   NOT NULL,
    event_id        VARCHAR(200)  NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    event_day       DATE          NOT NULL,
    person_id       BIGINT,
    person_ref      VARCHAR(320),
    system_id       BIGINT,
    workflow_id     BIGINT,
    operation       VARCHAR(100),
    model           VARCHAR(200),
    input_tokens    BIGINT,
    output_tokens   BIGINT,
    cost            NUMERIC(18, 6),
    latency_ms      BIGINT,
    error           BOOLEAN       NOT NULL,
    outcome         VARCHAR(12)   NOT NULL,
    attributes      TEXT,
    attribution     VARCHAR(12)   NOT NULL,
    rule_id         BIGINT,
    batch_id        BIGINT        NOT NULL,
    ingested_at     TIMESTAMP WITH TIME ZONE NOT NULL
) PARTITION BY LIST (source);
ALTER SEQUENCE telemetry_usage_event_row_seq OWNED BY telemetry_usage_event.id;

-- The months that hold rows now; later ones are the application's.
DO $$
DECLARE
    m RECORD;
    source_table TEXT;
BEGIN
    FOR m IN SELECT DISTINCT source, CAST(date_trunc('month', event_day) AS DATE) AS first_day
             FROM telemetry_usage_event_unpartitioned LOOP
        source_table := 'telemetry_usage_event_' || lower(m.source);
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF telemetry_usage_event FOR VALUES IN (%L) '
                       || 'PARTITION BY RANGE (event_day)', source_table, m.source);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       source_table || '_' || to_char(m.first_day, 'YYYYMM'), source_table,
                       m.first_day, CAST(m.first_day + INTERVAL '1 month' AS DATE));
    END LOOP;
END $$;

INSERT INTO telemetry_usage_event SELECT * FROM telemetry_usage_event_unpartitioned;
DROP TABLE telemetry_usage_event_unpartitioned;

-- Built after the rows are in (faster than keeping them up row by row); each partition gets its own.
ALTER TABLE telemetry_usage_event ADD CONSTRAINT telemetry_usage_event_uk UNIQUE (source, event_id, event_day);
CREATE INDEX telemetry_usage_event_time_ix ON telemetry_usage_event (occurred_at);
CREATE INDEX telemetry_usage_event_person_ix ON telemetry_usage_event (person_id, event_day);
CREATE INDEX telemetry_usage_event_workflow_ix ON telemetry_usage_event (workflow_id, event_day);
CREATE INDEX telemetry_usage_event_system_ix ON telemetry_usage_event (system_id, event_day);
CREATE INDEX telemetry_usage_event_batch_ix ON telemetry_usage_event (batch_id);

