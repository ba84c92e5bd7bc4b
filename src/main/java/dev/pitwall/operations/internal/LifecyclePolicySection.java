package dev.pitwall.operations.internal;

import dev.pitwall.operations.LifecycleAction;
import dev.pitwall.operations.LifecycleService;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.LifecycleSection;
import dev.pitwall.portfolio.WorkflowService;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The lifecycle policy as the {@code spec.lifecycle} section of the operating-model YAML. */
@Component
class LifecyclePolicySection implements LifecycleSection {

    private final Lifecycles lifecycles;
    private final WorkflowService workflows;
    // Setting the policy goes through the service (audited); it needs workflows, which need this section.
    private final ObjectProvider<LifecycleService> service;

    LifecyclePolicySection(Lifecycles lifecycles, WorkflowService workflows, ObjectProvider<LifecycleService> service) {
        this.lifecycles = lifecycles;
        this.workflows = workflows;
        this.service = service;
    }

    @Override
    public Optional<String> onSev1(String workflowKey) {
        return workflows.findByKey(workflowKey).flatMap(w -> lifecycles.find(w.id())).map(p -> p.onSev1().name());
    }

    @Override
    public void apply(String workflowKey, String onSev1) {
        LifecycleAction action;
        try {
            action = LifecycleAction.valueOf(onSev1 == null ? "" : onSev1.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.ofField("onSev1", "'" + onSev1 + "' is not DEMOTE, FALLBACK or NOTIFY");
        }
        if (!onSev1(workflowKey).map(action.name()::equals).orElse(false)) {
            service.getObject().setPolicy(workflowKey, action);
        }
    }
}
