package dev.pitwall.insight;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.people.LearningRecord;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Skill;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.SkillService;
import dev.pitwall.platform.organization.OrganizationService;
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
     * @param below those of them below the level
     * @param belowPeople their names
     * @param trainedShare of those below, the share with a completed enablement linked to the workflow
     * @param linkedLearning courses linked to the workflow
     * @param atStake the workflow's value lost to adoption ({@code null} when unknown)
     * @param perPersonToTrain atStake / below ({@code null} when unknown or nobody is below)
     */
    public record Gap(String workflowKey, String workflowName, long skillId, String skillName, int requiredLevel,
            int members, int below, List<String> belowPeople, Double trainedShare, List<String> linkedLearning,
            Double atStake, String period, Double perPersonToTrain) {
    }

    /** The matrix (every gap row) and the ranking (the rows with people below and a value at stake). */
    public record Report(LocalDate asOf, String currency, String method, List<Gap> matrix, List<Gap> fundNext) {
    }

    /** A skill's page: its level distribution, the workflows requiring it and who lacks it. */
    public record SkillView(Skill skill, LocalDate asOf, Map<Integer, Integer> levels, int notAssessed,
            List<Gap> workflows, List<String> lacking) {
    }

    private final WorkflowService workflows;
    private final ScorecardService scorecards;
    private final SkillAssessmentService assessments;
    private final LearningRecordService learning;
    private final SkillService skills;
    private final PersonService people;
    private final OrganizationService organization;

    SkillGapService(WorkflowService workflows, ScorecardService scorecards, SkillAssessmentService assessments,
            LearningRecordService learning, SkillService skills, PersonService people, OrganizationService organization) {
        this.workflows = workflows;
        this.scorecards = scorecards;
        this.assessments = assessments;
        this.learning = learning;
        this.skills = skills;
        this.people = people;
        this.organization = organization;
    }

    public Report report(LocalDate asOf) {
        LocalDate day = scorecards.asOf(asOf);
        List<Gap> matrix = gaps(day);
        List<Gap> ranked = matrix.stream().filter(g -> g.perPersonToTrain() != null)
                .sorted(Comparator.comparing(Gap::perPersonToTrain).reversed()
                        .thenComparing(Gap::workflowName).thenComparing(Gap::skillName)).toList();
        return new Report(day, organization.currency(), METHOD, matrix, ranked);
    }

    public SkillView skill(long skillId, LocalDate asOf) {
        Skill skill = skills.get(skillId);
        LocalDate day = scorecards.asOf(asOf);
        List<Gap> requiring = gaps(day).stream().filter(g -> g.skillId() == skillId).toList();
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
        requiring.forEach(g -> lacking.addAll(g.belowPeople()));
        return new SkillView(skill, day, distribution, notAssessed, requiring, List.copyOf(lacking));
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
            WorkflowScorecard card = scorecards.workflow(w.key(), day);
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
                        atStake == null || below.isEmpty() ? null : atStake / below.size()));
            }
        }
        rows.sort(Comparator.comparing(Gap::workflowName).thenComparing(Gap::skillName));
        return rows;
    }
}
