package dev.pitwall.measurement.metrics;

import dev.pitwall.measurement.Figure;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adoption of a workflow {@code w} among its intended users {@code U_w} in the window {@code W}
 * (PRODUCT.md, "Adoption"):
 * <ul>
 * <li>{@code activeDays(p,w)} = distinct days in W with ≥ 1 usage event of p attributed to w;</li>
 * <li>level: 0 none (0 days), 1 tried (1), 2 occasional (2–7), 3 habitual (8–15), 4 embedded (≥ 16);</li>
 * <li>{@code reach_w} = share of U_w with activeDays ≥ 1;</li>
 * <li>{@code adoptionDepth_w} = mean over U_w of level/4 ({@code null}: "no intended users");</li>
 * <li>{@code acceptanceRate_w} = ACCEPTED / (ACCEPTED+EDITED+OVERRIDDEN+REJECTED);</li>
 * <li>{@code overrideRate_w} = (OVERRIDDEN+REJECTED) / the same denominator.</li>
 * </ul>
 */
public final class Adoption {

    public static final String[] LEVEL_NAMES = {"none", "tried", "occasional", "habitual", "embedded"};

    private Adoption() {
    }

    /** The adoption level of a person with this many active days. */
    public static int level(int activeDays) {
        if (activeDays <= 0) {
            return 0;
        }
        if (activeDays == 1) {
            return 1;
        }
        if (activeDays <= 7) {
            return 2;
        }
        return activeDays <= 15 ? 3 : 4;
    }

    /**
     * @param reach the reach figure
     * @param adoptionDepth the depth figure
     * @param peopleByLevel the intended users at each level 0–4
     */
    public record Result(Figure reach, Figure adoptionDepth, Map<Integer, Set<Long>> peopleByLevel) {
    }

    /** Reach, depth and the level distribution of {@code intendedUsers} given their active days. */
    public static Result of(Set<Long> intendedUsers, Map<Long, Integer> activeDays) {
        Map<Integer, Set<Long>> byLevel = new TreeMap<>();
        for (int level = 0; level <= 4; level++) {
            byLevel.put(level, new TreeSet<>());
        }
        if (intendedUsers.isEmpty()) {
            String reason = "no intended users";
            return new Result(Figure.missing("reach", "ratio", reason), Figure.missing("adoptionDepth", "ratio", reason),
                    byLevel);
        }
        double levels = 0;
        int reached = 0;
        for (long person : intendedUsers) {
            int level = level(activeDays.getOrDefault(person, 0));
            byLevel.get(level).add(person);
            levels += level / 4.0;
            reached += level > 0 ? 1 : 0;
        }
        int n = intendedUsers.size();
        return new Result(Figure.of("reach", (double) reached / n, "ratio"),
                Figure.of("adoptionDepth", levels / n, "ratio"), byLevel);
    }

    /** Before AI go-live there is nothing to adopt: reach and depth are unknown, everyone is at level 0. */
    public static Result notLive(Set<Long> intendedUsers, String reason) {
        Map<Integer, Set<Long>> byLevel = new TreeMap<>();
        for (int level = 0; level <= 4; level++) {
            byLevel.put(level, new TreeSet<>(level == 0 ? intendedUsers : Set.of()));
        }
        return new Result(Figure.missing("reach", "ratio", reason), Figure.missing("adoptionDepth", "ratio", reason),
                byLevel);
    }

    /** {@code acceptanceRate} and {@code overrideRate}; {@code null} when no event reported an outcome. */
    public static Figure[] rates(OutcomeCounts outcomes) {
        long judged = outcomes.judged();
        if (judged == 0) {
            String reason = "no usage event in the window reported an outcome";
            return new Figure[] {Figure.missing("acceptanceRate", "ratio", reason),
                Figure.missing("overrideRate", "ratio", reason)};
        }
        return new Figure[] {Figure.of("acceptanceRate", (double) outcomes.accepted() / judged, "ratio"),
            Figure.of("overrideRate", (double) (outcomes.overridden() + outcomes.rejected()) / judged, "ratio")};
    }
}
