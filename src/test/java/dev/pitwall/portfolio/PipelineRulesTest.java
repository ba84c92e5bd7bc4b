package dev.pitwall.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.people.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineRulesTest {

    private static final LocalDate D = LocalDate.of(2026, 1, 1);
    private final Map<PipelineStage, PipelineStageState> stages = new EnumMap<>(PipelineStage.class);

    PipelineRulesTest() {
        for (PipelineStage stage : PipelineStage.values()) {
            stages.put(stage, PipelineStageState.notStarted(stage));
        }
    }

    private void set(PipelineStage stage, PipelineStatus status, LocalDate started, Tier assigneeTier) {
        stages.put(stage, new PipelineStageState(stage, status, started, status == PipelineStatus.DONE ? started : null,
                assigneeTier == null ? null : 9L, assigneeTier == null ? null : "Sam", assigneeTier, BigDecimal.ZERO));
    }

    @Test
    void nothingStartedBreaksNothing() {
        assertThat(PipelineRules.check(stages)).isEmpty();
        assertThat(PipelineRules.lag(stages)).isZero();
    }

    @Test
    void cleanUnderWayNeedsAnIntegrator() {
        set(PipelineStage.CLEAN, PipelineStatus.IN_PROGRESS, D, null);
        assertThat(PipelineRules.check(stages)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("CLEAN_NEEDS_INTEGRATOR");
            assertThat(v.reason()).contains("no domain expert (integrator) assigned");
        });
        set(PipelineStage.CLEAN, PipelineStatus.IN_PROGRESS, D, Tier.BUILDER);
        assertThat(PipelineRules.check(stages)).singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("Sam, who is not an integrator"));
        set(PipelineStage.CLEAN, PipelineStatus.DONE, D, Tier.INTEGRATOR);
        assertThat(PipelineRules.check(stages)).isEmpty();
    }

    @Test
    void deployNeedsApplyInWorkflowUnderWayFirst() {
        set(PipelineStage.DEPLOY, PipelineStatus.IN_PROGRESS, D, null);
        assertThat(PipelineRules.check(stages)).extracting(PipelineRules.Violation::rule).containsExactly("DEPLOY_NEEDS_APPLY");
        set(PipelineStage.APPLY_IN_WORKFLOW, PipelineStatus.IN_PROGRESS, D.plusDays(5), null);
        assertThat(PipelineRules.check(stages)).extracting(PipelineRules.Violation::rule).containsExactly("DEPLOY_NEEDS_APPLY");
        set(PipelineStage.APPLY_IN_WORKFLOW, PipelineStatus.IN_PROGRESS, D, null);
        assertThat(PipelineRules.check(stages)).isEmpty();
    }

    @Test
    void mapSkillsStartsWhenCollectStarts() {
        set(PipelineStage.COLLECT, PipelineStatus.IN_PROGRESS, D, null);
        assertThat(PipelineRules.check(stages)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("MAP_SKILLS_AT_INCEPTION");
            assertThat(v.stage()).isEqualTo(PipelineStage.MAP_SKILLS);
            assertThat(v.reason()).contains("MAP_SKILLS has not");
        });
        set(PipelineStage.MAP_SKILLS, PipelineStatus.IN_PROGRESS, D.plusDays(40), null);
        assertThat(PipelineRules.check(stages)).singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("started on 2026-02-10, after COLLECT (2026-01-01)"));
        set(PipelineStage.MAP_SKILLS, PipelineStatus.IN_PROGRESS, D, null);
        assertThat(PipelineRules.check(stages)).isEmpty();
    }

    @Test
    void lagIsTechnicalStagesDoneMinusWorkforceStagesDone() {
        set(PipelineStage.COLLECT, PipelineStatus.DONE, D, null);
        set(PipelineStage.CLEAN, PipelineStatus.DONE, D, Tier.INTEGRATOR);
        set(PipelineStage.BUILD, PipelineStatus.DONE, D, null);
        set(PipelineStage.DEPLOY, PipelineStatus.IN_PROGRESS, D, null);
        set(PipelineStage.MAP_SKILLS, PipelineStatus.DONE, D, null);
        assertThat(PipelineRules.lag(stages)).isEqualTo(2);
    }
}
