package dev.pitwall.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The packs' binary form and merging, and the counts' map view, against plain maps. */
class ActivePacksTest {

    @Test
    void aPackSurvivesItsBinaryFormAndMergesLikeOrOfMasks() {
        Random random = new Random(7);
        Map<Long, Integer> expected = new TreeMap<>();
        ActivePacks.Pack pack = new ActivePacks.Pack(24_322, 9, new long[0], new int[0]);
        for (int round = 0; round < 20; round++) {
            Map<Long, Integer> added = new HashMap<>();
            for (int i = 0; i < 50; i++) {
                // Large ids too: they must keep all 8 bytes; day 31 is the mask's highest bit.
                long person = random.nextBoolean() ? 1 + random.nextInt(200) : Long.MAX_VALUE - random.nextInt(5);
                int mask = 1 << random.nextInt(31);
                added.merge(person, mask, (a, b) -> a | b);
            }
            added.forEach((person, mask) -> expected.merge(person, mask, (a, b) -> a | b));
            pack = ActivePacks.Pack.decode(24_322, 9, pack.with(added).encode());
            assertThat(asMap(pack)).as("round " + round).isEqualTo(expected);
        }
        assertThat(pack.people()).isSorted();
        assertThat(pack.encode()).hasSize(12 * expected.size());
    }

    @Test
    void countsOfTwoMonthsAddUpPersonByPerson() {
        ActiveDayCounts october = new ActiveDayCounts(new long[] {2, 5, 9}, new int[] {3, 1, 4});
        ActiveDayCounts november = new ActiveDayCounts(new long[] {1, 5, 12}, new int[] {2, 6, 1});
        ActiveDayCounts window = october.plus(november);
        assertThat(window).isEqualTo(Map.of(1L, 2, 2L, 3, 5L, 7, 9L, 4, 12L, 1));
        assertThat(window.get(5L)).isEqualTo(7);
        assertThat(window.get(3L)).isNull();
        assertThat(window.get("5")).isNull();
        assertThat(window.getOrDefault(3L, 0)).isZero();
        assertThat(window.containsKey(12L)).isTrue();
        assertThat(window.keySet()).containsExactly(1L, 2L, 5L, 9L, 12L);
        assertThat(new ActiveDayCounts(new long[0], new int[0]).plus(october)).isEqualTo(october);
    }

    private static Map<Long, Integer> asMap(ActivePacks.Pack pack) {
        Map<Long, Integer> map = new TreeMap<>();
        for (int i = 0; i < pack.people().length; i++) {
            map.put(pack.people()[i], pack.days()[i]);
        }
        return map;
    }
}
