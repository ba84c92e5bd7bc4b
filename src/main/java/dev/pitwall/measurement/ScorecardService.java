package dev.pitwall.measurement;

import dev.pitwall.measurement.WorkflowScoring.Scored;
import dev.pitwall.measurement.internal.ConcurrentReads;
import dev.pitwall.measurement.internal.Kpis;
import dev.pitwall.measurement.internal.ScorecardCache;
import dev.pitwall.measurement.internal.ScoringContext;
import dev.pitwall.measurement.internal.ScoringContexts;
import dev.pitwall.measurement.internal.ScoringDay;
import dev.pitwall.measurement.metrics.Alignment;
import dev.pitwall.people.DirectoryOverview;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.Initiative;
import dev.pitwall.portfolio.InitiativeService;
import dev.pitwall.portfolio.PipelineService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.UsageFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The balanced scorecards of PRODUCT.md's metric model, for a workflow, an initiative, a team and
 * the organization, at any as-of date. Every figure is computed from recorded facts when asked.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(MeasurementProperties.class)
public class ScorecardService {

    private final WorkflowService workflows;
    private final InitiativeService initiatives;
    private final PipelineService pipelines;
    private final TeamService teams;
    private final PersonService people;
    private final DirectoryOverview directory;
    private final SkillAssessmentService assessments;
    private final UsageFacts usage;
    private final Kpis kpis;
    private final ScoringContexts contexts;
    private final WorkflowScoring scoring;
    private final MeasurementProperties properties;
    private final Clock clock;
    private final ScorecardCache cache;
    private final dev.pitwall.platform.audit.AuditLog auditLog;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final ConcurrentReads reads;
    private final dev.pitwall.platform.organization.OrganizationService organization;

    // Parts other capabilities contribute (human review); looked up on use, as they depend on modules that use this one.
    private final org.springframework.beans.factory.ObjectProvider<ScorecardPart> partProviders;

    private final dev.pitwall.platform.privacy.PrivacyProperties privacy;

    ScorecardService(WorkflowService workflows, InitiativeService initiatives, PipelineService pipelines,
            TeamService teams, PersonService people, DirectoryOverview directory, SkillAssessmentService assessments,
            UsageFacts usage, Kpis kpis, ScoringContexts contexts, WorkflowScoring scoring,
            MeasurementProperties properties, Clock clock, ScorecardCache cache,
            dev.pitwall.platform.audit.AuditLog auditLog,
            org.springframework.transaction.PlatformTransactionManager transactions, ConcurrentReads reads,
            dev.pitwall.platform.organization.OrganizationService organization,
            org.springframework.beans.factory.ObjectProvider<ScorecardPart> partProviders,
            dev.pitwall.platform.privacy.PrivacyProperties privacy) {
        this.privacy = privacy;
        this.partProviders = partProviders;
        this.organization = organization;
        this.reads = reads;
        this.cache = cache;
        this.auditLog = auditLog;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.workflows = workflows;
        this.initiatives = initiatives;
        this.pipelines = pipelines;
        this.teams = teams;
        this.people = people;
        this.directory = directory;
        this.assessments = assessments;
        this.usage = usage;
        this.kpis = kpis;
        this.contexts = contexts;
        this.scoring = scoring;
        this.properties = properties;
        this.clock = clock;
    }

