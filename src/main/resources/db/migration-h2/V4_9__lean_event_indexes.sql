-- On the embedded H2 database (small installations and the demo), raw usage events keep only the
-- indexes that ingestion and rollups need: (source, event_id) for duplicates, the batch for
-- rollups, the time for ranges. The indexes by person, workflow and AI system serve only filters
-- of the event list; H2 rewrites every index page a commit touched, and these three made bulk
-- ingestion three times slower. PostgreSQL keeps them.
DROP INDEX telemetry_usage_event_person_ix;
DROP INDEX telemetry_usage_event_workflow_ix;
DROP INDEX telemetry_usage_event_system_ix;
