-- The Kafka write path: an ingestion request's batch counts the events it handed to the brokers
-- (queued); the store writers' own batches count what was stored (accepted) and what was stored
-- before (duplicates), so per-source sums of accepted stay the events stored.
ALTER TABLE telemetry_batch ADD COLUMN queued INTEGER DEFAULT 0 NOT NULL;
