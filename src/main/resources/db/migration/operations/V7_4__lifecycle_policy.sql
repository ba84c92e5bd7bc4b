-- What a SEV1 incident (or the incident of a monitor with an action of its own) does to a workflow in
-- production: demote it, put its fallback in force, or notify only; and the fallback mode or
-- demotion in force with the incident that caused it.
CREATE TABLE operations_lifecycle (
    workflow_id           BIGINT        NOT NULL PRIMARY KEY REFERENCES portfolio_workflow (id),
    on_sev1               VARCHAR(10)   NOT NULL,
    fallback_since        TIMESTAMP WITH TIME ZONE,
    fallback_incident_id  BIGINT REFERENCES operations_incident (id),
    demoted_incident_id   BIGINT REFERENCES operations_incident (id),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(200)  NOT NULL,
    CONSTRAINT operations_lifecycle_action_ck CHECK (on_sev1 IN ('DEMOTE', 'FALLBACK', 'NOTIFY'))
);
ALTER TABLE operations_monitor ADD COLUMN lifecycle_action VARCHAR(10);
