-- A counter of rollup changes: the usage version scorecards are cached by. It moves only when a
-- run added batches or rebuilt days, never on an idle sweep (a timestamp of every run did).
ALTER TABLE telemetry_rollup_lock ADD COLUMN changes BIGINT NOT NULL DEFAULT 0;
