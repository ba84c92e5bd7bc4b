package dev.pitwall.telemetry;

/**
 * The evaluations of one AI system and evaluation name over a range of days.
 *
 * @param systemKey the AI system
 * @param name the evaluation, e.g. {@code relevance}
 * @param evaluations how many
 * @param scored how many had a numeric score
 * @param meanScore mean of the numeric scores, or {@code null}
 * @param minScore lowest score
 * @param maxScore highest score
 */
public record EvaluationSummary(String systemKey, String name, long evaluations, long scored, Double meanScore,
        Double minScore, Double maxScore) {
}
