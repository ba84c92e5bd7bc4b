package dev.pitwall.portfolio.gate;

import static dev.pitwall.portfolio.PortfolioFixtures.ANN;
import static dev.pitwall.portfolio.PortfolioFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.portfolio.GateCheck;
import dev.pitwall.portfolio.PortfolioFixtures;
import dev.pitwall.portfolio.PortfolioProperties;
import dev.pitwall.portfolio.WorkflowDetails.RequiredSkill;
import dev.pitwall.portfolio.WorkflowDetails.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workforce check against mocks of the people module it asks. */
class WorkforceReadinessCheckTest {

    private final LearningRecordService learning = mock(LearningRecordService.class);
    private final SkillAssessmentService assessments = mock(SkillAssessmentService.class);
    private final WorkforceReadinessCheck check = new WorkforceReadinessCheck(learning, assessments,
            new PortfolioProperties(new PortfolioProperties.Gate(3, 1, 0.8, 180)));

    private static final Role REVIEWER = new Role(1, "reviewer", null, List.of(ANN),
            List.of(new RequiredSkill(11, "Evaluating AI output", 2)));

    private GateCheck.Result check(List<Role> roles, Set<Long> users) {
        return check.check(new GateCheck.Subject(PortfolioFixtures.details(List.of(), PortfolioFixtures.allHeld(),
                List.of(), roles), users, TODAY));
    }

    @Test
    void passesWithNamedUsersMappedSkillsAndEnoughTrained() {
        when(assessments.levelsAsOf(anyCollection(), eq(TODAY))).thenReturn(Map.of(1L, Map.of(11L, 1)));
        when(learning.trainedFor(eq("invoice-exceptions"), anyCollection(), eq(TODAY))).thenReturn(Set.of(1L, 2L, 3L, 4L));
        assertThat(check(List.of(REVIEWER), Set.of(1L, 2L, 3L, 4L, 5L)))
                .isInstanceOfSatisfying(GateCheck.Passed.class, p -> assertThat(p.summary()).contains("5 intended users", "80% trained"));
    }

    @Test
    void failsWithoutIntendedUsersOrRoles() {
        assertThat(check(List.of(), Set.of())).isInstanceOfSatisfying(GateCheck.Failed.class, f -> assertThat(f.reasons())
                .containsExactly("No intended users are named: name the people or teams the workflow is for.",
                        "No roles are defined, so the skills the workflow needs are not mapped."));
    }

    @Test
    void namesRoleMembersNeverAssessedInARequiredSkill() {
        when(assessments.levelsAsOf(anyCollection(), any())).thenReturn(Map.of());
        when(learning.trainedFor(any(), anyCollection(), any())).thenReturn(Set.of(1L));
        assertThat(check(List.of(REVIEWER, new Role(2, "operator", null, List.of(), List.of())), Set.of(1L)))
                .isInstanceOfSatisfying(GateCheck.Failed.class, f -> assertThat(f.reasons()).containsExactly(
                        "The role 'operator' requires no skills; map the skills it needs.",
                        "1 required skill(s) of role members were never assessed: Ann Active (reviewer: Evaluating AI output)."));
    }

    @Test
    void failsWhenTooFewIntendedUsersAreTrained() {
        when(assessments.levelsAsOf(anyCollection(), any())).thenReturn(Map.of(1L, Map.of(11L, 2)));
        when(learning.trainedFor(any(), anyCollection(), any())).thenReturn(Set.of(1L));
        assertThat(check(List.of(REVIEWER), Set.of(1L, 2L, 3L, 4L))).isInstanceOfSatisfying(GateCheck.Failed.class,
                f -> assertThat(f.reasons()).containsExactly(
                        "1 of 4 intended users (25%) completed an enablement linked to this workflow; at least 80% must."));
    }
}
