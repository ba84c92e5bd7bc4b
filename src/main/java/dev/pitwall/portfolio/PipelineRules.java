package dev.pitwall.portfolio;

import dev.pitwall.people.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cross-dependency rules of the synchronized pipelines (PRODUCT.md): CLEAN needs a domain
 * expert (an integrator) assigned; DEPLOY needs APPLY_IN_WORKFLOW under way; MAP_SKILLS should
 * start when COLLECT starts, at inception rather than at launch.
 */
public final class PipelineRules {

    /** A broken cross-dependency: the rule, the stage it is shown on, and why. */
    public record Violation(String rule, PipelineStage stage, String reason) {
    }

    private PipelineRules() {
    }

    public static List<Violation> check(Map<PipelineStage, PipelineStageState> stages) {
        List<Violation> violations = new ArrayList<>();
        PipelineStageState clean = stages.get(PipelineStage.CLEAN);
        if (clean.status().started() && clean.assigneeTier() != Tier.INTEGRATOR) {
            violations.add(new Violation("CLEAN_NEEDS_INTEGRATOR", PipelineStage.CLEAN, clean.assigneeId() == null
                    ? "CLEAN is under way with no domain expert (integrator) assigned."
                    : "CLEAN is led by " + clean.assigneeName() + ", who is not an integrator; assign a domain expert."));
        }
        PipelineStageState deploy = stages.get(PipelineStage.DEPLOY);
        PipelineStageState apply = stages.get(PipelineStage.APPLY_IN_WORKFLOW);
        if (deploy.status().started() && (!apply.status().started()
                || startedAfter(apply, deploy))) {
            violations.add(new Violation("DEPLOY_NEEDS_APPLY", PipelineStage.DEPLOY,
                    "DEPLOY started before APPLY_IN_WORKFLOW was under way: the AI reaches people who are not ready to use it."));
        }
        PipelineStageState collect = stages.get(PipelineStage.COLLECT);
        PipelineStageState map = stages.get(PipelineStage.MAP_SKILLS);
        if (collect.status().started() && (!map.status().started() || startedAfter(map, collect))) {
            violations.add(new Violation("MAP_SKILLS_AT_INCEPTION", PipelineStage.MAP_SKILLS, !map.status().started()
                    ? "COLLECT has started but MAP_SKILLS has not: map skills at inception, not at launch."
                    : "MAP_SKILLS started on " + map.startedOn() + ", after COLLECT (" + collect.startedOn()
                            + "): map skills at inception, not at launch."));
        }
        return violations;
    }

    /** {@code pipelineLag} = technical stages done − workforce stages done. */
    public static int lag(Map<PipelineStage, PipelineStageState> stages) {
        int lag = 0;
        for (PipelineStageState state : stages.values()) {
            if (state.status() == PipelineStatus.DONE) {
                lag += state.stage().track() == PipelineStage.Track.TECHNICAL ? 1 : -1;
            }
        }
        return lag;
    }

    private static boolean startedAfter(PipelineStageState later, PipelineStageState earlier) {
        return later.startedOn() != null && earlier.startedOn() != null && later.startedOn().isAfter(earlier.startedOn());
    }
}
