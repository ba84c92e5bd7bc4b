package dev.pitwall.portfolio.gate;

import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.portfolio.GateCheck;
import dev.pitwall.portfolio.PortfolioProperties;
import dev.pitwall.portfolio.WorkflowDetails.PersonRef;
import dev.pitwall.portfolio.WorkflowDetails.RequiredSkill;
import dev.pitwall.portfolio.WorkflowDetails.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Gate check 5: intended users are named, skills are mapped (every role requires skills and every
 * role member has been assessed in them), and at least the configured share of intended users
 * completed an enablement linked to the workflow ({@code trainedShare}).
 */
@Component
public class WorkforceReadinessCheck implements GateCheck {

    private static final int NAMED_MAX = 5;

    private final LearningRecordService learning;
    private final SkillAssessmentService assessments;
    private final PortfolioProperties.Gate thresholds;

    public WorkforceReadinessCheck(LearningRecordService learning, SkillAssessmentService assessments,
            PortfolioProperties properties) {
        this.learning = learning;
        this.assessments = assessments;
        this.thresholds = properties.gate();
    }

    @Override
    public String id() {
        return "workforce-readiness";
    }

    @Override
    public String title() {
        return "Workforce readiness";
    }

    @Override
    public Fix fix(String workflowKey) {
        return new Fix("Name intended users, roles and skills", "/portfolio/workflows/" + workflowKey + "/edit#people");
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Result check(Subject subject) {
        List<String> reasons = new ArrayList<>();
        Set<Long> users = subject.intendedUserIds();
        if (users.isEmpty()) {
            reasons.add("No intended users are named: name the people or teams the workflow is for.");
        }
        skillsMapped(subject, reasons);
        double share = 0;
        if (!users.isEmpty()) {
            long trained = learning.trainedFor(subject.details().workflow().key(), users, subject.asOf()).size();
            share = (double) trained / users.size();
            if (share < thresholds.minTrainedShare()) {
                reasons.add(String.format(java.util.Locale.ROOT,
                        "%d of %d intended users (%.0f%%) completed an enablement linked to this workflow; at least %.0f%% must.",
                        trained, users.size(), share * 100, thresholds.minTrainedShare() * 100));
            }
        }
        return reasons.isEmpty() ? new Passed(String.format(java.util.Locale.ROOT,
                "%d intended users, skills mapped for every role, %.0f%% trained.", users.size(), share * 100))
                : new Failed(reasons);
    }

    private void skillsMapped(Subject subject, List<String> reasons) {
        List<Role> roles = subject.details().roles();
        if (roles.isEmpty()) {
            reasons.add("No roles are defined, so the skills the workflow needs are not mapped.");
            return;
        }
        List<String> unmapped = new ArrayList<>();
        List<Long> members = roles.stream().flatMap(r -> r.members().stream()).map(PersonRef::id).distinct().toList();
        Map<Long, Map<Long, Integer>> levels = assessments.levelsAsOf(members, subject.asOf());
        for (Role role : roles) {
            if (role.skills().isEmpty()) {
                reasons.add("The role '" + role.name() + "' requires no skills; map the skills it needs.");
            }
            for (PersonRef member : role.members()) {
                for (RequiredSkill skill : role.skills()) {
                    if (!levels.getOrDefault(member.id(), Map.of()).containsKey(skill.skillId())) {
                        unmapped.add(member.name() + " (" + role.name() + ": " + skill.skillName() + ")");
                    }
                }
            }
        }
        if (!unmapped.isEmpty()) {
            String named = String.join(", ", unmapped.subList(0, Math.min(NAMED_MAX, unmapped.size())));
            String more = unmapped.size() > NAMED_MAX ? " and " + (unmapped.size() - NAMED_MAX) + " more" : "";
            reasons.add(unmapped.size() + " required skill(s) of role members were never assessed: " + named + more + ".");
        }
    }
}
