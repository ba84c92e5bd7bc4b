package dev.pitwall.governance.internal;

import dev.pitwall.governance.Control;
import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ControlStatus;
import dev.pitwall.governance.Evidence;
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

    ImplementationReader(Implementations implementations, Controls controls, Classifications classifications) {
        this.implementations = implementations;
        this.controls = controls;
        this.classifications = classifications;
    }

    /**
     * By workflow id: the controls its current tier or EU AI Act obligations require (MISSING when nothing was recorded),
     * then any other control it recorded a status or evidence for.
     */
    public Map<Long, List<ControlImplementation>> of(List<Workflow> scope) {
        List<Long> ids = scope.stream().map(Workflow::id).toList();
        List<Control> library = controls.findAll();
        Map<Long, WorkflowClassification> classified = classifications.allCurrent();
        var rows = implementations.rows(ids);
        var evidence = implementations.evidence(ids);
        Map<Long, List<ControlImplementation>> result = new HashMap<>();
        for (Workflow w : scope) {
            WorkflowClassification c = classified.get(w.id());
            List<ControlImplementation> list = new ArrayList<>();
            for (Control control : library) {
                boolean required = c != null && control.requiredFor(c.tier(), c.euObligations());
                Implementations.Row row = rows.getOrDefault(w.id(), Map.of()).get(control.id());
                List<Evidence> items = evidence.getOrDefault(w.id(), Map.of()).getOrDefault(control.id(), List.of());
                if (!required && row == null && items.isEmpty()) {
                    continue;
                }
                list.add(row == null
                        ? new ControlImplementation(w.key(), w.name(), control.key(), control.name(), required,
                                ControlStatus.MISSING, null, null, null, null, null, null, null, items)
                        : new ControlImplementation(w.key(), w.name(), control.key(), control.name(), required,
                                row.status(), row.ownerId(), row.ownerName(), row.ownerEmail(), row.reviewOn(),
                                row.expiresOn(), row.note(), row.expiredOn(), items));
            }
            list.sort(Comparator.comparing((ControlImplementation i) -> !i.required())
                    .thenComparing(ControlImplementation::controlName));
            result.put(w.id(), list);
        }
        return result;
    }
}
