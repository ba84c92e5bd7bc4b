package dev.pitwall.portfolio;

import dev.pitwall.platform.web.NotFoundException;

public class WorkflowNotFound extends NotFoundException {
    public WorkflowNotFound(Object key) {
        super("WORKFLOW_NOT_FOUND", "Workflow", key);
    }
}
