package dev.pitwall.insight;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which groups of a breakdown must not be shown so that no group of fewer than the minimum size
 * can be read, directly or by subtraction (docs/insight.md, "Anonymity").
 *
 * <p>Every group below the minimum is suppressed (primary suppression). Because the total is shown,
 * the suppressed groups together can be recovered as the total minus the shown groups; so while
 * they hold fewer answers together than the minimum, the smallest shown group is suppressed too
 * (complementary suppression). Ties go to the name that sorts first, so the result is stable.
 */
public final class GroupSuppression {

    private GroupSuppression() {
    }

    /**
     * The names of the groups to suppress.
     *
     * @param counts answers per group; the groups partition the total
     * @param minimum the minimum group size
     */
    public static Set<String> suppressed(Map<String, Integer> counts, int minimum) {
        Set<String> suppressed = new TreeSet<>();
        int hidden = 0;
        for (Map.Entry<String, Integer> group : counts.entrySet()) {
            if (group.getValue() < minimum) {
                suppressed.add(group.getKey());
                hidden += group.getValue();
            }
        }
        Map<String, Integer> shown = new LinkedHashMap<>(counts);
        shown.keySet().removeAll(suppressed);
        while (!suppressed.isEmpty() && hidden < minimum && !shown.isEmpty()) {
            String smallest = shown.entrySet().stream()
                    .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey))
                    .orElseThrow().getKey();
            hidden += shown.remove(smallest);
            suppressed.add(smallest);
        }
        return suppressed;
    }
}
