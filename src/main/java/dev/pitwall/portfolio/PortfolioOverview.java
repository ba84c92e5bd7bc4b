package dev.pitwall.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portfolio at a glance: each initiative with its pipelines, each workflow with its gate and friction. */
@Service
public class PortfolioOverview {

    private final InitiativeService initiatives;
    private final PipelineService pipelines;
    private final WorkflowReader reader;
    private final GateService gate;
    private final FrictionService friction;
    private final dev.pitwall.portfolio.internal.Workflows workflows;
    private final Clock clock;

    PortfolioOverview(InitiativeService initiatives, PipelineService pipelines, WorkflowReader reader, GateService gate,
            FrictionService friction, dev.pitwall.portfolio.internal.Workflows workflows, Clock clock) {
        this.initiatives = initiatives;
        this.pipelines = pipelines;
        this.reader = reader;
        this.gate = gate;
        this.friction = friction;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** An initiative with its pipeline lag and the number of broken cross-dependencies. */
    public record InitiativeRow(Initiative initiative, int pipelineLag, int violations) {
    }

    /**
     * A workflow with its gate and friction.
     *
     * @param workflow the workflow
     * @param gatePassed whether every gate check passes
     * @param failedChecks how many checks fail
     * @param waived whether a waiver is valid today
     * @param unheldRights decision rights held by nobody (or by someone inactive)
     * @param friction its friction total
     */
    public record WorkflowRow(Workflow workflow, boolean gatePassed, int failedChecks, boolean waived,
            long unheldRights, int friction) {
    }

    @Transactional(readOnly = true)
    public List<InitiativeRow> initiatives() {
        return initiatives.findAll().stream().map(i -> {
            Pipelines p = pipelines.pipelines(i.id());
            return new InitiativeRow(i, p.pipelineLag(), p.violations().size());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<WorkflowRow> workflows(WorkflowStage stage, Long initiativeId) {
        LocalDate today = LocalDate.now(clock);
        return workflows.find(stage, initiativeId).stream().map(w -> {
            WorkflowDetails details = reader.details(w);
            GateResult result = gate.evaluate(details, today);
            return new WorkflowRow(w, result.passed(), result.failed().size(), result.activeWaiver() != null,
                    details.gaps().size(), friction.of(details).total());
        }).toList();
    }
}
