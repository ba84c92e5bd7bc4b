package dev.pitwall.review;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.review.internal.ReviewPolicies;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each workflow's review policy, which the runtime check applies. Changes are audited. */
@Service
@Transactional
public class ReviewPolicyService {

    private final ReviewPolicies policies;
    private final WorkflowService workflows;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final Clock clock;

    ReviewPolicyService(ReviewPolicies policies, WorkflowService workflows, InputValidator validator, AuditLog auditLog,
            Clock clock) {
        this.policies = policies;
        this.workflows = workflows;
        this.validator = validator;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The workflow's policy; without one, no rule asks for review. */
    @Transactional(readOnly = true)
    public ReviewPolicy get(String workflowKey) {
        return policies.find(workflows.get(workflowKey).id()).orElse(new ReviewPolicy(List.of()));
    }

    public ReviewPolicy set(String workflowKey, ReviewPolicy policy) {
        Workflow workflow = workflows.get(workflowKey);
        validator.validate(policy);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < policy.rules().size(); i++) {
            ReviewPolicy.Rule rule = policy.rules().get(i);
            boolean always = Boolean.TRUE.equals(rule.always());
            boolean threshold = rule.attribute() != null && !rule.attribute().isBlank() && rule.above() != null;
            if (always == threshold) {
                violations.add(new Violation(null, null, "rules[" + i + "]",
                        "a rule is either {\"always\":true} or an attribute with the value it must be above"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The review policy could not be saved.", violations);
        }
        ReviewPolicy before = get(workflowKey);
        if (policy.contentRetentionDays() != null && !policy.keepsContent()) {
            throw InvalidInputException.ofField("contentRetentionDays", "set keepContent to true to keep content at all");
        }
        ReviewPolicy cleaned = new ReviewPolicy(policy.rules().stream().map(r -> Boolean.TRUE.equals(r.always())
                ? new ReviewPolicy.Rule(true, null, null) : new ReviewPolicy.Rule(null, r.attribute().trim(), r.above()))
                .toList(), policy.deadlineHours(), policy.keepsContent() ? Boolean.TRUE : null,
                policy.keepsContent() ? policy.contentRetentionDays() : null);
        policies.save(workflow.id(), cleaned, PitwallPrincipal.currentActorName(), clock.instant());
        auditLog.append(AuditRecord.updated("review-policy", workflowKey, before, cleaned));
        return cleaned;
    }
}
