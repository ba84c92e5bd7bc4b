package dev.pitwall.portfolio;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes {@link Friction}: the portfolio's own parts and those other modules contribute. */
@Service
public class FrictionService {

    private final WorkflowReader reader;
    private final List<FrictionContributor> contributors;

    FrictionService(WorkflowReader reader, List<FrictionContributor> contributors) {
        this.reader = reader;
        this.contributors = contributors;
    }

    @Transactional(readOnly = true)
    public Friction friction(String workflowKey) {
        return of(reader.details(reader.workflow(workflowKey)));
    }

    Friction of(WorkflowDetails details) {
        List<Friction.Part> parts = new ArrayList<>();
        parts.add(new Friction.Part("manual-handoffs", "Manual handoffs", (int) details.manualHandoffs()));
        parts.add(new Friction.Part("manual-data-assembly", "Manual data-assembly steps",
                (int) details.manualDataAssemblySteps()));
        parts.add(new Friction.Part("unheld-decision-rights", "Unheld decision rights", details.gaps().size()));
        contributors.forEach(c -> parts.add(new Friction.Part(c.id(), c.label(), c.frictionOf(details.workflow()))));
        return new Friction(details.workflow().key(), parts, parts.stream().mapToInt(Friction.Part::points).sum());
    }
}
