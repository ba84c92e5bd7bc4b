package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which groups are withheld: below the minimum, and enough others that subtraction reveals nothing smaller. */
class GroupSuppressionTest {

    @Test
    void groupsAtOrAboveTheMinimumAreShownWhenNoneIsWithheld() {
        assertThat(GroupSuppression.suppressed(Map.of("a", 5, "b", 12), 5)).isEmpty();
    }

    @Test
    void aSmallGroupIsWithheldAndSoIsTheSmallestOtherWhenTheTotalWouldGiveItAway() {
        // Total 21 shown: with only "b" withheld, 21 − 6 − 12 = 3 would reveal it.
        assertThat(GroupSuppression.suppressed(Map.of("a", 6, "b", 3, "c", 12), 5)).containsExactly("a", "b");
    }

    @Test
    void twoSmallGroupsTogetherAtTheMinimumNeedNoThird() {
        assertThat(GroupSuppression.suppressed(Map.of("a", 2, "b", 3, "c", 40), 5)).containsExactly("a", "b");
    }

    @Test
    void twoSmallGroupsTogetherBelowTheMinimumTakeTheSmallestShownOneWithThem() {
        assertThat(GroupSuppression.suppressed(Map.of("a", 1, "b", 2, "c", 9, "d", 7), 5)).containsExactly("a", "b", "d");
    }

    @Test
    void tiesGoToTheNameThatSortsFirst() {
        assertThat(GroupSuppression.suppressed(Map.of("z", 2, "m", 8, "b", 8), 5)).containsExactly("b", "z");
    }

    @Test
    void onASingleGroupBelowTheMinimumEverythingIsWithheld() {
        assertThat(GroupSuppression.suppressed(Map.of("a", 3, "b", 9), 5)).containsExactly("a", "b");
    }

    @Test
    void noBreakdownEverLetsTheTotalMinusTheShownGroupsFallBelowTheMinimum() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            int minimum = 2 + random.nextInt(9);
            Map<String, Integer> counts = new LinkedHashMap<>();
            int groups = 1 + random.nextInt(8);
            for (int g = 0; g < groups; g++) {
                counts.put("g" + g, 1 + random.nextInt(15));
            }
            Set<String> withheld = GroupSuppression.suppressed(counts, minimum);
            int hidden = withheld.stream().mapToInt(counts::get).sum();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            counts.forEach((name, n) -> assertThat(n >= minimum || withheld.contains(name)).isTrue());
            if (total >= minimum) {
                // What subtraction recovers is the withheld groups together: never fewer than the minimum.
                assertThat(hidden == 0 || hidden >= minimum).as("%s with minimum %d", counts, minimum).isTrue();
            }
        }
    }
}
