package dev.pitwall.governance.internal;

import dev.pitwall.governance.Control;
import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ControlStatus;
import dev.pitwall.governance.Evidence;
import dev.pitwall.governance.GeneratedEvidenceSource;
import dev.pitwall.governance.WorkflowClassification;
import dev.pitwall.portfolio.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads workflows' implementations of the library from the repositories alone: the gate check
 * uses it, and the gate is built before the portfolio's services, so it must not need them.
 */
@Component
public class ImplementationReader {

    private final Implementations implementations;
    private final Controls controls;
    private final Classifications classifications;
    private final org.springframework.beans.factory.ObjectProvider<GeneratedEvidenceSource> generated;
    private final java.time.Clock clock;

    ImplementationReader(Implementations implementations, Controls controls, Classifications classifications,
            org.springframework.beans.factory.ObjectProvider<GeneratedEvidenceSource> generated, java.time.Clock clock) {
        this.implementations = implementations;
        this.controls = controls;
        this.classifications = classifications;
        this.generated = generated;
        this.clock = clock;
    }

    /**
     * The stored evidence with the evidence generated today from other modules' records, by workflow
     * id and control id.
     */
    private Map<Long, Map<Long, List<Evidence>>> evidence(List<Long> ids, Map<Long, WorkflowClassification> classified,
            List<Control> library) {
        Map<Long, Map<Long, List<Evidence>>> stored = implementations.evidence(ids);
        Map<Long, dev.pitwall.governance.RiskTier> tiers = new HashMap<>();
        ids.forEach(id -> tiers.put(id, classified.get(id) == null ? null : classified.get(id).tier()));
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        Map<String, Long> controlIds = new HashMap<>();
        library.forEach(c -> controlIds.put(c.key(), c.id()));
        Map<Long, Map<Long, List<Evidence>>> all = new HashMap<>();
        stored.forEach((workflow, byControl) -> byControl.forEach((control, items) ->
                all.computeIfAbsent(workflow, w -> new HashMap<>()).computeIfAbsent(control, c -> new ArrayList<>()).addAll(items)));
        generated.orderedStream().forEach(source -> source.evidence(tiers, today).forEach((workflow, byKey) ->
                byKey.forEach((key, items) -> {
                    Long control = controlIds.get(key);
                    if (control != null && tiers.containsKey(workflow)) {
                        all.computeIfAbsent(workflow, w -> new HashMap<>()).computeIfAbsent(control, c -> new ArrayList<>())
                                .addAll(items);
                    }
                })));
        return all;
    }

    /**
     * By workflow id: the controls its current tier or EU AI Act obligations require (MISSING when
     * nothing was recorded), then any other control it recorded a status or evidence for.
     */
    public Map<Long, List<ControlImplementation>> of(List<Workflow> scope) {
        List<Long> ids = scope.stream().map(Workflow::id).toList();
        List<Control> library = controls.findAll();
        Map<Long, WorkflowClassification> classified = classifications.currentOf(ids);
        var rows = implementations.rows(ids);
        var evidence = evidence(ids, classified, library);
        Map<Long, List<ControlImplementation>> result = new HashMap<>();
        for (Workflow w : scope) {
            List<ControlImplementation> list = new ArrayList<>();
            for (Control control : library) {
                boolean required = required(classified.get(w.id()), control);
                Implementations.Row row = rows.getOrDefault(w.id(), Map.of()).get(control.id());
                List<Evidence> items = evidence.getOrDefault(w.id(), Map.of()).getOrDefault(control.id(), List.of());
                if (required || row != null || !items.isEmpty()) {
                    list.add(implementation(w, control, required, row, items));
                }
            }
            list.sort(Comparator.comparing((ControlImplementation i) -> !i.required())
                    .thenComparing(ControlImplementation::controlName));
            result.put(w.id(), list);
        }
        return result;
    }

    /** One control of one workflow, required or not, recorded or not. */
    public ControlImplementation one(Workflow workflow, Control control) {
        List<Long> id = List.of(workflow.id());
        Map<Long, WorkflowClassification> classified = classifications.currentOf(id);
        return implementation(workflow, control, required(classified.get(workflow.id()), control),
                implementations.rows(id).getOrDefault(workflow.id(), Map.of()).get(control.id()),
                evidence(id, classified, List.of(control)).getOrDefault(workflow.id(), Map.of())
                        .getOrDefault(control.id(), List.of()));
    }

    private static boolean required(WorkflowClassification classification, Control control) {
        return classification != null && control.requiredFor(classification.tier(), classification.euObligations());
    }

    private static ControlImplementation implementation(Workflow w, Control control, boolean required,
            Implementations.Row row, List<Evidence> evidence) {
        return row == null
                ? new ControlImplementation(w.key(), w.name(), control.key(), control.name(), required,
                        ControlStatus.MISSING, null, null, null, null, null, null, null, evidence)
                : new ControlImplementation(w.key(), w.name(), control.key(), control.name(), required, row.status(),
                        row.ownerId(), row.ownerName(), row.ownerEmail(), row.reviewOn(), row.expiresOn(), row.note(),
                        row.expiredOn(), evidence);
    }
}
