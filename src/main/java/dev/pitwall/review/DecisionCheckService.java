package dev.pitwall.review;

import dev.pitwall.governance.Autonomy;
import dev.pitwall.governance.ClassificationService;
import dev.pitwall.governance.EuCategory;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.governance.WorkflowClassification;
import dev.pitwall.operations.IncidentService;
import dev.pitwall.operations.LifecycleService;
import dev.pitwall.operations.Severity;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.IntendedUserService;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import dev.pitwall.review.internal.ReviewPolicies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The runtime check "may this AI act?" (docs/review.md): ALLOW, REVIEW (a review item is created)
 * or DENY, with the reasons, from the workflow's stage and intended users, its risk classification
 * and autonomy, fallback mode and open SEV1 incidents, and its review policy. Answers come from a
 * per-workflow snapshot kept in memory and rebuilt when the audit log shows any change.
 */
@Service
public class DecisionCheckService {

    /** What the check needs to know of a workflow, as of one audit sequence. */
    record Snapshot(long sequence, WorkflowStage stage, Set<String> systems, Set<String> intendedUsers,
            WorkflowClassification classification, boolean inFallback, boolean openSev1, ReviewPolicy policy) {
    }

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final WorkflowService workflows;
    private final IntendedUserService intendedUsers;
    private final PersonService people;
    private final ClassificationService classifications;
    private final LifecycleService lifecycle;
    private final IncidentService incidents;
    private final ReviewPolicies policies;
    private final ReviewService reviews;
    private final AuditLog auditLog;
    private final InputValidator validator;

    DecisionCheckService(WorkflowService workflows, IntendedUserService intendedUsers, PersonService people,
            ClassificationService classifications, LifecycleService lifecycle, IncidentService incidents,
            ReviewPolicies policies, ReviewService reviews, AuditLog auditLog, InputValidator validator) {
        this.workflows = workflows;
        this.intendedUsers = intendedUsers;
        this.people = people;
        this.classifications = classifications;
        this.lifecycle = lifecycle;
        this.incidents = incidents;
        this.policies = policies;
        this.reviews = reviews;
        this.auditLog = auditLog;
        this.validator = validator;
    }

    public CheckResult check(DecisionCheck request) {
        validator.validate(request);
        String key = request.workflowKey().trim();
        Snapshot s = snapshot(key);
        List<String> deny = new ArrayList<>();
        List<String> review = new ArrayList<>();
        if (!s.systems().contains(request.systemKey().trim())) {
            deny.add("the workflow does not use the AI system " + request.systemKey().trim());
        }
        String person = request.person() == null ? null : request.person().trim().toLowerCase(Locale.ROOT);
        if (s.stage() == WorkflowStage.PILOT) {
            if (person == null || !s.intendedUsers().contains(person)) {
                deny.add("the workflow is a pilot, open to its intended users only"
                        + (person == null ? "; name the person the action is for" : ""));
            }
        } else if (s.stage() != WorkflowStage.PRODUCTION) {
            deny.add("the workflow is " + s.stage() + ", not in production");
        }
        if (s.inFallback()) {
            deny.add("the workflow is in fallback mode: its AI must not act");
        }
        WorkflowClassification c = s.classification();
        if (c == null) {
            review.add("the workflow has no risk classification yet");
        } else {
            if (c.blocked()) {
                deny.add("the workflow's use is prohibited (EU AI Act Art. 5)");
            }
            if (c.euCategory() == EuCategory.HIGH_RISK) {
                review.add("high-risk under the EU AI Act: human oversight of each output (Art. 14)");
            } else if (c.tier() == RiskTier.CRITICAL || c.tier() == RiskTier.HIGH) {
                review.add("risk tier " + c.tier() + ": a person reviews each action");
            }
            if (c.answers().autonomy() == Autonomy.ACTS_WITH_APPROVAL) {
                review.add("the AI acts once a person approved each action");
            } else if (c.answers().autonomy() == Autonomy.SUGGESTS) {
                review.add("the AI suggests; a person decides");
            }
        }
        if (s.openSev1()) {
            review.add("a SEV1 incident of the workflow is open");
        }
        Map<String, Object> attributes = request.attributes() == null ? Map.of() : request.attributes();
        for (ReviewPolicy.Rule rule : s.policy().rules()) {
            if (matches(rule, attributes)) {
                review.add("review policy: " + rule.describe());
            }
        }
        if (!deny.isEmpty()) {
            return new CheckResult("DENY", deny, null);
        }
        if (!review.isEmpty()) {
            String reference = request.externalReference() == null || request.externalReference().isBlank()
                    ? "check-" + UUID.randomUUID() : request.externalReference().trim();
            String summary = request.summary() == null || request.summary().isBlank()
                    ? request.action().trim() + (attributes.isEmpty() ? "" : " " + attributes) : request.summary().trim();
            ReviewItem item = reviews.submit(new NewReviewItem(key, request.systemKey().trim(), reference,
                    summary.length() > 2000 ? summary.substring(0, 2000) : summary, null, null, List.of(), attributes,
                    null)).item();
            return new CheckResult("REVIEW", review, item.id());
        }
        return new CheckResult("ALLOW", List.of("in " + s.stage().name().toLowerCase(Locale.ROOT)
                + ", no rule asks for review"), null);
    }

    /** The workflow's snapshot, rebuilt when anything was audited since it was taken. */
    private Snapshot snapshot(String key) {
        long sequence = auditLog.lastSequence();
        Snapshot s = snapshots.get(key);
        if (s != null && s.sequence() == sequence) {
            return s;
        }
        // Looked up only when the snapshot is built: a check served from memory costs no workflow query.
        WorkflowDetails details;
        try {
            details = workflows.details(key);
        } catch (dev.pitwall.portfolio.WorkflowNotFound e) {
            throw InvalidInputException.ofField("workflowKey", "no workflow has the key '" + key + "'");
        }
        Set<String> emails = people.findAllById(intendedUsers.intendedUserIds(details)).stream().filter(Person::active)
                .map(p -> p.email().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        boolean sev1 = incidents.find(true, key, 500).stream().anyMatch(i -> i.severity() == Severity.SEV1);
        Optional<ReviewPolicy> policy = policies.find(details.workflow().id());
        s = new Snapshot(sequence, details.workflow().stage(),
                details.systems().stream().map(WorkflowDetails.SystemRef::key).collect(Collectors.toUnmodifiableSet()),
                emails, classifications.current(key).orElse(null), lifecycle.policy(key).inFallback(), sev1,
                policy.orElse(new ReviewPolicy(List.of())));
        snapshots.put(key, s);
        return s;
    }

    private static boolean matches(ReviewPolicy.Rule rule, Map<String, Object> attributes) {
        if (Boolean.TRUE.equals(rule.always())) {
            return true;
        }
        Object value = attributes.get(rule.attribute());
        if (value == null) {
            return true;
        }
        try {
            return new BigDecimal(value.toString()).compareTo(rule.above()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
