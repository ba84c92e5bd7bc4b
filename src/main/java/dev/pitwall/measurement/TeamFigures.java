package dev.pitwall.measurement;

import dev.pitwall.measurement.WorkflowScoring.Scored;
import dev.pitwall.measurement.metrics.Alignment;
import dev.pitwall.measurement.metrics.WorkforceCapability;
import dev.pitwall.measurement.metrics.WorkforceCapability.Requirement;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.Team;
import dev.pitwall.people.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A team's figures (docs/metrics.md, "Team"): the workflow figures taken over the team's active
 * members (of the team and its sub-teams). Adoption is over the (member, workflow) pairs where the
 * member is an intended user; skill coverage over the role requirements of members; alignment over
 * the members' usage. Value and technical figures belong to workflows, listed in the ranking.
 */
final class TeamFigures {

    private TeamFigures() {
    }

    /** Ids of the figures a team's scorecard shows. */
    static final List<String> IDS = List.of("reach", "adoptionDepth", "trainedShare", "skillCoverage", "skillGap",
            "misalignedUserShare", "unalignedActivityShare", "activePeople");

    /**
     * The scorecard of a team too small to show (docs/privacy.md): every figure missing with the
     * reason, no headcount by tier, no workflows.
     */
    static OrganizationScorecard withheld(Team team, LocalDate asOf, LocalDate from, int minGroupSize) {
        String reason = withheldReason(minGroupSize);
        List<Figure> figures = new ArrayList<>();
        for (String id : IDS) {
            figures.add(Figure.missing(id, id.equals("activePeople") ? "count" : "ratio", reason));
        }
        return new OrganizationScorecard("team", team.id(), team.name(), asOf, from, figures, List.of(), List.of(),
                List.of(), null, null);
    }

    static String withheldReason(int minGroupSize) {
        return "fewer than " + minGroupSize + " people: withheld so that no figure describes a smaller group "
                + "(the team, or what it leaves of the team above it)";
    }

    static OrganizationScorecard of(Team team, Set<Long> members, LocalDate asOf, LocalDate from, List<Scored> scored,
            Alignment.Result alignment, Map<Tier, Long> headcount, SkillAssessmentService assessments) {
        int pairs = 0;
        int reached = 0;
        double levels = 0;
        int trained = 0;
        List<Requirement> requirements = new ArrayList<>();
        List<Scored> used = new ArrayList<>();
        for (Scored s : scored) {
            boolean touches = false;
            for (Map.Entry<Integer, Set<Long>> level : s.adoption().peopleByLevel().entrySet()) {
                for (long person : level.getValue()) {
                    if (members.contains(person)) {
                        pairs++;
                        reached += level.getKey() > 0 ? 1 : 0;
                        levels += level.getKey() / 4.0;
                        trained += s.trained().contains(person) ? 1 : 0;
                        touches = true;
                    }
                }
            }
            for (Requirement r : s.requirements()) {
                if (members.contains(r.personId())) {
                    requirements.add(r);
                    touches = true;
                }
            }
            if (touches) {
                used.add(s);
            }
        }
        String noPairs = "no member of the team is an intended user of a workflow";
        Set<Long> rolePeople = new HashSet<>();
        requirements.forEach(r -> rolePeople.add(r.personId()));
        Figure coverage = WorkforceCapability.skillCoverage(requirements, assessments.levelsAsOf(rolePeople, asOf));
        List<Figure> figures = new ArrayList<>(List.of(
                pairs == 0 ? Figure.missing("reach", "ratio", noPairs) : Figure.of("reach", (double) reached / pairs, "ratio"),
                pairs == 0 ? Figure.missing("adoptionDepth", "ratio", noPairs)
                        : Figure.of("adoptionDepth", levels / pairs, "ratio"),
                pairs == 0 ? Figure.missing("trainedShare", "ratio", noPairs)
                        : Figure.of("trainedShare", (double) trained / pairs, "ratio"),
                coverage, WorkforceCapability.skillGap(coverage), alignment.misalignedUserShare(),
                alignment.unalignedActivityShare(), Figure.of("activePeople", members.size(), "count")));
        List<OrganizationScorecard.TierBalance> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            tiers.add(new OrganizationScorecard.TierBalance(tier, 0, headcount.getOrDefault(tier, 0L)));
        }
        return new OrganizationScorecard("team", team.id(), team.name(), asOf, from, figures, Aggregation.ranking(used),
                tiers, List.of(), OrganizationScorecard.commonPeriod(used.stream().map(s -> s.card().impactPeriod())
                        .toList()), null);
    }
}
