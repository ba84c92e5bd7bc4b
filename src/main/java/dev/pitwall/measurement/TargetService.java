package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.AvailabilityReports;
import dev.pitwall.measurement.internal.TargetOverrides;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets per AI system and workflow, and availability reported by the systems' own monitoring.
 * Both feed the technical index; changes are audited (which also refreshes the scorecards).
 */
@Service
public class TargetService {

    static final String ENTITY = "TARGETS";
    static final String AVAILABILITY = "AVAILABILITY";

    private final TargetOverrides overrides;
    private final AvailabilityReports availability;
    private final AiSystemService systems;
    private final WorkflowService workflows;
    private final MeasurementProperties properties;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    TargetService(TargetOverrides overrides, AvailabilityReports availability, AiSystemService systems,
            WorkflowService workflows, MeasurementProperties properties, AuditLog auditLog, InputValidator validator,
            Clock clock) {
        this.overrides = overrides;
        this.availability = availability;
        this.systems = systems;
        this.workflows = workflows;
        this.properties = properties;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EffectiveTargets ofSystem(String key) {
        AiSystem system = systems.get(key);
        return effective("system", key, overrides.find("SYSTEM", system.id()).orElse(null));
    }

    @Transactional(readOnly = true)
    public EffectiveTargets ofWorkflow(String key) {
        Workflow workflow = workflows.get(key);
        return effective("workflow", key, overrides.find("WORKFLOW", workflow.id()).orElse(null));
    }

    @Transactional
    public EffectiveTargets setForSystem(String key, TargetDraft draft) {
        AiSystem system = systems.get(key);
        return set("SYSTEM", system.id(), "system", key, draft);
    }

    @Transactional
    public EffectiveTargets setForWorkflow(String key, TargetDraft draft) {
        Workflow workflow = workflows.get(key);
        return set("WORKFLOW", workflow.id(), "workflow", key, draft);
    }

    /** Records daily availability of a system; a day reported again gets the new value. All or nothing. */
    @Transactional
    public int reportAvailability(String key, List<AvailabilityReport> reports) {
        AiSystem system = systems.get(key);
        if (reports == null || reports.isEmpty()) {
            throw InvalidInputException.ofField("reports", "no report");
        }
        List<Violation> violations = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < reports.size(); i++) {
            AvailabilityReport r = reports.get(i);
            if (r == null || r.day() == null || r.availability() == null) {
                violations.add(Violation.ofField("[" + i + "]", "day and availability are required"));
            } else if (r.availability() < 0 || r.availability() > 1) {
                violations.add(Violation.ofField("[" + i + "].availability", "must be between 0 and 1"));
            } else if (r.day().isAfter(LocalDate.now(clock))) {
                violations.add(Violation.ofField("[" + i + "].day", "lies in the future"));
            } else if (!days.add(r.day())) {
                violations.add(Violation.ofField("[" + i + "].day", r.day() + " appears twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("AVAILABILITY_INVALID", "No report was stored.", violations);
        }
        for (AvailabilityReport r : reports) {
            availability.put(system.id(), r.day(), r.availability(), clock.instant());
        }
        auditLog.append(AuditRecord.created(AVAILABILITY, key + "@" + reports.get(0).day(), reports));
        return reports.size();
    }

    private EffectiveTargets set(String kind, long id, String scope, String key, TargetDraft draft) {
        validator.validate(draft);
        EffectiveTargets before = effective(scope, key, overrides.find(kind, id).orElse(null));
        overrides.put(kind, id, new TargetOverrides.Override(draft.qualityTarget(), draft.availabilityTarget(),
                draft.deploymentTarget(), draft.roiTarget()), clock.instant());
        EffectiveTargets after = effective(scope, key, overrides.find(kind, id).orElse(null));
        auditLog.append(AuditRecord.updated(ENTITY, scope + ":" + key, before, after));
        return after;
    }

    private EffectiveTargets effective(String scope, String key, TargetOverrides.Override o) {
        TargetDraft set = o == null ? new TargetDraft(null, null, null, null)
                : new TargetDraft(o.quality(), o.availability(), o.deploymentsPerMonth(), o.roi());
        return new EffectiveTargets(scope, key, or(set.qualityTarget(), properties.qualityTarget()),
                or(set.availabilityTarget(), properties.availabilityTarget()),
                or(set.deploymentTarget(), properties.deploymentTarget()), or(set.roiTarget(), properties.roiTarget()),
                set);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
