package dev.pitwall.portfolio;

import java.util.List;

/**
 * An initiative's synchronized pipelines.
 *
 * @param initiativeId the initiative
 * @param technical COLLECT, CLEAN, BUILD, DEPLOY
 * @param workforce MAP_SKILLS, UPSKILL, APPLY_IN_WORKFLOW, ADOPT_AND_REITERATE
 * @param violations the broken cross-dependencies
 * @param pipelineLag technical stages done − workforce stages done
 */
public record Pipelines(long initiativeId, List<PipelineStageState> technical, List<PipelineStageState> workforce,
        List<PipelineRules.Violation> violations, int pipelineLag) {

    /** The violations shown on a stage. */
    public List<PipelineRules.Violation> violationsOf(PipelineStage stage) {
        return violations.stream().filter(v -> v.stage() == stage).toList();
    }
}
