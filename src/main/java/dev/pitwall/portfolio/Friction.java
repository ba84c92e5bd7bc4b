package dev.pitwall.portfolio;

import java.util.List;

/**
 * How much manual work and unclear ownership stand in a workflow's way: manual handoffs + manual
 * data-assembly steps + unheld decision rights + the parts other modules contribute (a missing
 * baseline).
 *
 * @param workflowKey the workflow
 * @param parts each part with its points
 * @param total the sum
 */
public record Friction(String workflowKey, List<Part> parts, int total) {

    /** One part of the friction. */
    public record Part(String id, String label, int points) {
    }
}
