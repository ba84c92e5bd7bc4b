package dev.pitwall.governance;

import dev.pitwall.governance.internal.ImplementationReader;
import dev.pitwall.governance.internal.Controls;
import dev.pitwall.governance.internal.Implementations;
import dev.pitwall.governance.policy.EvidenceFilePolicy;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.digest.Sha256;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.NotFoundException;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workflow's implementation of the controls: status, owner, review and expiry, and evidence
 * (links, and files kept in the database). Every change is audited; evidence that expires turns
 * its control back to PLANNED.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(GovernanceProperties.class)
public class ImplementationService {

    static final String ENTITY = "control-implementation";
    static final String EVIDENCE = "control-evidence";

    private final Implementations implementations;
    private final ImplementationReader reader;
    private final Controls controls;
    private final WorkflowService workflows;
    private final PersonService people;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final GovernanceProperties properties;
    private final Clock clock;

    ImplementationService(Implementations implementations, ImplementationReader reader, Controls controls,
            WorkflowService workflows, PersonService people, AuditLog auditLog, InputValidator validator,
            GovernanceProperties properties, Clock clock) {
        this.implementations = implementations;
        this.reader = reader;
        this.controls = controls;
        this.workflows = workflows;
        this.people = people;
        this.auditLog = auditLog;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Every control of the library for a workflow: those its tier requires first, then the rest
     * it recorded anything for.
     */
    @Transactional(readOnly = true)
    public List<ControlImplementation> ofWorkflow(String workflowKey) {
        Workflow workflow = workflows.get(workflowKey);
        return of(List.of(workflow)).getOrDefault(workflow.id(), List.of());
    }

    /** The implementations of many workflows, by workflow id (see {@link #ofWorkflow}). */
    @Transactional(readOnly = true)
    public Map<Long, List<ControlImplementation>> of(List<Workflow> scope) {
        return reader.of(scope);
    }

    @Transactional
    public ControlImplementation update(String workflowKey, String controlKey, ImplementationUpdate update) {
        validator.validate(update);
        Workflow workflow = workflows.get(workflowKey);
        Control control = control(controlKey);
        ControlImplementation before = reader.one(workflow, control);
        Long ownerId = null;
        if (update.ownerEmail() != null && !update.ownerEmail().isBlank()) {
            Person owner = people.findByEmail(update.ownerEmail().trim())
                    .orElseThrow(() -> InvalidInputException.ofField("ownerEmail", "no person has this email"));
            if (!owner.active()) {
                throw InvalidInputException.ofField("ownerEmail", owner.name() + " is no longer active");
            }
            ownerId = owner.id();
        }
        if (update.status().inPlace() && before.evidence().isEmpty()) {
            throw InvalidInputException.ofField("status", update.status()
                    + " needs evidence first: add a link or a file for this control");
        }
        LocalDate today = LocalDate.now(clock);
        if (update.status().inPlace() && update.expiresOn() != null && update.expiresOn().isBefore(today)) {
            throw InvalidInputException.ofField("expiresOn", "is in the past; evidence that expired cannot put a "
                    + "control in place");
        }
        implementations.upsert(workflow.id(), control.id(), update.status(), ownerId, update.reviewOn(),
                update.expiresOn(), blankToNull(update.note()), clock.instant());
        ControlImplementation after = reader.one(workflow, control);
        auditLog.append(AuditRecord.updated(ENTITY, workflowKey + "/" + controlKey, before, after));
        return after;
    }

    /**
     * Adds the evidence, if any, and then changes the control, in one transaction: a control can
     * be put in place together with the evidence that proves it, and a refusal of either leaves
     * both as they were.
     */
    @Transactional
    public ControlImplementation update(String workflowKey, String controlKey, ImplementationUpdate update,
            NewEvidence evidence) {
        if (evidence != null && evidence.present()) {
            if (evidence.content() != null && evidence.content().length > 0) {
                addFile(workflowKey, controlKey, evidence.title(), evidence.fileName(), evidence.contentType(),
                        evidence.content());
            } else {
                addLink(workflowKey, controlKey, evidence.title(), evidence.url());
            }
        }
        return update(workflowKey, controlKey, update);
    }

    @Transactional
    public Evidence addLink(String workflowKey, String controlKey, String title, String url) {
        Workflow workflow = workflows.get(workflowKey);
        Control control = control(controlKey);
        if (title == null || title.isBlank() || title.length() > 300) {
            throw InvalidInputException.ofField("title", "is required (at most 300 characters)");
        }
        dev.pitwall.platform.web.TextPolicy.require("title", title);
        dev.pitwall.platform.web.TextPolicy.require("url", url);
        if (!isWebAddress(url)) {
            throw InvalidInputException.ofField("url", "is an http or https address");
        }
        long id = implementations.insertLink(workflow.id(), control.id(), title.trim(), url.trim(),
                PitwallPrincipal.currentActorName(), clock.instant());
        return recorded(workflow, controlKey, id);
    }

    @Transactional
    public Evidence addFile(String workflowKey, String controlKey, String title, String fileName, String contentType,
            byte[] content) {
        Workflow workflow = workflows.get(workflowKey);
        Control control = control(controlKey);
        dev.pitwall.platform.web.TextPolicy.require("file", fileName);
        dev.pitwall.platform.web.TextPolicy.require("title", title);
        if (content.length > properties.evidenceMaxBytes()) {
            throw EvidenceRefused.tooLarge(content.length, properties.evidenceMaxBytes());
        }
        EvidenceFilePolicy.refusal(contentType, content).ifPresent(reason -> {
            throw EvidenceRefused.type(reason);
        });
        String name = fileName == null || fileName.isBlank() ? "evidence" : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        String label = title == null || title.isBlank() ? name : title.trim();
        if (label.length() > 300 || name.length() > 300) {
            throw InvalidInputException.ofField("title", "has at most 300 characters");
        }
        long id = implementations.insertFile(workflow.id(), control.id(), label, name,
                EvidenceFilePolicy.baseType(contentType), content,
                Sha256.hex(content), PitwallPrincipal.currentActorName(), clock.instant());
        return recorded(workflow, controlKey, id);
    }

    /** A file as uploaded; its SHA-256 is checked, so a stored file that changed is never served. */
    @Transactional(readOnly = true)
    public EvidenceFile file(String workflowKey, long evidenceId) {
        Workflow workflow = workflows.get(workflowKey);
        var stored = implementations.file(workflow.id(), evidenceId).orElseThrow(() -> new EvidenceNotFound(evidenceId));
        if (!Sha256.hex(stored.content()).equals(stored.sha256())) {
            throw new IllegalStateException("evidence " + evidenceId + " no longer matches its SHA-256");
        }
        return new EvidenceFile(stored.fileName(), stored.contentType(), stored.sha256(), stored.content());
    }

    @Transactional
    public void removeEvidence(String workflowKey, long evidenceId) {
        Workflow workflow = workflows.get(workflowKey);
        Evidence before = implementations.evidence(List.of(workflow.id())).getOrDefault(workflow.id(), Map.of())
                .values().stream().flatMap(List::stream).filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new EvidenceNotFound(evidenceId));
        implementations.deleteEvidence(workflow.id(), evidenceId);
        auditLog.append(AuditRecord.deleted(EVIDENCE, workflowKey + "/" + evidenceId, before));
    }

