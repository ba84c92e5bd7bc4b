package dev.pitwall.operations.web;

import dev.pitwall.operations.Monitor;
import dev.pitwall.operations.MonitorDraft;
import dev.pitwall.operations.Severity;
import dev.pitwall.operations.ThresholdComparator;
import dev.pitwall.platform.web.FormValues;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor form as typed, kept as text so a refused form shows what was entered. The target is
 * one field: {@code workflow:KEY} or {@code system:KEY}.
 */
record MonitorForm(String name, String target, String signal, String kpiId, String comparator, String threshold,
        String windowDays, String minSamples, String severity, String enabled, String lifecycleAction) {

    static MonitorForm blank(String target) {
        return new MonitorForm("", target == null ? "" : target, "overrideRate", "", "GT", "", "7", "50", "SEV3", "on", "");
    }

    static MonitorForm of(Monitor m) {
        return new MonitorForm(m.name(), m.workflowKey() != null ? "workflow:" + m.workflowKey() : "system:" + m.systemKey(),
                m.signal().id(), m.kpiId() == null ? "" : m.kpiId().toString(), m.comparator().name(),
                BigDecimal.valueOf(m.threshold()).stripTrailingZeros().toPlainString(), String.valueOf(m.windowDays()),
                String.valueOf(m.minSamples()), m.severity().name(), m.enabled() ? "on" : "",
                m.lifecycleAction() == null ? "" : m.lifecycleAction().name());
    }

    MonitorDraft toDraft() {
        List<Violation> violations = new ArrayList<>();
        String workflowKey = null;
        String systemKey = null;
        if (target != null && target.startsWith("workflow:")) {
            workflowKey = target.substring("workflow:".length());
        } else if (target != null && target.startsWith("system:")) {
            systemKey = target.substring("system:".length());
        } else {
            violations.add(Violation.ofField("target", "choose a workflow or an AI system"));
        }
        Long kpi = FormValues.parse("kpiId", kpiId, Long::valueOf, violations);
        ThresholdComparator cmp = FormValues.parse("comparator", comparator, ThresholdComparator::valueOf, violations);
        BigDecimal limit = FormValues.parse("threshold", threshold, BigDecimal::new, violations);
        Integer window = FormValues.parse("windowDays", windowDays, Integer::valueOf, violations);
        Integer samples = FormValues.parse("minSamples", minSamples, Integer::valueOf, violations);
        Severity sev = FormValues.parse("severity", severity, Severity::valueOf, violations);
        dev.pitwall.operations.LifecycleAction action = FormValues.parse("lifecycleAction", lifecycleAction,
                dev.pitwall.operations.LifecycleAction::valueOf, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The monitor could not be read.", violations);
        }
        return new MonitorDraft(name, workflowKey, systemKey, signal, kpi, cmp, limit, window, samples, sev,
                enabled != null && !enabled.isBlank(), action);
    }

}
