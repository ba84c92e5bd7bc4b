-- The active-day packs (telemetry.internal.ActivePacks): for each month and workflow, every person
-- active in it and their day mask, in one binary value (ascending person id, 8 bytes of id and 4 of
-- mask each). The same facts as telemetry_active_month, a row per workflow and month instead of per
-- person, workflow and month: what an organization scorecard reads for adoption (docs/metrics.md,
-- "Benchmark"). Kept by the rollup writer; rebuilt from telemetry_active_month with the rollups.
-- Filled from telemetry_active_month by the Java migration 4.20 (ActivePackBackfill): portable SQL
-- cannot build the binary value.
CREATE TABLE telemetry_active_pack (
    month_index     INT           NOT NULL,
    workflow_id     BIGINT        NOT NULL,
    people          BYTEA         NOT NULL,
    PRIMARY KEY (month_index, workflow_id)
);
