package dev.pitwall.insight;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.NestedGroupSuppression;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.ScorecardViews;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.people.LearningRecord;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Skill;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.SkillService;
import dev.pitwall.platform.organization.OrganizationService;
import dev.pitwall.platform.privacy.PeopleData;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Skill gaps that block value: for every live workflow (PILOT or PRODUCTION) and every skill its
 * roles require, who is below the required level, how many of them had the workflow's enablement,
 * the learning linked to it, and the value the workflow loses to adoption; ranked by that value per
 * person to train (docs/insight.md, "Skill gaps and what to fund next").
 */
@Service
@Transactional(readOnly = true)
public class SkillGapService {

    public static final String METHOD = "For each live workflow and each skill its roles require (at the highest "
            + "level any of them requires): the active role members below that level (never assessed counts as "
            + "level 0). Value at stake: the workflow's value lost to adoption (potential × (1 − adoption depth), "
            + "money per KPI period), not split among its skills. Fund next: value at stake / people below, highest "
            + "first; gaps of workflows without a value at stake are listed, unranked.";

    /**
     * One (workflow, skill) gap.
     *
     * @param requiredLevel the highest level a role of the workflow requires
     * @param members active members of the roles that require it
     * @param below those of them below the level ({@code null} when withheld)
     * @param belowPeople their names, for a viewer who may identify people (empty for others)
     * @param trainedShare of those below, the share with a completed enablement linked to the workflow
     * @param linkedLearning courses linked to the workflow
     * @param atStake the workflow's value lost to adoption ({@code null} when unknown)
     * @param perPersonToTrain atStake / below ({@code null} when unknown, withheld or nobody is below)
     * @param withheld whether the figures about the members are withheld from the viewer: fewer
     *     members than the minimum group size (docs/privacy.md)
     */
    public record Gap(String workflowKey, String workflowName, long skillId, String skillName, int requiredLevel,
            int members, Integer below, List<String> belowPeople, Double trainedShare, List<String> linkedLearning,
            Double atStake, String period, Double perPersonToTrain, boolean withheld) {

        /** The gap as a viewer who may not identify people sees it. */
        Gap unnamed(int minGroupSize) {
            if (members > 0 && members < minGroupSize) {
                return new Gap(workflowKey, workflowName, skillId, skillName, requiredLevel, members, null, List.of(),
                        null, linkedLearning, null, period, null, true);
            }
            return new Gap(workflowKey, workflowName, skillId, skillName, requiredLevel, members, below, List.of(),
                    trainedShare, linkedLearning, atStake, period, perPersonToTrain, false);
        }
    }

    /** The matrix (every gap row) and the ranking (the rows with people below and a value at stake). */
    public record Report(LocalDate asOf, String currency, String method, List<Gap> matrix, List<Gap> fundNext,
            int minGroupSize) {
    }

    /**
     * A skill's page: its level distribution, the workflows requiring it and who lacks it.
     *
     * @param levels people per level 0–4 ({@code null} for a level withheld from the viewer: fewer
     *     people than the minimum group size, or needed to keep such a level from being read off the rest)
     * @param lacking the names of those below a level a workflow they work in requires, for a viewer
     *     who may identify people (empty for others)
     * @param lackingCount how many they are ({@code null} when fewer than the minimum group size
     *     and the viewer may not identify people)
     */
    public record SkillView(Skill skill, LocalDate asOf, Map<Integer, Integer> levels, Integer notAssessed,
            List<Gap> workflows, List<String> lacking, Integer lackingCount, boolean identified, int minGroupSize) {
    }

    /** The key of the not-assessed count among the levels (levels are 0–4). */
    private static final int NOT_ASSESSED = -1;

    private final WorkflowService workflows;
    private final ScorecardService scorecards;
    private final SkillAssessmentService assessments;
    private final LearningRecordService learning;
    private final SkillService skills;
    private final PersonService people;
    private final OrganizationService organization;
    private final ScorecardViews views;
    private final PeopleData peopleData;

