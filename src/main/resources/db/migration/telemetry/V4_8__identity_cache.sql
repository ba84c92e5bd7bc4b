-- Hand out event ids a hundred thousand at a time. H2 persists an identity's sequence each time its cache
-- runs out, and with WRITE_DELAY=0 that writes every changed page of the store: with the default
-- cache of 32, a bulk insert wrote the whole store every 32 rows (2,000 events/s). Ids of a cache
-- that a restart abandons are skipped; nothing relies on ids being without gaps.
ALTER TABLE telemetry_usage_event ALTER COLUMN id SET CACHE 100000;
ALTER TABLE telemetry_evaluation ALTER COLUMN id SET CACHE 100000;
