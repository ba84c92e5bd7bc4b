package dev.pitwall.operations;

import dev.pitwall.platform.web.NotFoundException;

/** The workflow has declared no fallback. */
public class FallbackNotDeclared extends NotFoundException {

    public FallbackNotDeclared(String workflowKey) {
        super("FALLBACK_NOT_DECLARED", "Fallback of workflow", workflowKey);
    }
}
