package dev.pitwall.review.internal;

import dev.pitwall.portfolio.ReviewPolicySection;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.review.ReviewPolicy;
import dev.pitwall.review.ReviewPolicyService;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The review policy as the {@code spec.review} section of the operating-model YAML. */
@Component
class ReviewPolicyYamlSection implements ReviewPolicySection {

    private final ReviewPolicies policies;
    private final WorkflowService workflows;
    // Setting the policy goes through the service (validated, audited); it needs workflows, which need this section.
    private final ObjectProvider<ReviewPolicyService> service;

    ReviewPolicyYamlSection(ReviewPolicies policies, WorkflowService workflows, ObjectProvider<ReviewPolicyService> service) {
        this.policies = policies;
        this.workflows = workflows;
        this.service = service;
    }

    @Override
    public Optional<Policy> policy(String workflowKey) {
        return workflows.findByKey(workflowKey).flatMap(w -> policies.find(w.id()))
                .filter(p -> !p.rules().isEmpty() || p.deadlineHours() != null || p.keepsContent())
                .map(p -> new Policy(p.rules().stream().map(r -> new Rule(r.always(), r.attribute(), r.above())).toList(),
                        p.deadlineHours(), p.keepContent(), p.contentRetentionDays()));
    }

    @Override
    public void apply(String workflowKey, Policy policy) {
        List<ReviewPolicy.Rule> wanted = policy.rules().stream()
                .map(r -> new ReviewPolicy.Rule(r.always(), r.attribute(), r.above())).toList();
        service.getObject().set(workflowKey, new ReviewPolicy(wanted, policy.deadlineHours(), policy.keepContent(),
                policy.contentRetentionDays()));
    }
}