    SkillGapService(WorkflowService workflows, ScorecardService scorecards, SkillAssessmentService assessments,
            LearningRecordService learning, SkillService skills, PersonService people, OrganizationService organization,
            ScorecardViews views, PeopleData peopleData) {
        this.views = views;
        this.peopleData = peopleData;
        this.workflows = workflows;
        this.scorecards = scorecards;
        this.assessments = assessments;
        this.learning = learning;
        this.skills = skills;
        this.people = people;
        this.organization = organization;
    }

    /**
     * The report as the viewer may see it: the names of the people below a level only for holders
     * of {@code people:identify} (audited); for others no names, and no figure about a role's
     * members when they are fewer than the minimum group size.
     */
    public Report report(LocalDate asOf) {
        LocalDate day = scorecards.asOf(asOf);
        List<Gap> matrix = asSeen(gaps(day), "skill gaps as of " + day);
        List<Gap> ranked = matrix.stream().filter(g -> g.perPersonToTrain() != null)
                .sorted(Comparator.comparing(Gap::perPersonToTrain).reversed()
                        .thenComparing(Gap::workflowName).thenComparing(Gap::skillName)).toList();
        return new Report(day, organization.currency(), METHOD, matrix, ranked, peopleData.minGroupSize());
    }

    public SkillView skill(long skillId, LocalDate asOf) {
        Skill skill = skills.get(skillId);
        LocalDate day = scorecards.asOf(asOf);
        List<Gap> all = gaps(day).stream().filter(g -> g.skillId() == skillId).toList();
        List<Long> everyone = people.statesOn(day).entrySet().stream().filter(e -> e.getValue().active())
                .map(Map.Entry::getKey).toList();
        Map<Long, Map<Long, Integer>> levels = assessments.levelsAsOf(everyone, day);
        Map<Integer, Integer> distribution = new LinkedHashMap<>();
        for (int level = 1; level <= 4; level++) {
            distribution.put(level, 0);
        }
        int notAssessed = 0;
        for (long p : everyone) {
            Integer level = levels.getOrDefault(p, Map.of()).get(skillId);
            if (level == null) {
                notAssessed++;
            } else {
                distribution.merge(level, 1, Integer::sum);
            }
        }
        Set<String> lacking = new java.util.TreeSet<>();
        all.forEach(g -> lacking.addAll(g.belowPeople()));
        int min = peopleData.minGroupSize();
        List<Gap> requiring = asSeen(all, "people lacking skill " + skillId + " as of " + day);
        if (peopleData.identifies()) {
            return new SkillView(skill, day, distribution, notAssessed, requiring, List.copyOf(lacking), lacking.size(),
                    true, min);
        }
        Map<Integer, Integer> shown = withSmallLevelsWithheld(distribution, notAssessed, min);
        Integer notAssessedShown = shown.remove(NOT_ASSESSED);
        return new SkillView(skill, day, shown, notAssessedShown, requiring, List.of(),
                lacking.isEmpty() || lacking.size() >= min ? lacking.size() : null, false, min);
    }

    /** The gaps with their names for a viewer who may identify people (audited), without for others. */
    private List<Gap> asSeen(List<Gap> gaps, String view) {
        if (peopleData.identifies()) {
            long named = gaps.stream().flatMap(g -> g.belowPeople().stream()).distinct().count();
            peopleData.open("skill-gaps", view, (int) named);
            return gaps;
        }
        return gaps.stream().map(g -> g.unnamed(peopleData.minGroupSize())).toList();
    }

