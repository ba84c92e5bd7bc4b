-- Usage events are unique by (source, event_id, event_day), as on PostgreSQL, where the key must
-- hold the day that partitions the table (migration-postgresql/V4_14): a re-sent event carries its
-- own time and is still a duplicate; an id reused on another day is another event, on every database.
ALTER TABLE telemetry_usage_event DROP CONSTRAINT telemetry_usage_event_uk;
ALTER TABLE telemetry_usage_event ADD CONSTRAINT telemetry_usage_event_uk UNIQUE (source, event_id, event_day);
