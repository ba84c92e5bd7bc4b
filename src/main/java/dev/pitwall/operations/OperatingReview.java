package dev.pitwall.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A held operating review of a workflow: the agenda it was held on, who attended, what was decided
 * and the actions that follow.
 */
public record OperatingReview(long id, String workflowKey, String workflowName, LocalDate heldOn, String notes,
        ReviewAgenda agenda, List<Attendee> attendees, List<String> decisions, List<ReviewAction> actions,
        String recordedBy, Instant recordedAt) {

    public record Attendee(long personId, String name, String email) {
    }
}
