package dev.pitwall.portfolio;

import dev.pitwall.people.Tier;
import dev.pitwall.portfolio.WorkflowDetails.DataAssessment;
import dev.pitwall.portfolio.WorkflowDetails.DataSource;
import dev.pitwall.portfolio.WorkflowDetails.PersonRef;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import dev.pitwall.portfolio.WorkflowDetails.Role;
import dev.pitwall.portfolio.WorkflowDetails.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Workflow details built in memory for the policy tests of the gate checks. */
public final class PortfolioFixtures {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    public static final PersonRef ANN = new PersonRef(1, "Ann Active", "ann@x.org", true, Tier.INTEGRATOR);
    public static final PersonRef LEO = new PersonRef(2, "Leo Left", "leo@x.org", false, Tier.CONSUMER);

    private PortfolioFixtures() {
    }

    public static Workflow workflow() {
        return new Workflow(7, "invoice-exceptions", "Invoice exceptions", null, 1L, "Finance", WorkflowStage.PILOT,
                TODAY.minusDays(30), Instant.EPOCH, Instant.EPOCH);
    }

    /** All nine rights held by Ann. */
    public static List<RightHolding> allHeld() {
        return Arrays.stream(DecisionRight.values()).map(r -> new RightHolding(r, ANN, null)).toList();
    }

    public static WorkflowDetails details(List<Step> steps, List<RightHolding> rights, List<DataSource> sources,
            List<Role> roles) {
        return new WorkflowDetails(workflow(), steps, List.of(), List.of(), roles, rights, sources);
    }

    public static Step step(String name, boolean handoff, boolean assembly) {
        return new Step(1, name, ActorType.HUMAN, "tool", handoff, assembly);
    }

    public static DataSource source(String name, int freshness, int quality, int access, int governance) {
        return new DataSource(1, name, "ERP", ANN,
                new DataAssessment(1, TODAY.minusDays(3), freshness, quality, access, governance, null));
    }
}
