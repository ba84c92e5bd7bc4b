package dev.pitwall.governance.gate;

import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.WorkflowClassification;
import dev.pitwall.governance.internal.Classifications;
import dev.pitwall.governance.internal.ImplementationReader;
import dev.pitwall.portfolio.GateCheck;
import dev.pitwall.portfolio.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gate check 4: the workflow is classified, not prohibited, and every control its tier requires
 * is IMPLEMENTED or VERIFIED with evidence unexpired on the gate's day. A prohibited practice
 * fails in a way no waiver covers.
 */
@Component
class GovernanceCheck implements GateCheck {

    private final Classifications classifications;
    private final ImplementationReader implementations;

    GovernanceCheck(Classifications classifications, ImplementationReader implementations) {
        this.classifications = classifications;
        this.implementations = implementations;
    }

    @Override
    public String id() {
        return "governance";
    }

    @Override
    public String title() {
        return "Governance";
    }

    @Override
    public Fix fix(String workflowKey) {
        return new Fix("Open its controls", "/governance/workflows/" + workflowKey);
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public Result check(Subject subject) {
        Workflow workflow = subject.details().workflow();
        Optional<WorkflowClassification> classification = classifications.current(workflow.id());
        if (classification.isEmpty()) {
            return new Failed(List.of("the workflow has no risk classification: answer the risk questionnaire"));
        }
        WorkflowClassification c = classification.get();
        if (c.blocked()) {
            List<String> reasons = new ArrayList<>();
            c.reasons().stream().filter(r -> r.rule().equals("eu-prohibited")).forEach(r -> reasons.add(r.text()));
            return new Failed(reasons, false);
        }
        List<ControlImplementation> required = implementations.of(List.of(workflow)).getOrDefault(workflow.id(), List.of())
                .stream().filter(ControlImplementation::required).toList();
        List<String> gaps = new ArrayList<>();
        for (ControlImplementation i : required) {
            String gap = i.gapOn(subject.asOf());
            if (gap != null) {
                gaps.add("control '" + i.controlName() + "' (" + i.controlKey() + ") is " + gap);
            }
        }
        if (!gaps.isEmpty()) {
            return new Failed(gaps);
        }
        return new Passed("Risk tier " + c.tier() + " (EU AI Act: " + c.euCategory() + "): all " + required.size()
                + " required controls are in place with unexpired evidence.");
    }
}
