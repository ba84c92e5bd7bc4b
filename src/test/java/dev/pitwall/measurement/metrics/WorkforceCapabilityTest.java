package dev.pitwall.measurement.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.metrics.WorkforceCapability.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkforceCapabilityTest {

    @Test
    void coverageCapsEachRequirementAtOneAndCountsUnassessedSkillsAsZero() {
        // Person 1 needs skill 10 at 2 (has 4 -> 1.0) and skill 11 at 4 (has 2 -> 0.5);
        // person 2 needs skill 10 at 2 (never assessed -> 0).
        List<Requirement> requirements = List.of(new Requirement(1, 10, 2), new Requirement(1, 11, 4),
                new Requirement(2, 10, 2));
        Figure coverage = WorkforceCapability.skillCoverage(requirements, Map.of(1L, Map.of(10L, 4, 11L, 2)));
        assertThat(coverage.value()).isCloseTo(0.5, within(1e-12));
        assertThat(WorkforceCapability.skillGap(coverage).value()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void noRequirementsMeansNoCoverage() {
        Figure coverage = WorkforceCapability.skillCoverage(List.of(), Map.of());
        assertThat(coverage.value()).isNull();
        assertThat(WorkforceCapability.skillGap(coverage).reason()).contains("no role");
    }

    @Test
    void gapReductionComparesWithTheBaselineGap() {
        // gap 0.6 at the baseline, 0.15 now: (0.6 - 0.15) / 0.6 = 0.75
        assertThat(WorkforceCapability.skillGapReduction(Figure.of("skillGap", 0.6, "ratio"),
                Figure.of("skillGap", 0.15, "ratio")).value()).isCloseTo(0.75, within(1e-12));
        assertThat(WorkforceCapability.skillGapReduction(Figure.of("skillGap", 0, "ratio"),
                Figure.of("skillGap", 0, "ratio")).reason()).isEqualTo("the skill gap at the baseline date was 0");
    }

    @Test
    void trainedShareAndCapabilityRoi() {
        assertThat(WorkforceCapability.trainedShare(Set.of(1L, 2L, 3L, 4L), Set.of(2L, 4L, 9L)).value()).isEqualTo(0.5);
        assertThat(WorkforceCapability.trainedShare(Set.of(), Set.of(1L)).reason()).isEqualTo("no intended users");
        // 30,000 realized since go-live on 12,000 of workforce spend
        assertThat(WorkforceCapability.capabilityRoi(Figure.of("cumulativeRealizedImpact", 30_000, "money"), 12_000)
                .value()).isEqualTo(2.5);
        assertThat(WorkforceCapability.capabilityRoi(Figure.of("cumulativeRealizedImpact", 30_000, "money"), 0)
                .reason()).contains("no workforce spend");
    }
}
