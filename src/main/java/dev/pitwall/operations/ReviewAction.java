package dev.pitwall.operations;

import java.time.LocalDate;

/**
 * An action an operating review decided: who does what by when, tracked to done.
 *
 * @param doneOn the day it was marked done, or {@code null} while open
 */
public record ReviewAction(long id, long reviewId, String workflowKey, String workflowName, String title, long ownerId,
        String ownerName, String ownerEmail, LocalDate dueOn, LocalDate doneOn, String doneBy) {

    public boolean open() {
        return doneOn == null;
    }

    /** Whether it is still open after its due day. */
    public boolean overdueOn(LocalDate day) {
        return open() && dueOn.isBefore(day);
    }
}
