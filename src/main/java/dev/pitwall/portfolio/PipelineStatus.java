package dev.pitwall.portfolio;

/** The state of one pipeline stage. */
public enum PipelineStatus {
    NOT_STARTED, IN_PROGRESS, DONE;

    public boolean started() {
        return this != NOT_STARTED;
    }
}
