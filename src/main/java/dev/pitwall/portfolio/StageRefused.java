package dev.pitwall.portfolio;

import dev.pitwall.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A stage change a {@link StageGuard} forbids: 409, with the guard's reason. */
public class StageRefused extends ProblemException {

    public StageRefused(String workflowKey, WorkflowStage stage, String reason) {
        super(HttpStatus.CONFLICT, "STAGE_REFUSED", "Stage change refused",
                "'" + workflowKey + "' may not move to " + stage + ": " + reason);
    }
}
