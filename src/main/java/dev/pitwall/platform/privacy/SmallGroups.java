package dev.pitwall.platform.privacy;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the groups that split a whole are withheld so that none shown, nor the whole minus
 * those shown, counts fewer than the minimum group size: groups of 1 to k − 1 people first, then
 * the smallest shown ones until what the withheld groups hold together is 0 or at least k.
 */
public final class SmallGroups {

    private SmallGroups() {
    }

    /**
     * @param counts people per group; the groups split {@code total} (each person in one group)
     * @param total the people of the whole, which may be shown
     * @param k the minimum group size
     */
    public static <K> Set<K> withheld(Map<K, Long> counts, long total, int k) {
        Set<K> withheld = new HashSet<>();
        counts.forEach((group, people) -> {
            if (people > 0 && people < k) {
                withheld.add(group);
            }
        });
        while (true) {
            List<Map.Entry<K, Long>> shown = counts.entrySet().stream().filter(e -> !withheld.contains(e.getKey()))
                    .filter(e -> e.getValue() > 0).toList();
            long rest = total - shown.stream().mapToLong(Map.Entry::getValue).sum();
            if (rest <= 0 || rest >= k || shown.isEmpty()) {
                return withheld;
            }
            withheld.add(shown.stream().min(Comparator.comparingLong(Map.Entry<K, Long>::getValue)
                    .thenComparing(e -> String.valueOf(e.getKey()))).orElseThrow().getKey());
        }
    }
}
