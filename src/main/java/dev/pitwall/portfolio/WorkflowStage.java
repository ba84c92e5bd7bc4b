package dev.pitwall.portfolio;

/** Where a workflow is in its life; only the move to {@code PRODUCTION} passes the gate. */
public enum WorkflowStage {
    IDEA, PILOT, PRODUCTION, RETIRED
}
