package dev.pitwall.review;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.review.internal.ReviewItems;
import dev.pitwall.review.internal.ReviewRouter;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEventIngestion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human review of AI output: submission (idempotent by the system's own reference), routing along
 * the workflow's decision rights with a deadline, escalation when it passes, and decisions, each of
 * which becomes a usage event with its outcome (docs/review.md).
 */
@Service
@Transactional
public class ReviewService {

    private static final String ENTITY = "review-item";

    /** A submission's answer: the item, and whether this call created it. */
    public record Submission(ReviewItem item, boolean created) {
    }

    private final ReviewItems items;
    private final dev.pitwall.review.internal.ReviewPolicies policies;
    private final ReviewRouter router;
    private final WorkflowService workflows;
    private final AiSystemService systems;
    private final PersonService people;
    private final UserService users;
    private final UsageEventIngestion ingestion;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final ReviewProperties properties;
    private final Clock clock;
    private final dev.pitwall.review.internal.CallbackKeys callbackKeys;
    private final dev.pitwall.operations.Callbacks callbacks;

    ReviewService(ReviewItems items, ReviewRouter router, WorkflowService workflows, AiSystemService systems,
            PersonService people, UserService users, UsageEventIngestion ingestion, InputValidator validator,
            AuditLog auditLog, ReviewProperties properties, Clock clock,
            dev.pitwall.review.internal.CallbackKeys callbackKeys, dev.pitwall.operations.Callbacks callbacks,
            dev.pitwall.review.internal.ReviewPolicies policies) {
        this.policies = policies;
        this.callbackKeys = callbackKeys;
        this.callbacks = callbacks;
        this.items = items;
        this.router = router;
        this.workflows = workflows;
        this.systems = systems;
        this.people = people;
        this.users = users;
        this.ingestion = ingestion;
        this.validator = validator;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Submits an item for review; the same system's same reference returns the item it created
     * before. Bad input is refused whole, naming each field.
     */
    public Submission submit(NewReviewItem request) {
        return submit(clock.instant(), request);
    }

    /**
     * Submits an item that was submitted at an earlier time (an import from another review tool,
     * the demo's history): routed and given its deadline as of then, so an item already past its
     * deadline escalates at the next check. Never later than now.
     */
    public Submission submit(Instant submittedAt, NewReviewItem request) {
        if (submittedAt.isAfter(clock.instant())) {
            throw InvalidInputException.ofField("submittedAt", "not later than now");
        }
        validator.validate(request);
        List<Violation> violations = new ArrayList<>();
        Optional<Workflow> workflow = workflows.findByKey(request.workflowKey().trim());
        if (workflow.isEmpty()) {
            violations.add(field("workflowKey", "no workflow has the key '" + request.workflowKey() + "'"));
        }
        Optional<AiSystem> system = systems.findByKey(request.systemKey().trim());
        if (system.isEmpty()) {
            violations.add(field("systemKey", "no AI system has the key '" + request.systemKey() + "'"));
        }
        if (workflow.isPresent() && system.isPresent() && workflows.details(workflow.get().key()).systems().stream()
                .noneMatch(s -> s.id() == system.get().id())) {
            violations.add(field("systemKey", "the workflow " + workflow.get().key() + " does not use the AI system "
                    + system.get().key()));
        }
        for (String text : new String[] {"externalReference", "summary", "content"}) {
            String value = switch (text) {
                case "externalReference" -> request.externalReference();
                case "summary" -> request.summary();
                default -> request.content();
            };
            TextPolicy.problem(value).ifPresent(r -> violations.add(field(text, r)));
        }
        ReviewPolicy policy = workflow.map(w -> policies.find(w.id()).orElse(new ReviewPolicy(List.of())))
                .orElse(new ReviewPolicy(List.of()));
        boolean hasContent = request.content() != null && !request.content().isEmpty();
        if (hasContent && workflow.isPresent() && !policy.keepsContent()) {
            violations.add(field("content", "the workflow " + workflow.get().key() + " does not keep the content of "
                    + "reviewed output (its review policy's keepContent); send the summary only"));
        }
        String callback = request.callbackUrl() == null || request.callbackUrl().isBlank() ? null
                : checkedUrl(request.callbackUrl().trim(), violations);
        if (callback != null && system.isPresent() && callbackKeys.of(system.get().id()).isEmpty()) {
            violations.add(field("callbackUrl", "the AI system " + system.get().key() + " has no callback key to sign "
                    + "decisions with: create one (POST /api/v1/ai-systems/" + system.get().key()
                    + "/review-callback-key), or poll the item"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The review item could not be submitted.", violations);
        }
        Instant now = submittedAt;
        Instant contentExpires = !hasContent ? null : now.plus(policy.contentRetentionDays() == null
                ? properties.contentRetention() : java.time.Duration.ofDays(policy.contentRetentionDays()));
        Optional<Long> id = items.insert(new ReviewItems.Row(workflow.get().id(), system.get().id(),
                request.externalReference().trim(), request.summary().trim(), hasContent ? request.content() : null,
                request.confidence(), request.riskFlags(), request.attributes(), callback, contentExpires),
                PitwallPrincipal.currentActorName(), now);
        if (id.isEmpty()) {
            return new Submission(items.find(system.get().id(), request.externalReference().trim()).orElseThrow(), false);
        }
        route(id.get(), workflow.get().id(), workflows.details(workflow.get().key()), 0, now);
        // A submission is the AI system's record, kept in the item itself (who, when); it changes no
        // operating model and is not audited, so the runtime check's snapshots stay valid under load.
        return new Submission(get(id.get()), true);
    }

    /**
     * Creates (or replaces) the key the AI system's review callbacks are signed with; returns it, to
     * be shown this once.
     */
    public String createCallbackKey(String systemKey) {
        AiSystem system = systems.get(systemKey);
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        String secret = java.util.HexFormat.of().formatHex(bytes);
        callbackKeys.save(system.id(), secret, PitwallPrincipal.currentActorName(), clock.instant());
        auditLog.append(AuditRecord.updated("review-callback-key", systemKey, Map.of("key", "previous or none"),
                Map.of("key", "new (not recorded)")));
        return secret;
    }

    @Transactional(readOnly = true)
    public ReviewItem get(long id) {
        return items.find(id).orElseThrow(() -> new ReviewItemNotFound(id));
    }

    /** The signed-in user's pending items, the soonest due first (empty without a directory person). */
    @Transactional(readOnly = true)
    public List<ReviewItem> inbox() {
        return signedIn().map(p -> items.pendingOf(p.id())).orElse(List.of());
    }

    /**
     * Decides an item. The person it is routed to, or a holder of OUTPUT_APPROVER, decides a
     * pending item; only a holder of OVERRIDE_AUTHORITY reverses a decided one. The decision is
     * stored as a usage event of the reviewer on the workflow, with its outcome.
     */
    public ReviewItem decide(long id, ReviewDecision decision) {
        validator.validate(decision);
        ReviewItem item = items.lock(id).orElseThrow(() -> new ReviewItemNotFound(id));
        Person reviewer = signedIn().orElseThrow(() -> new NotAReviewer(
                "Your account's email is not the email of a person in the directory, so you hold no decision right."));
        WorkflowDetails details = workflows.details(item.workflowKey());
        if (item.pending()) {
            boolean assignee = item.assigneeId() != null && item.assigneeId() == reviewer.id();
            // Anyone holding the right the item is routed under decides it: in a role's shared queue,
            // every active member of the role; an approver may always take an item over.
            boolean routedRight = item.assigneeRight() != null
                    && holds(details, DecisionRight.valueOf(item.assigneeRight()), reviewer.id());
            if (!assignee && !routedRight && !holds(details, DecisionRight.OUTPUT_APPROVER, reviewer.id())) {
                throw new NotAReviewer("The item is routed to " + (item.assigneeName() == null ? "nobody"
                        : item.assigneeName()) + (item.assigneeRole() == null ? "" : " in the queue of the role "
                        + item.assigneeRole()) + "; only they or a holder of OUTPUT_APPROVER of " + item.workflowName()
                        + " decide it.");
            }
        } else if (!holds(details, DecisionRight.OVERRIDE_AUTHORITY, reviewer.id())) {
            throw new NotAReviewer("The item was decided " + item.outcome() + " by " + item.decidedByName()
                    + "; only a holder of OVERRIDE_AUTHORITY of " + item.workflowName() + " reverses a decision.");
        }
        checked(decision);
        Instant now = clock.instant();
        String text = decision.reasonText() == null || decision.reasonText().isBlank() ? null : decision.reasonText().trim();
        items.decide(id, reviewer.id(), decision.outcome().name(), decision.reason() == null ? null
                : decision.reason().name(), text, decision.editedOutput(), now);
        record(item, reviewer, decision, now);
        ReviewItem after = get(id);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("reviewItemId", after.id());
        data.put("externalReference", after.externalReference());
        data.put("systemKey", after.systemKey());
        data.put("outcome", after.outcome());
        data.put("reason", after.reason());
        data.put("reasonText", after.reasonText());
        data.put("editedOutput", after.editedOutput());
        data.put("decidedBy", after.decidedByName());
        data.put("decidedAt", after.decidedAt().toString());
        data.put("decisions", after.decisions());
        String subject = "Review item " + after.externalReference() + " " + after.outcome();
        String said = reviewer.name() + " decided " + after.outcome() + ": " + after.summary();
        String path = "/api/v1/review-items/" + after.id();
        if (after.callbackUrl() != null) {
            callbacks.send(after.callbackUrl(), callbackKeys.of(systems.get(after.systemKey()).id()).orElseThrow(),
                    dev.pitwall.operations.NotificationEvent.REVIEW_DECIDED, after.workflowKey(), subject, said, path, data);
        }
        callbacks.publish(dev.pitwall.operations.NotificationEvent.REVIEW_DECIDED, after.workflowKey(), subject, said,
                path, data);
        auditLog.append(AuditRecord.updated(ENTITY, id, Map.of("status", item.status(), "outcome",
                String.valueOf(item.outcome())), Map.of("status", after.status(), "outcome", after.outcome(), "by",
                reviewer.name())));
        return after;
    }

    /** Whether an item counts as low risk for bulk acceptance: no risk flags and at least this confidence. */
    public static boolean lowRisk(ReviewItem item, java.math.BigDecimal minConfidence) {
        return item.pending() && item.riskFlags().isEmpty() && item.confidence() != null
                && item.confidence().compareTo(minConfidence) >= 0;
    }

    /**
     * Accepts, as the signed-in reviewer, every item of their inbox that is low risk (no risk flags,
     * confidence at least {@code minConfidence}); each is a decision like any other. Returns them.
     */
    public List<ReviewItem> acceptLowRisk(java.math.BigDecimal minConfidence) {
        if (minConfidence == null || minConfidence.compareTo(new java.math.BigDecimal("0.5")) < 0
                || minConfidence.compareTo(java.math.BigDecimal.ONE) > 0) {
            throw InvalidInputException.ofField("minConfidence", "between 0.5 and 1");
        }
        List<ReviewItem> accepted = new ArrayList<>();
        for (ReviewItem item : inbox()) {
            if (lowRisk(item, minConfidence)) {
                accepted.add(decide(item.id(), new ReviewDecision(Outcome.ACCEPTED, null, null, null)));
            }
        }
        return accepted;
    }

    /** Escalates every pending item past its deadline to the next holder along the route; returns how many. */
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (long id : items.overdue(now)) {
            ReviewItem item = items.lock(id).orElseThrow();
            if (!item.pending() || item.dueAt() == null || !item.dueAt().isBefore(now)) {
                continue;
            }
            items.breached(id);
            Workflow workflow = workflows.get(item.workflowKey());
            route(id, workflow.id(), workflows.details(item.workflowKey()), item.routeStep() + 1, now);
            auditLog.append(AuditRecord.updated(ENTITY, id, Map.of("assignee", String.valueOf(item.assigneeName())),
                    Map.of("assignee", String.valueOf(get(id).assigneeName()), "why", "review deadline passed")));
            escalated++;
        }
        return escalated;
    }

    /** Removes the content of items whose retention ended (the summary and decision stay); returns how many. */
    public int removeExpiredContent() {
        return items.removeExpiredContent(clock.instant());
    }

    private void route(long id, long workflowId, WorkflowDetails details, int fromStep, Instant now) {
        if (fromStep >= ReviewRouter.ROUTE.size()) {
            // Nobody is left along the route: the item stays with its last holder, counted as breached.
            ReviewItem item = get(id);
            items.route(id, item.assigneeId(), item.assigneeRight(), item.assigneeRole(), item.routeStep(), item.gaps(),
                    null);
            return;
        }
        ReviewRouter.Destination to = router.route(details, fromStep);
        Integer hours = policies.find(workflowId).map(ReviewPolicy::deadlineHours).orElse(null);
        java.time.Duration deadline = hours == null ? properties.deadline() : java.time.Duration.ofHours(hours);
        items.route(id, to.personId(), to.right() == null ? null : to.right().name(), to.role(), to.step(), to.gaps(),
                to.personId() == null ? null : now.plus(deadline));
    }

    /** The decision as a usage event: the reviewer's use of the workflow's AI output, with its outcome. */
    private void record(ReviewItem item, Person reviewer, ReviewDecision decision, Instant now) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put("pitwall.review.item", item.id());
        if (decision.reason() != null) {
            attributes.put("pitwall.review.reason", decision.reason().name());
        }
        IncomingEvent event = new IncomingEvent(1, "review-" + item.id() + "-" + (item.decisions() + 1), now,
                reviewer.email(), item.systemKey(), null, item.workflowKey(), "review", null, null, null, null,
                java.time.Duration.between(item.submittedAt(), now).toMillis(), false, decision.outcome(), attributes);
        ingestion.ingest(TelemetrySource.REVIEW, new ParsedBatch(List.of(event), List.of(), 0), true,
                PitwallPrincipal.currentActorName());
    }

    private static void checked(ReviewDecision decision) {
        List<Violation> violations = new ArrayList<>();
        if (decision.outcome() == Outcome.UNKNOWN) {
            violations.add(field("outcome", "one of ACCEPTED, EDITED, OVERRIDDEN, REJECTED"));
        }
        if (decision.outcome() != Outcome.ACCEPTED && decision.reason() == null) {
            violations.add(field("reason", "say why: FACTUALLY_WRONG, POLICY_BREACH, INCOMPLETE, WRONG_TONE or OTHER"));
        }
        if (decision.reason() == ReviewReason.OTHER && (decision.reasonText() == null || decision.reasonText().isBlank())) {
            violations.add(field("reasonText", "describe the reason when it is OTHER"));
        }
        TextPolicy.problem(decision.reasonText()).ifPresent(r -> violations.add(field("reasonText", r)));
        TextPolicy.problem(decision.editedOutput()).ifPresent(r -> violations.add(field("editedOutput", r)));
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The decision could not be recorded.", violations);
        }
    }

    private static boolean holds(WorkflowDetails details, DecisionRight right, long personId) {
        return details.decisionRights().stream().anyMatch(h -> h.right() == right && h.heldBy(personId));
    }

    private Optional<Person> signedIn() {
        return PitwallPrincipal.current().flatMap(p -> {
            String email = users.get(p.userId()).email();
            return email == null ? Optional.empty() : people.findByEmail(email.toLowerCase(Locale.ROOT));
        });
    }

    private static String checkedUrl(String url, List<Violation> violations) {
        Optional<String> problem = dev.pitwall.platform.web.WebAddresses.problem(url);
        problem.ifPresent(reason -> violations.add(field("callbackUrl", reason)));
        return problem.isPresent() ? null : url;
    }

    private static Violation field(String field, String reason) {
        return new Violation(null, null, field, reason);
    }
}
