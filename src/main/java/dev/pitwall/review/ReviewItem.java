package dev.pitwall.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A review item: the AI's proposed output, whom it is routed to and by when, and the decision.
 *
 * @param status PENDING until decided, then DECIDED
 * @param assigneeRight the decision right under which the assignee has it
 * @param assigneeRole the role holding that right, whose active members share the item ({@code null}: a person holds it)
 * @param gaps rights passed over because nobody (active) holds them
 * @param breaches how many review deadlines it has missed (each escalated)
 * @param decisions how many decisions it had (more than one: reversed by the override authority)
 * @param contentExpiresAt when its content is removed (the workflow's retention), {@code null} without content
 * @param contentRemovedAt when its content was removed at the end of its retention
 */
public record ReviewItem(long id, String workflowKey, String workflowName, String systemKey, String externalReference,
        String summary, String content, BigDecimal confidence, List<String> riskFlags, Map<String, Object> attributes,
        String callbackUrl, String status, Long assigneeId, String assigneeName, String assigneeRight, String assigneeRole, int routeStep,
        List<String> gaps, Instant dueAt, int breaches, Instant submittedAt, String submittedBy, Instant decidedAt,
        Long decidedById, String decidedByName, String outcome, String reason, String reasonText, String editedOutput,
        int decisions, Instant contentExpiresAt, Instant contentRemovedAt) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
