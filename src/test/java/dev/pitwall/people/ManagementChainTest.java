package dev.pitwall.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagementChainTest {

    // 1 is managed by 2, 2 by 3; 3 has no manager.
    private final Map<Long, Long> managers = Map.of(1L, 2L, 2L, 3L);

    @Test
    void aManagerHigherUpTheChainIsFine() {
        assertThat(ManagementChain.wouldCycle(4, 1L, managers)).isFalse();
        assertThat(ManagementChain.wouldCycle(1, 3L, managers)).isFalse();
        assertThat(ManagementChain.wouldCycle(1, null, managers)).isFalse();
    }

    @Test
    void managingYourselfDirectlyOrIndirectlyIsACycle() {
        assertThat(ManagementChain.wouldCycle(3, 1L, managers)).isTrue();
        assertThat(ManagementChain.wouldCycle(2, 2L, managers)).isTrue();
    }

    @Test
    void anExistingLoopElsewhereIsDetectedInsteadOfLoopingForever() {
        assertThat(ManagementChain.wouldCycle(9, 5L, Map.of(5L, 6L, 6L, 5L))).isTrue();
    }
}