    /**
     * Levels of fewer people than the minimum withheld, and as many more as keep them from being
     * read off the number of active people (the not-assessed count takes part as a level of its own,
     * returned under the key {@link #NOT_ASSESSED}).
     */
    private static Map<Integer, Integer> withSmallLevelsWithheld(Map<Integer, Integer> levels, int notAssessed, int k) {
        List<NestedGroupSuppression.Group> cells = new ArrayList<>();
        levels.forEach((level, count) -> {
            if (count > 0) {
                cells.add(new NestedGroupSuppression.Group(level, null, count));
            }
        });
        if (notAssessed > 0) {
            cells.add(new NestedGroupSuppression.Group(NOT_ASSESSED, null, notAssessed));
        }
        int total = cells.stream().mapToInt(NestedGroupSuppression.Group::members).sum();
        Set<Long> withheld = NestedGroupSuppression.withheld(cells, total, k);
        Map<Integer, Integer> shown = new LinkedHashMap<>();
        levels.forEach((level, count) -> shown.put(level, withheld.contains((long) level) ? null : count));
        shown.put(NOT_ASSESSED, withheld.contains((long) NOT_ASSESSED) ? null : notAssessed);
        return shown;
    }

    private List<Gap> gaps(LocalDate day) {
        List<Workflow> live = workflows.findOn(day).stream()
                .filter(w -> w.stage() == WorkflowStage.PILOT || w.stage() == WorkflowStage.PRODUCTION)
                .sorted(Comparator.comparing(Workflow::name)).toList();
        Map<Long, WorkflowDetails> details = workflows.detailsOn(live, day, people.statesOn(day));
        List<Gap> rows = new ArrayList<>();
        for (Workflow w : live) {
            WorkflowDetails d = details.get(w.id());
            // skill id → (name, highest required level, members of the roles requiring it)
            Map<Long, String> names = new HashMap<>();
            Map<Long, Integer> required = new HashMap<>();
            Map<Long, Set<WorkflowDetails.PersonRef>> members = new HashMap<>();
            for (WorkflowDetails.Role role : d.roles()) {
                for (WorkflowDetails.RequiredSkill s : role.skills()) {
                    names.put(s.skillId(), s.skillName());
                    required.merge(s.skillId(), s.level(), Math::max);
                    role.members().stream().filter(WorkflowDetails.PersonRef::active)
                            .forEach(m -> members.computeIfAbsent(s.skillId(), k -> new HashSet<>()).add(m));
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            Set<Long> everyone = new HashSet<>();
            members.values().forEach(set -> set.forEach(m -> everyone.add(m.id())));
            Map<Long, Map<Long, Integer>> levels = assessments.levelsAsOf(everyone, day);
            // The workflow's figures as the viewer may see them: its loss to adoption is withheld when it
            // has too few intended users (docs/privacy.md).
            WorkflowScorecard card = views.asSeen(scorecards.workflow(w.key(), day));
            Figure lost = card.waterfall().stream().filter(f -> f.id().equals("lostToAdoption")).findFirst().orElse(null);
            Double atStake = lost != null && lost.present() ? lost.v() : null;
            List<String> courses = learning.list(null, null, w.key(), null, day, new PageQuery(0, 50)).content().stream()
                    .map(LearningRecord::course).distinct().sorted().limit(5).toList();
            for (Map.Entry<Long, String> skill : names.entrySet()) {
                int level = required.get(skill.getKey());
                List<WorkflowDetails.PersonRef> of = members.getOrDefault(skill.getKey(), Set.of()).stream()
                        .sorted(Comparator.comparing(WorkflowDetails.PersonRef::name)).toList();
                List<WorkflowDetails.PersonRef> below = of.stream().filter(m -> levels.getOrDefault(m.id(), Map.of())
                        .getOrDefault(skill.getKey(), 0) < level).toList();
                Set<Long> trained = below.isEmpty() ? Set.of() : learning.trainedFor(w.key(),
                        below.stream().map(WorkflowDetails.PersonRef::id).toList(), day);
                rows.add(new Gap(w.key(), w.name(), skill.getKey(), skill.getValue(), level, of.size(), below.size(),
                        below.stream().map(WorkflowDetails.PersonRef::name).toList(),
                        below.isEmpty() ? null : (double) trained.size() / below.size(), courses, atStake,
                        lost == null ? null : lost.period(),
                        atStake == null || below.isEmpty() ? null : atStake / below.size(), false));
            }
        }
        rows.sort(Comparator.comparing(Gap::workflowName).thenComparing(Gap::skillName));
        return rows;
    }
}
