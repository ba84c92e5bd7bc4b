-- Events per day, AI system and workflow (0 = none), with the figures technical performance and
-- acceptance need: the daily rollups summed over people. Scorecards read a window of these rows
-- (days × systems × workflows) instead of every person's rollup row. Kept by the rollup writer.
CREATE TABLE telemetry_daily_slice (
    event_day       DATE          NOT NULL,
    workflow_id     BIGINT        NOT NULL,
    system_id       BIGINT        NOT NULL,
    events          BIGINT        NOT NULL,
    errors          BIGINT        NOT NULL,
    accepted        BIGINT        NOT NULL,
    edited          BIGINT        NOT NULL,
    overridden      BIGINT        NOT NULL,
    rejected        BIGINT        NOT NULL,
    PRIMARY KEY (event_day, workflow_id, system_id)
);

INSERT INTO telemetry_daily_slice (event_day, workflow_id, system_id, events, errors, accepted, edited, overridden, rejected)
SELECT event_day, workflow_id, system_id, SUM(events), SUM(errors), SUM(accepted), SUM(edited), SUM(overridden),
       SUM(rejected)
FROM telemetry_daily_rollup GROUP BY event_day, workflow_id, system_id;
