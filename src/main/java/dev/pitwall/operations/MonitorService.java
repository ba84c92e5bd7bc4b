package dev.pitwall.operations;

import dev.pitwall.measurement.EffectiveTargets;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiNotFound;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.measurement.TargetService;
import dev.pitwall.operations.internal.Monitors;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitors: created and changed by people, or by Pitwall for every production workflow from its
 * targets (the defaults, docs/continuous-management.md). Every change is audited.
 */
@Service
@Transactional
public class MonitorService {

    private static final String ENTITY = "monitor";

    private final Monitors monitors;
    private final WorkflowService workflows;
    private final AiSystemService systems;
    private final KpiService kpis;
    private final TargetService targets;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final Clock clock;
    private final dev.pitwall.operations.internal.SignalReader reader;

    MonitorService(Monitors monitors, WorkflowService workflows, AiSystemService systems, KpiService kpis,
            TargetService targets, InputValidator validator, AuditLog auditLog, Clock clock,
            dev.pitwall.operations.internal.SignalReader reader) {
        this.reader = reader;
        this.monitors = monitors;
        this.workflows = workflows;
        this.systems = systems;
        this.kpis = kpis;
        this.targets = targets;
        this.validator = validator;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Monitor> findAll() {
        return monitors.findAll();
    }

    @Transactional(readOnly = true)
    public Monitor get(long id) {
        return monitors.findById(id).orElseThrow(() -> new MonitorNotFound(id));
    }

    @Transactional(readOnly = true)
    public List<MonitorTransition> transitions(long id) {
        get(id);
        return monitors.transitions(id, 200);
    }

    /** The signal over the last 90 days and where the monitor would have fired (the editor's chart). */
    @Transactional(readOnly = true)
    public List<MonitorHistoryPoint> history(long id) {
        return reader.history(get(id), clock.instant());
    }

    public Monitor create(MonitorDraft draft) {
        long id = monitors.insert(checked(draft, Monitor.CUSTOM), clock.instant());
        Monitor created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    /** Changes a monitor; a default monitor changed by a person becomes theirs (CUSTOM) and keeps its threshold. */
    public Monitor update(long id, MonitorDraft draft) {
        Monitor before = get(id);
        monitors.update(id, checked(draft, Monitor.CUSTOM), clock.instant());
        Monitor after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    public void delete(long id) {
        Monitor before = get(id);
        monitors.delete(id);
        auditLog.append(AuditRecord.deleted(ENTITY, id, before));
    }

    /**
     * Gives every production workflow its default monitors and keeps their thresholds in step with
     * the workflow's targets. Returns how many monitors were created or changed.
     */
    public int ensureDefaults() {
        int changed = 0;
        List<Monitor> all = monitors.findAll();
        for (Workflow workflow : workflows.find(WorkflowStage.PRODUCTION, null)) {
            EffectiveTargets target = targets.ofWorkflow(workflow.key());
            for (Monitors.Row wanted : DefaultMonitors.of(workflow.id(), target)) {
                var existing = all.stream().filter(m -> Monitor.DEFAULT.equals(m.origin())
                        && Objects.equals(m.workflowId(), workflow.id()) && m.signal() == wanted.signal()).findFirst();
                if (existing.isEmpty()) {
                    long id = monitors.insert(wanted, clock.instant());
                    auditLog.append(AuditRecord.created(ENTITY, id, get(id)));
                    changed++;
                } else if (existing.get().threshold() != wanted.threshold().doubleValue()) {
                    Monitor before = existing.get();
                    monitors.update(before.id(), new Monitors.Row(before.name(), before.workflowId(), null, before.signal(),
                            null, before.comparator(), wanted.threshold(), before.windowDays(), before.minSamples(),
                            before.severity(), before.enabled(), Monitor.DEFAULT, before.lifecycleAction()), clock.instant());
                    auditLog.append(AuditRecord.updated(ENTITY, before.id(), before, get(before.id())));
                    changed++;
                }
            }
        }
        return changed;
    }

    private Monitors.Row checked(MonitorDraft draft, String origin) {
        validator.validate(draft);
        MonitorSignal signal = MonitorSignal.byId(draft.signal().trim()).orElseThrow(() -> InvalidInputException.ofField(
                "signal", "unknown signal '" + draft.signal() + "'; one of " + Arrays.stream(MonitorSignal.values())
                        .map(MonitorSignal::id).collect(Collectors.joining(", "))));
        boolean onWorkflow = draft.workflowKey() != null && !draft.workflowKey().isBlank();
        boolean onSystem = draft.systemKey() != null && !draft.systemKey().isBlank();
        if (onWorkflow == onSystem) {
            throw InvalidInputException.ofField("workflowKey", "name either a workflow or an AI system (systemKey)");
        }
        Long workflowId = null;
        Long systemId = null;
        if (onWorkflow) {
            workflowId = workflows.findByKey(draft.workflowKey().trim()).orElseThrow(() -> InvalidInputException.ofField(
                    "workflowKey", "no workflow has the key '" + draft.workflowKey() + "'")).id();
            if (!signal.appliesToWorkflow()) {
                throw InvalidInputException.ofField("signal", signal.id() + " applies to AI systems only");
            }
        } else {
            systemId = systems.findByKey(draft.systemKey().trim()).orElseThrow(() -> InvalidInputException.ofField(
                    "systemKey", "no AI system has the key '" + draft.systemKey() + "'")).id();
            if (!signal.appliesToSystem()) {
                throw InvalidInputException.ofField("signal", signal.id() + " is a workflow scorecard figure; "
                        + "an AI system's monitors watch its telemetry signals");
            }
        }
        Long kpiId = checkedKpi(signal, draft.kpiId(), onWorkflow ? draft.workflowKey().trim() : null);
        return new Monitors.Row(draft.name().trim(), workflowId, systemId, signal, kpiId, draft.comparator(),
                draft.threshold().setScale(6, java.math.RoundingMode.HALF_UP), draft.windowDays(), draft.minSamples(),
                draft.severity(), draft.enabled() == null || draft.enabled(), origin, draft.lifecycleAction());
    }

    private Long checkedKpi(MonitorSignal signal, Long kpiId, String workflowKey) {
        if (signal != MonitorSignal.KPI) {
            if (kpiId != null) {
                throw InvalidInputException.ofField("kpiId", "only the kpi signal names a KPI");
            }
            return null;
        }
        if (kpiId == null) {
            throw InvalidInputException.ofField("kpiId", "the kpi signal needs the KPI it watches");
        }
        Kpi kpi;
        try {
            kpi = kpis.get(kpiId);
        } catch (KpiNotFound e) {
            throw InvalidInputException.ofField("kpiId", "no KPI has the id " + kpiId);
        }
        if (!kpi.workflowKey().equals(workflowKey)) {
            throw InvalidInputException.ofField("kpiId", "KPI " + kpiId + " belongs to the workflow " + kpi.workflowKey());
        }
        return kpiId;
    }

    /** The default monitors of a production workflow, from its targets. */
    static final class DefaultMonitors {

        private DefaultMonitors() {
        }

        static List<Monitors.Row> of(long workflowId, EffectiveTargets t) {
            return List.of(
                    row("Quality below target", workflowId, MonitorSignal.QUALITY, ThresholdComparator.LT,
                            t.qualityTarget(), 7, 20, Severity.SEV2),
                    row("Overrides above the quality target allows", workflowId, MonitorSignal.OVERRIDE_RATE,
                            ThresholdComparator.GT, round(1 - t.qualityTarget()), 7, 50, Severity.SEV2),
                    row("Errors above the availability target allows", workflowId, MonitorSignal.ERROR_RATE,
                            ThresholdComparator.GT, round(1 - t.availabilityTarget()), 1, 50, Severity.SEV2),
                    row("Silence: no usage for three days", workflowId, MonitorSignal.EVENTS_PER_DAY,
                            ThresholdComparator.LT, 0.5, 3, 0, Severity.SEV3));
        }

        private static double round(double value) {
            return Math.round(value * 1_000_000d) / 1_000_000d;
        }

        private static Monitors.Row row(String name, long workflowId, MonitorSignal signal, ThresholdComparator comparator,
                double threshold, int window, int samples, Severity severity) {
            return new Monitors.Row(name, workflowId, null, signal, null, comparator,
                    BigDecimal.valueOf(threshold).setScale(6, java.math.RoundingMode.HALF_UP), window, samples, severity,
                    true, Monitor.DEFAULT, null);
        }
    }
}
