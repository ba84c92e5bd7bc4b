package dev.pitwall.portfolio;

import dev.pitwall.portfolio.internal.Waivers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evaluates the pilot → production gate: every contributed {@link GateCheck}, and the waiver valid today. */
@Service
public class GateService {

    private final WorkflowReader reader;
    private final IntendedUserService intendedUsers;
    private final List<GateCheck> checks;
    private final Waivers waivers;
    private final Clock clock;

    GateService(WorkflowReader reader, IntendedUserService intendedUsers, List<GateCheck> checks, Waivers waivers,
            Clock clock) {
        this.reader = reader;
        this.intendedUsers = intendedUsers;
        this.checks = checks.stream().sorted(Comparator.comparingInt(GateCheck::order)).toList();
        this.waivers = waivers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public GateResult evaluate(String workflowKey) {
        return evaluate(reader.workflow(workflowKey), LocalDate.now(clock));
    }

    /** The gate of a workflow on a day (an operating review's agenda reads it on the day it was held). */
    @Transactional(readOnly = true)
    public GateResult evaluate(String workflowKey, LocalDate asOf) {
        return evaluate(reader.workflow(workflowKey), asOf);
    }

    GateResult evaluate(Workflow workflow, LocalDate asOf) {
        return evaluate(reader.details(workflow), asOf);
    }

    /** The gate of a workflow already read with its parts. */
    GateResult evaluate(WorkflowDetails details, LocalDate asOf) {
        Workflow workflow = details.workflow();
        GateCheck.Subject subject = new GateCheck.Subject(details, intendedUsers.intendedUserIds(details), asOf);
        List<GateResult.CheckOutcome> outcomes = checks.stream().map(check -> outcome(check, subject)).toList();
        boolean passed = outcomes.stream().allMatch(GateResult.CheckOutcome::passed);
        Waiver waiver = waivers.findByWorkflow(workflow.id()).stream().filter(w -> w.validOn(asOf)).findFirst()
                .orElse(null);
        boolean waivable = outcomes.stream().allMatch(GateResult.CheckOutcome::waivable);
        return new GateResult(workflow.key(), workflow.stage(), asOf, passed, outcomes, waiver,
                passed || waiver != null && waivable);
    }

    /** The checks, in gate order. */
    public List<GateCheck> checks() {
        return checks;
    }

    private static GateResult.CheckOutcome outcome(GateCheck check, GateCheck.Subject subject) {
        GateCheck.Result result = check.check(subject);
        GateCheck.Fix fix = check.fix(subject.details().workflow().key());
        if (result instanceof GateCheck.Passed passed) {
            return new GateResult.CheckOutcome(check.id(), check.title(), true, passed.summary(), List.of(), true, fix);
        }
        GateCheck.Failed failed = (GateCheck.Failed) result;
        return new GateResult.CheckOutcome(check.id(), check.title(), false, null, failed.reasons(), failed.waivable(),
                fix);
    }
}
