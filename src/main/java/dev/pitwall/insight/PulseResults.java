package dev.pitwall.insight;

import java.util.List;

/**
 * A pulse's results, with every group below the minimum size suppressed (and enough others that no
 * subtraction reveals one).
 *
 * @param pulse the pulse
 * @param minGroupSize the minimum group size in force
 * @param shown whether results are shown at all
 * @param reason why not, when they are not
 * @param total every answer together ({@code null} when not shown)
 * @param breakdowns by level, by team and by tier
 */
public record PulseResults(Pulse pulse, int minGroupSize, boolean shown, String reason, Group total,
        List<Breakdown> breakdowns) {

    /** One figure of a group: the share agreeing (agreement scale) or the mean score (0–100 scale). */
    public record Figure(String question, String statement, String measure, double value) {
    }

    /**
     * A group of answers. When suppressed, neither its size nor its figures are given.
     *
     * @param name the group's name (a level, a team, a tier)
     * @param answers answers in it, or {@code null} when suppressed
     * @param suppressed whether it is withheld
     * @param figures its figures, empty when suppressed
     */
    public record Group(String name, Integer answers, boolean suppressed, List<Figure> figures) {
    }

    /** One way of splitting the answers: {@code level}, {@code team} or {@code tier}. */
    public record Breakdown(String dimension, List<Group> groups) {
    }
}
