package dev.pitwall.telemetry;

import dev.pitwall.platform.web.Violation;
import java.util.List;

/**
 * What a reader made of one OTLP logs request.
 *
 * @param evaluations evaluation results read
 * @param rejections log records that are evaluation results but could not be read
 * @param skipped log records that are not evaluation results
 */
public record ParsedEvaluations(List<IncomingEvaluation> evaluations, List<Violation> rejections, int skipped) {

    public ParsedEvaluations {
        evaluations = List.copyOf(evaluations);
        rejections = List.copyOf(rejections);
    }
}
