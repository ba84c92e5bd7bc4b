package dev.pitwall.measurement.metrics;

import dev.pitwall.measurement.Figure;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Workforce capability of a workflow (PRODUCT.md, "Workforce capability"):
 * <ul>
 * <li>{@code skillCoverage_w} = mean over (assigned person, required skill of their role) of
 * min(level / required level, 1) — an unassessed skill counts as level 0;</li>
 * <li>{@code skillGap_w} = 1 − skillCoverage_w;</li>
 * <li>{@code skillGapReduction_w} = (gap at the baseline date − gap now) / gap at the baseline
 * date ({@code null} when the baseline gap is 0);</li>
 * <li>{@code trainedShare_w} = share of U_w with a completed enablement linked to w;</li>
 * <li>{@code capabilityRoi_w} = cumulativeRealizedImpact / cumulative workforce spend.</li>
 * </ul>
 */
public final class WorkforceCapability {

    private WorkforceCapability() {
    }

    /** A person assigned to a role that requires {@code skillId} at {@code requiredLevel} (1–4). */
    public record Requirement(long personId, long skillId, int requiredLevel) {
    }

    /** Coverage of the requirements given each person's skill levels (person → skill → level). */
    public static Figure skillCoverage(List<Requirement> requirements, Map<Long, Map<Long, Integer>> levels) {
        if (requirements.isEmpty()) {
            return Figure.missing("skillCoverage", "ratio", "no role on the workflow has both members and required skills");
        }
        double sum = 0;
        for (Requirement r : requirements) {
            int level = levels.getOrDefault(r.personId(), Map.of()).getOrDefault(r.skillId(), 0);
            sum += Math.min((double) level / r.requiredLevel(), 1.0);
        }
        return Figure.of("skillCoverage", sum / requirements.size(), "ratio");
    }

    public static Figure skillGap(Figure coverage) {
        return coverage.present() ? Figure.of("skillGap", 1 - coverage.v(), "ratio")
                : Figure.missing("skillGap", "ratio", coverage.reason());
    }

    public static Figure skillGapReduction(Figure baselineGap, Figure gapNow) {
        String id = "skillGapReduction";
        if (!baselineGap.present()) {
            return Figure.missing(id, "ratio", "no skill gap at the baseline date: " + baselineGap.reason());
        }
        if (!gapNow.present()) {
            return Figure.missing(id, "ratio", gapNow.reason());
        }
        if (baselineGap.v() == 0) {
            return Figure.missing(id, "ratio", "the skill gap at the baseline date was 0");
        }
        return Figure.of(id, (baselineGap.v() - gapNow.v()) / baselineGap.v(), "ratio");
    }

    public static Figure trainedShare(Set<Long> intendedUsers, Set<Long> trained) {
        if (intendedUsers.isEmpty()) {
            return Figure.missing("trainedShare", "ratio", "no intended users");
        }
        long count = intendedUsers.stream().filter(trained::contains).count();
        return Figure.of("trainedShare", (double) count / intendedUsers.size(), "ratio");
    }

    public static Figure capabilityRoi(Figure cumulativeRealizedImpact, double workforceSpend) {
        if (!cumulativeRealizedImpact.present()) {
            return Figure.missing("capabilityRoi", "multiple", cumulativeRealizedImpact.reason());
        }
        if (workforceSpend <= 0) {
            return Figure.missing("capabilityRoi", "multiple", "no workforce spend recorded up to the as-of date");
        }
        return Figure.of("capabilityRoi", cumulativeRealizedImpact.v() / workforceSpend, "multiple");
    }
}
