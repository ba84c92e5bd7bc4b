-- The first day whose raw usage events are kept (pitwall.telemetry.retention.raw-events): older
-- events were deleted, their daily rollups kept. No row: everything is kept.
CREATE TABLE telemetry_retention (
    id        INT  NOT NULL PRIMARY KEY,
    kept_from DATE NOT NULL,
    swept_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT telemetry_retention_one CHECK (id = 1)
);
