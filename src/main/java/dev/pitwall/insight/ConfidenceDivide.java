package dev.pitwall.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The share agreeing that AI will improve the business's results, by level, pulse after pulse
 * (only pulses that asked it and have stopped taking answers).
 *
 * @param minGroupSize the minimum group size in force
 * @param pulses oldest first
 */
public record ConfidenceDivide(int minGroupSize, List<Point> pulses) {

    /**
     * @param level the level
     * @param answers answers at that level, or {@code null} when suppressed
     * @param agreeingShare share answering 4 or 5, or {@code null} when suppressed
     */
    public record LevelShare(String level, Integer answers, Double agreeingShare) {
    }

    /**
     * One pulse.
     *
     * @param pulseId the pulse
     * @param title its title
     * @param endedOn the day it stopped taking answers
     * @param answers all its answers
     * @param levels the share agreeing at each level
     * @param divide executives' share minus managers' share, in percentage points ({@code null} when
     *     either is withheld)
     */
    public record Point(long pulseId, String title, LocalDate endedOn, int answers, List<LevelShare> levels,
            Double divide) {
    }

    /** The latest pulse, or {@code null}. */
    public Point latest() {
        return pulses.isEmpty() ? null : pulses.get(pulses.size() - 1);
    }
}
