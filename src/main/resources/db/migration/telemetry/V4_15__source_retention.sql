-- The first day whose raw usage events of a source are kept (pitwall.telemetry.retention.*, a
-- period per source). telemetry_retention keeps the latest of them: rollups of earlier days are
-- never rebuilt, since some source's raw events of those days are gone.
CREATE TABLE telemetry_source_retention (
    source    VARCHAR(20) NOT NULL PRIMARY KEY,
    kept_from DATE        NOT NULL,
    swept_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