    /**
     * Turns controls in place whose evidence expired before today back to PLANNED, audited as the
     * expiry sweep; returns how many.
     */
    @Transactional
    public int expireEvidence() {
        LocalDate today = LocalDate.now(clock);
        List<Implementations.Expired> expired = implementations.expiredBefore(today);
        for (Implementations.Expired row : expired) {
            implementations.markExpired(row.workflowId(), row.controlId(), row.expiresOn(), clock.instant());
            auditLog.append(new AuditRecord(ENTITY, row.workflowKey() + "/" + row.controlKey(),
                    dev.pitwall.platform.audit.AuditAction.UPDATE,
                    Map.of("status", row.status().name(), "expiresOn", row.expiresOn().toString()),
                    Map.of("status", ControlStatus.PLANNED.name(), "reason", "evidence expired on " + row.expiresOn())));
        }
        return expired.size();
    }

    /** The controls a person owns across workflows (for the owner's page), expired ones first. */
    @Transactional(readOnly = true)
    public List<ControlImplementation> ownedBy(long personId) {
        List<Workflow> all = workflows.find(null, null);
        return of(all).values().stream().flatMap(List::stream)
                .filter(i -> i.ownerId() != null && i.ownerId() == personId)
                .sorted(java.util.Comparator.comparing((ControlImplementation i) -> i.expiredOn() == null)
                        .thenComparing(ControlImplementation::workflowKey).thenComparing(ControlImplementation::controlName))
                .toList();
    }

    private Evidence recorded(Workflow workflow, String controlKey, long id) {
        Evidence evidence = implementations.evidence(List.of(workflow.id())).getOrDefault(workflow.id(), Map.of())
                .values().stream().flatMap(List::stream).filter(e -> e.id() == id).findFirst().orElseThrow();
        auditLog.append(AuditRecord.created(EVIDENCE, workflow.key() + "/" + controlKey + "/" + id, evidence));
        return evidence;
    }

    private Control control(String key) {
        return controls.findByKey(key).orElseThrow(() -> new ControlNotFound(key));
    }

    private static boolean isWebAddress(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** No evidence with this id on the workflow. */
    public static class EvidenceNotFound extends NotFoundException {
        EvidenceNotFound(long id) {
            super("EVIDENCE_NOT_FOUND", "Evidence", id);
        }
    }
}
