package dev.pitwall.portfolio;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What applying a workflow definition did (or, in a dry run, would do).
 *
 * @param key the workflow
 * @param action created, updated or unchanged
 * @param changes for an update, every field that changes, with its value before and after
 */
public record AppliedWorkflow(String key, Action action, List<FieldChange> changes) {

    public enum Action { CREATED, UPDATED, UNCHANGED }

    /**
     * One changed field.
     *
     * @param field the path, e.g. {@code decisionRights.OUTPUT_APPROVER} or {@code steps[2].tool}
     * @param before the value before ({@code null} when absent)
     * @param after the value after ({@code null} when removed)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldChange(String field, Object before, Object after) {
    }
}
