package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.Deployments;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records deployments of AI systems as CI pipelines report them. A retry (same system,
 * environment, version and time) is recognized and changes nothing.
 */
@Service
public class DeploymentService {

    static final String ENTITY = "DEPLOYMENT";
    /** A CI clock may run a little ahead of ours. */
    private static final Duration MAX_SKEW = Duration.ofMinutes(10);

    private final Deployments deployments;
    private final AiSystemService systems;
    private final WorkflowService workflows;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    DeploymentService(Deployments deployments, AiSystemService systems, WorkflowService workflows, AuditLog auditLog,
            InputValidator validator, Clock clock) {
        this.workflows = workflows;
        this.deployments = deployments;
        this.systems = systems;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public DeploymentRecorded record(NewDeployment deployment) {
        validator.validate(deployment);
        AiSystem system = systems.findByKey(deployment.system().trim())
                .orElseThrow(() -> InvalidInputException.ofField("system", "no AI system '" + deployment.system() + "'"));
        Instant now = clock.instant();
        Instant time = (deployment.time() == null ? now : deployment.time()).truncatedTo(ChronoUnit.MILLIS);
        if (time.isAfter(now.plus(MAX_SKEW))) {
            throw InvalidInputException.ofField("time", "lies in the future");
        }
        String environment = deployment.environment() == null || deployment.environment().isBlank() ? "production"
                : deployment.environment().trim();
        String version = deployment.version().trim();
        Optional<Deployment> existing = deployments.find(system.id(), environment, version, time);
        if (existing.isPresent()) {
            return new DeploymentRecorded(existing.get(), true);
        }
        DeploymentStatus status = deployment.status() == null ? DeploymentStatus.SUCCEEDED : deployment.status();
        Long workflowId = null;
        if (deployment.workflow() != null && !deployment.workflow().isBlank()) {
            Workflow workflow = workflows.findByKey(deployment.workflow().trim()).orElseThrow(() ->
                    InvalidInputException.ofField("workflow", "no workflow '" + deployment.workflow() + "'"));
            if (workflows.details(workflow.key()).systems().stream().noneMatch(s -> s.id() == system.id())) {
                throw InvalidInputException.ofField("workflow", "workflow '" + workflow.key() + "' does not use "
                        + system.key());
            }
            workflowId = workflow.id();
        }
        long id = deployments.insert(system.id(), workflowId, version, time, status, environment, deployment.pipelineUrl(),
                PitwallPrincipal.currentActorName(), now);
        Deployment created = deployments.findById(id).orElseThrow();
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return new DeploymentRecorded(created, false);
    }

    /** Deployments finished in [from, to], newest first, at most {@code limit}; system optional. */
    @Transactional(readOnly = true)
    public List<Deployment> find(String systemKey, LocalDate from, LocalDate to, int limit) {
        Long systemId = systemKey == null ? null : systems.get(systemKey).id();
        return deployments.find(systemId, from, to, Math.max(1, Math.min(limit, 1000)));
    }
}
