package dev.pitwall.insight;

import java.time.LocalDate;

/**
 * The verdict on a pre-registered expectation on a day.
 *
 * @param outcome MET, NOT_MET or INCONCLUSIVE
 * @param effect the estimated effect with its interval, in the KPI's unit ({@code null} without one)
 * @param reason the verdict in a sentence
 */
public record Verdict(Expectation expectation, LocalDate evaluatedOn, Outcome outcome, Interval effect, String reason) {

    /** Met: the effect is distinguishable from noise and reaches the expectation; not met: even the interval's best falls short. */
    public enum Outcome { MET, NOT_MET, INCONCLUSIVE }
}
