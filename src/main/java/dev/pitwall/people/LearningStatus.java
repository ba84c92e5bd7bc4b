package dev.pitwall.people;

/** The outcome of a learning activity. */
public enum LearningStatus {
    COMPLETED, PASSED, FAILED;

    /** Completed and passed both count as an enablement completed. */
    public boolean isCompletion() {
        return this != FAILED;
    }
}
