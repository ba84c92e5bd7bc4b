-- Organization-level daily aggregates some sources report instead of (or besides) per-person data,
-- e.g. GitHub Copilot's organization metrics. A day imported again replaces its figures: the
-- sources revise recent days.
CREATE TABLE telemetry_org_metric (
    source          VARCHAR(20)   NOT NULL,
    scope           VARCHAR(200)  NOT NULL,
    metric_day      DATE          NOT NULL,
    metric          VARCHAR(100)  NOT NULL,
    metric_value    NUMERIC(20, 4) NOT NULL,
    system_id       BIGINT        NOT NULL,
    batch_id        BIGINT        NOT NULL,
    PRIMARY KEY (source, scope, metric_day, metric)
);
CREATE INDEX telemetry_org_metric_day_ix ON telemetry_org_metric (metric_day);
