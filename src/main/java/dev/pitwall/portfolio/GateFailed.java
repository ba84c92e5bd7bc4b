package dev.pitwall.portfolio;

import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Promotion to production refused: the gate fails and no valid waiver exists. Lists every failed check. */
public class GateFailed extends ProblemException {

    public GateFailed(GateResult gate) {
        super(HttpStatus.CONFLICT, "GATE_FAILED", "Gate failed",
                "'" + gate.workflowKey() + "' cannot move to PRODUCTION: " + gate.failed().size()
                        + " gate check(s) fail ("
                        + gate.failed().stream().map(GateResult.CheckOutcome::id).collect(java.util.stream.Collectors.joining(", "))
                        + ") and no valid waiver exists.",
                gate.failed().stream().flatMap(check -> check.reasons().stream()
                        .map(reason -> Violation.ofField(check.id(), reason))).toList());
    }
}