    /** The as-of date: today when none is given; never in the future. */
    public LocalDate asOf(LocalDate requested) {
        LocalDate today = LocalDate.now(clock);
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw InvalidInputException.ofField("asOf", "lies in the future; figures exist up to " + today);
        }
        return requested;
    }

    public WorkflowScorecard workflow(String key, LocalDate asOf) {
        WorkflowScorecard card = workflowWithoutParts(key, asOf);
        return card.withParts(partProviders.orderedStream().map(p -> p.of(key, card.windowFrom(), card.asOf()))
                .flatMap(java.util.Optional::stream).toList());
    }

    /** The workflow's cached scorecard without the parts other capabilities compute on every read. */
    WorkflowScorecard workflowWithoutParts(String key, LocalDate asOf) {
        LocalDate day = asOf(asOf);
        return cached("workflow:" + key + ":" + day, () -> scoreWorkflow(key, day).card().inCurrency(currency()));
    }

    /** The organization's currency; changing it is audited, so cached scorecards follow it. */
    private String currency() {
        return organization.currency();
    }

    /**
     * The value from the cache (see {@link ScorecardCache}), computed in a read-only transaction of
     * its own, which a background refresh needs as much as a reader.
     */
    private <T> T cached(String key, java.util.function.Supplier<T> compute) {
        ScorecardCache.Versions versions = new ScorecardCache.Versions(auditLog.lastSequence(), usage.version());
        return cache.get(key, versions, () -> readOnly.execute(status -> compute.get()));
    }

    /** The intended users of a workflow at one adoption level, with their active days, for drill-down. */
    public List<AdoptionPerson> peopleAtLevel(String key, int level, LocalDate asOf) {
        if (level < 0 || level > 4) {
            throw InvalidInputException.ofField("level", "is 0 (none) to 4 (embedded)");
        }
        Scored scored = scoreWorkflow(key, asOf(asOf));
        Set<Long> ids = scored.adoption().peopleByLevel().get(level);
        Map<Long, Integer> days = scored.activeDays();
        return people.findAllById(ids).stream()
                .map(p -> new AdoptionPerson(p.id(), p.name(), p.email(), p.teamName(), p.tier(),
                        days.getOrDefault(p.id(), 0), level))
                .sorted(java.util.Comparator.comparing(AdoptionPerson::activeDays).reversed()
                        .thenComparing(AdoptionPerson::name))
                .toList();
    }

    /** Each intended user's adoption level (0–4) of the workflow as of the day, by person id. */
    public Map<Long, Integer> intendedUserLevels(String key, LocalDate asOf) {
        LocalDate day = asOf(asOf);
        // Cached like the scorecards: the workflow page asks on every view, and scoring loads the context.
        return cached("intended-user-levels:" + key + ":" + day, () -> {
            Map<Long, Integer> levels = new java.util.HashMap<>();
            scoreWorkflow(key, day).adoption().peopleByLevel()
                    .forEach((level, ids) -> ids.forEach(id -> levels.put(id, level)));
            return Map.copyOf(levels);
        });
    }

    /**
     * A person in an adoption drill-down.
     *
     * @param activeDays distinct days in W with a usage event attributed to the workflow
     * @param level the adoption level those days give
     */
    public record AdoptionPerson(Long id, String name, String email, String team, Tier tier, int activeDays, int level) {
    }

    public OrganizationScorecard organization(LocalDate asOf) {
        LocalDate day = asOf(asOf);
        return cached("organization:" + day, () -> computeOrganization(day).inCurrency(currency()));
    }

    /**
     * The date figures are computed for, with what is read of it: for a past date the people's
     * states then (see docs/metrics.md, "What as of means").
     */
    private ScoringDay on(LocalDate day) {
        return day.isBefore(LocalDate.now(clock)) ? ScoringDay.past(day, people.statesOn(day)) : ScoringDay.today(day);
    }

    private OrganizationScorecard computeOrganization(LocalDate day) {
        ScoringDay on = on(day);
        List<Workflow> all = workflows.findOn(day);
        ConcurrentReads.Read<Alignment.Result> alignment = reads.start(() -> alignment(on, all, null));
        List<Scored> scored = scoreAll(all, all, on);
        List<OrganizationScorecard.PipelineLag> lags = initiatives.findAll().stream()
                .map(i -> new OrganizationScorecard.PipelineLag(i.id(), i.name(),
                        pipelines.pipelinesOn(i.id(), day).pipelineLag()))
                .toList();
        Map<Tier, Long> headcount = on.past() ? headcountOf(on, null) : directory.figures().byTier();
        return aggregate("organization", null, "Organization", day, scored, alignment.get(), lags, headcount,
                budgetLines(initiatives.findAll().stream().map(Initiative::id).toList(), day));
    }

    /**
     * The scorecard the filters choose (a team's, an initiative's or the organization's) with its
     * ranking restricted to the workflows that pass them (see {@link ScorecardFilter}).
     */
    public OrganizationScorecard filtered(ScorecardFilter filter, LocalDate asOf) {
        OrganizationScorecard base = filter.team() != null ? team(filter.team(), asOf)
                : filter.initiative() != null ? initiative(filter.initiative(), asOf) : organization(asOf);
        if (!filter.restrictsWorkflows()) {
            return base;
        }
        Set<String> keys = filter.team() != null && filter.initiative() != null
                ? new HashSet<>(initiative(filter.initiative(), asOf).workflows().stream()
                        .map(OrganizationScorecard.WorkflowRank::workflowKey).toList())
                : null;
        return base.withWorkflows(base.workflows().stream().filter(r -> filter.admits(r, keys)).toList());
    }

    public OrganizationScorecard initiative(long id, LocalDate asOf) {
        LocalDate day = asOf(asOf);
        return cached("initiative:" + id + ":" + day, () -> computeInitiative(id, day).inCurrency(currency()));
    }

    private OrganizationScorecard computeInitiative(long id, LocalDate day) {
        Initiative initiative = initiatives.get(id);
        ScoringDay on = on(day);
        List<Workflow> all = workflows.findOn(day);
        List<Workflow> inScope = all.stream().filter(w -> w.initiativeId() != null && w.initiativeId() == id).toList();
        List<Scored> scored = scoreAll(all, inScope, on);
        Set<Long> users = new HashSet<>();
        scored.forEach(s -> users.addAll(s.intendedUsers()));
        Alignment.Result alignment = alignment(on, all, users);
        List<OrganizationScorecard.PipelineLag> lags = List.of(new OrganizationScorecard.PipelineLag(id,
                initiative.name(), pipelines.pipelinesOn(id, day).pipelineLag()));
        return aggregate("initiative", id, initiative.name(), day, scored, alignment, lags,
                on.past() ? headcountOf(on, users) : headcountOf(users), budgetLines(List.of(id), day));
    }

    public OrganizationScorecard team(long id, LocalDate asOf) {
        LocalDate day = asOf(asOf);
        return cached("team:" + id + ":" + day, () -> computeTeam(id, day).inCurrency(currency()));
    }

    private OrganizationScorecard computeTeam(long id, LocalDate day) {
        Team team = teams.get(id);
        if (withheldTeams(day).contains(id)) {
            return TeamFigures.withheld(team, day, day.minusDays(properties.windowDays() - 1L), privacy.minGroupSize());
        }
        ScoringDay on = on(day);
        Set<Long> members = on.past() ? teams.activeMemberIds(id, on.people()) : teams.activeMemberIds(id);
        List<Workflow> all = workflows.findOn(day);
        ConcurrentReads.Read<Alignment.Result> alignment = reads.start(() -> alignment(on, all, members));
        List<Scored> scored = scoreAll(all, all, on);
        return TeamFigures.of(team, members, day, day.minusDays(properties.windowDays() - 1L), scored,
                alignment.get(), on.past() ? headcountOf(on, members) : headcountOf(members), assessments);
    }

    /**
     * The teams whose figures are withheld on a day (see {@link NestedGroupSuppression}): too few active
     * members, or too few beyond their shown sub-teams.
     */
    public Set<Long> withheldTeams(LocalDate asOf) {
        LocalDate day = asOf(asOf);
        return cached("withheld-teams:" + day, () -> {
            Map<Long, dev.pitwall.people.PersonState> states = people.statesOn(day);
            List<Team> all = teams.findAll();
            Map<Long, Long> parentOf = new java.util.HashMap<>();
            all.forEach(t -> parentOf.put(t.id(), t.parentId()));
            Map<Long, Integer> members = new java.util.HashMap<>();
            int organization = 0;
            for (dev.pitwall.people.PersonState state : states.values()) {
                if (!state.active()) {
                    continue;
                }
                organization++;
                Set<Long> seen = new HashSet<>();
                for (Long team = state.teamId(); team != null && seen.add(team); team = parentOf.get(team)) {
                    members.merge(team, 1, Integer::sum);
                }
            }
            List<NestedGroupSuppression.Group> groups = all.stream()
                    .map(t -> new NestedGroupSuppression.Group(t.id(), t.parentId(),
                    members.getOrDefault(t.id(), 0))).toList();
            return Set.copyOf(NestedGroupSuppression.withheld(groups, organization, privacy.minGroupSize()));
        });
    }

    private Scored scoreWorkflow(String key, LocalDate day) {
        workflows.get(key);
        ScoringDay on = on(day);
        List<Workflow> all = workflows.findOn(day);
        Workflow workflow = all.stream().filter(w -> w.key().equals(key)).findFirst().orElseThrow();
        return scoreAll(all, List.of(workflow), on).get(0);
    }

    private List<Scored> scoreAll(List<Workflow> all, List<Workflow> inScope, ScoringDay on) {
        ScoringContext ctx = contexts.load(on, properties.windowDays(), properties.targets(), all, inScope);
        List<Scored> scored = new ArrayList<>();
        for (Workflow workflow : inScope) {
            scored.add(scoring.score(ctx, workflow));
        }
        return scored;
    }

    /** Alignment over everyone, or over the given people only, with the measurement contracts as of the date. */
    private Alignment.Result alignment(ScoringDay on, List<Workflow> all, Set<Long> onlyPeople) {
        LocalDate day = on.day();
        Set<Long> aligned = new HashSet<>(on.past()
                ? kpis.workflowsWithOutcomeKpiOn(all.stream().map(Workflow::id).toList(), day)
                : kpis.workflowsWithOutcomeKpi());
        LocalDate from = day.minusDays(properties.windowDays() - 1L);
        List<Alignment.PersonUsage> usages = usage.personActivity(from, day, aligned).stream()
                .filter(a -> onlyPeople == null || a.personId() != null && onlyPeople.contains(a.personId()))
                .map(a -> new Alignment.PersonUsage(a.personId() != null ? "p" + a.personId() : "r" + a.personRef(),
                        a.events(), a.eventsInWorkflows()))
                .toList();
        return Alignment.of(usages);
    }

    /** Active people by tier at a past date: everyone ({@code ids} null) or the given people. */
    private static Map<Tier, Long> headcountOf(ScoringDay on, Set<Long> ids) {
        Map<Tier, Long> counts = new java.util.EnumMap<>(Tier.class);
        on.people().values().stream().filter(s -> s.active() && (ids == null || ids.contains(s.personId())))
                .forEach(s -> counts.merge(s.tier(), 1L, Long::sum));
        return counts;
    }

    private Map<Tier, Long> headcountOf(Set<Long> ids) {
        Map<Tier, Long> counts = new java.util.EnumMap<>(Tier.class);
        for (Person p : people.findAllById(ids)) {
            if (p.active()) {
                counts.merge(p.tier(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private OrganizationScorecard aggregate(String scope, Long scopeId, String name, LocalDate day, List<Scored> scored,
            Alignment.Result alignment, List<OrganizationScorecard.PipelineLag> lags, Map<Tier, Long> headcount,
            List<dev.pitwall.portfolio.BudgetLine> budget) {
        return Aggregation.of(scope, scopeId, name, day, day.minusDays(properties.windowDays() - 1L), scored, alignment,
                lags, headcount, budget);
    }

    /** Every budget line up to D of these initiatives. */
    private List<dev.pitwall.portfolio.BudgetLine> budgetLines(List<Long> initiativeIds, LocalDate day) {
        return initiativeIds.stream().flatMap(i -> initiatives.budget(i).stream())
                .filter(l -> !l.spentOn().isAfter(day)).toList();
    }
}
