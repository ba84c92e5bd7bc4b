package dev.pitwall.telemetry;

import dev.pitwall.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No evaluation of a request could be stored; each is named in the violations. */
public class EvaluationsRejected extends ProblemException {

    public EvaluationsRejected(IngestionResult result) {
        super(HttpStatus.BAD_REQUEST, "EVALUATIONS_REJECTED", "No valid evaluation",
                "None of the " + result.rejected() + " evaluation(s) could be stored; each is listed in errors.",
                result.rejections());
    }
}
