package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.ScoringContext;
import dev.pitwall.measurement.metrics.Adoption;
import dev.pitwall.measurement.metrics.OutcomeCounts;
import dev.pitwall.measurement.metrics.Targets;
import dev.pitwall.measurement.metrics.TechnicalPerformance;
import dev.pitwall.measurement.metrics.TechnicalPerformance.SystemFacts;
import dev.pitwall.measurement.metrics.Value;
import dev.pitwall.measurement.metrics.ValueCapture;
import dev.pitwall.measurement.metrics.WorkforceCapability;
import dev.pitwall.measurement.metrics.WorkforceCapability.Requirement;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.PipelineService;
import dev.pitwall.portfolio.PipelineStage;
import dev.pitwall.portfolio.PipelineStageState;
import dev.pitwall.portfolio.PipelineStatus;
import dev.pitwall.portfolio.SpendCategory;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.telemetry.UsageFacts.Slice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Computes one workflow's scorecard from a loaded {@link ScoringContext} and the workflow's people. */
@Component
class WorkflowScoring {

    private final PipelineService pipelines;
    private final MeasurementProperties properties;

    WorkflowScoring(PipelineService pipelines, MeasurementProperties properties) {
        this.pipelines = pipelines;
        this.properties = properties;
    }

    /** The scored workflow with the raw sets the drill-downs need. */
    record Scored(Workflow workflow, WorkflowScorecard card, Adoption.Result adoption, Map<Long, Integer> activeDays,
            Set<Long> intendedUsers, List<Requirement> requirements, Set<Long> trained) {
    }

    Scored score(ScoringContext ctx, Workflow workflow) {
        WorkflowDetails details = ctx.parts().details().get(workflow.id());
        Set<Long> users = ctx.parts().intendedUsers().get(workflow.id());
        LocalDate asOf = ctx.asOf();
        Targets targets = ctx.targetsOf(workflow.id(), details.systems().stream().map(WorkflowDetails.SystemRef::id).toList());

        Map<Long, Integer> activeDays = ctx.activeDays().getOrDefault(workflow.id(), Map.of());
        Adoption.Result adoption = live(workflow, asOf)
                ? Adoption.of(users, activeDays)
                : Adoption.notLive(users, workflow.aiGoLive() == null ? "the AI has not gone live (no AI go-live date)"
                        : "the AI goes live on " + workflow.aiGoLive() + ", after " + asOf);
        Figure[] rates = Adoption.rates(ctx.outcomesOf(workflow.id()));

        List<SystemFacts> facts = systemFacts(ctx, workflow, details);
        Figure quality = TechnicalPerformance.weighted("quality", facts, TechnicalPerformance::quality);
        Figure availability = TechnicalPerformance.weighted("availability", facts, TechnicalPerformance::availability);
        Figure deployments = TechnicalPerformance.workflowDeploymentsPerMonth(facts);
        Figure technicalIndex = TechnicalPerformance.technicalIndex(quality, availability, deployments, targets);

        List<Value.KpiValue> values = ctx.kpis().getOrDefault(workflow.id(), List.of()).stream()
                .filter(Kpi::isBusinessOutcome)
                .map(k -> Value.of(k, ctx.measurements().getOrDefault(k.id(), List.of()), ctx.from(), asOf,
                        workflow.aiGoLive()))
                .toList();
        Value.Result value = Value.sum(values);

        List<Requirement> requirements = requirements(details.roles());
        Set<Long> rolePeople = new HashSet<>();
        requirements.forEach(r -> rolePeople.add(r.personId()));
        Map<Long, Map<Long, Integer>> levels = ctx.parts().levels();
        Figure coverage = WorkforceCapability.skillCoverage(requirements, levels);
        Figure gap = WorkforceCapability.skillGap(coverage);
        Figure gapReduction = gapReduction(ctx, workflow, requirements, rolePeople, gap, asOf);
        Set<Long> trainedUsers = ctx.parts().trained().get(workflow.id());
        Figure trained = WorkforceCapability.trainedShare(users, trainedUsers);
        double workforceSpend = ctx.spendOf(workflow, SpendCategory.WORKFORCE);
        double infrastructureSpend = ctx.spendOf(workflow, SpendCategory.INFRASTRUCTURE);
        Figure roi = WorkforceCapability.capabilityRoi(value.cumulativeRealizedImpact(), workforceSpend);
        Figure workforceIndex = ValueCapture.workforceIndex(coverage, adoption.adoptionDepth(), roi, targets);

        ValueCapture.Waterfall waterfall = ValueCapture.waterfall(value.targetImpact(), adoption.adoptionDepth(), quality,
                value.realizedImpact());
        Figure capture = ValueCapture.operatingModelCapture(waterfall);
        ValueCapture.Constraint constraint = ValueCapture.bindingConstraint(technicalIndex, workforceIndex, capture);
        Figure stranded = strandedCapital(workflow, infrastructureSpend, adoption.adoptionDepth());
        boolean highPerformer = value.realization().present() && adoption.adoptionDepth().present()
                && value.realization().v() >= properties.highPerformerRealization()
                && adoption.adoptionDepth().v() >= properties.highPerformerDepth();

        List<Figure> figures = List.of(adoption.reach(), adoption.adoptionDepth(), rates[0], rates[1], coverage, gap,
                gapReduction, trained, roi, quality, availability, deployments, technicalIndex, workforceIndex,
                value.realizedImpact(), value.targetImpact(), value.realization(), value.cumulativeRealizedImpact(),
                capture, stranded, Figure.of("infrastructureSpend", infrastructureSpend, "money"),
                Figure.of("workforceSpend", workforceSpend, "money"));
        WorkflowScorecard card = new WorkflowScorecard(workflow.key(), workflow.name(), workflow.stage(),
                workflow.initiativeId(), workflow.initiativeName(), asOf, ctx.from(), figures, levels(adoption),
                waterfall.steps(), constraint == null ? null : constraint.name(), highPerformer,
                systemFigures(ctx, facts), kpiFigures(values), roleCoverage(details, levels),
                OrganizationScorecard.commonPeriod(values.stream().map(v -> v.kpi().cadence().name()).toList()), null,
                List.of());
        return new Scored(workflow, card, adoption, activeDays, users, requirements, trainedUsers);
    }

    /** Whether AI took part in the workflow's work by D: only then can people adopt it. */
    private static boolean live(Workflow workflow, LocalDate asOf) {
        return workflow.aiGoLive() != null && !workflow.aiGoLive().isAfter(asOf);
    }

    private static List<SystemFacts> systemFacts(ScoringContext ctx, Workflow workflow, WorkflowDetails details) {
        List<SystemFacts> facts = new ArrayList<>();
        for (WorkflowDetails.SystemRef ref : details.systems()) {
            long events = 0;
            long errors = 0;
            OutcomeCounts outcomes = OutcomeCounts.NONE;
            for (Slice s : ctx.slices()) {
                if (s.systemId() == ref.id()) {
                    events += s.events();
                    errors += s.errors();
                    outcomes = outcomes.plus(new OutcomeCounts(s.accepted(), s.edited(), s.overridden(), s.rejected()));
                }
            }
            Long deployments = ref.kind() == dev.pitwall.portfolio.AiSystemKind.SAAS_COPILOT ? null
                    : ctx.deploymentsFor(ref.id(), workflow.id());
            facts.add(new SystemFacts(ref.key(), ctx.evaluationScore(ref.id(), workflow.id()),
                    ownOrAll(outcomes, ctx, workflow.id(), ref.id()), events, errors,
                    ctx.reportedAvailability().get(ref.id()), deployments, ctx.eventsOf(workflow.id(), ref.id())));
        }
        return facts;
    }

    /** The outcomes of the workflow's own events on a system when there are any, else the system's. */
    private static OutcomeCounts ownOrAll(OutcomeCounts all, ScoringContext ctx, long workflowId, long systemId) {
        OutcomeCounts own = OutcomeCounts.NONE;
        for (Slice s : ctx.slices()) {
            if (s.systemId() == systemId && s.workflowId() == workflowId) {
                own = own.plus(new OutcomeCounts(s.accepted(), s.edited(), s.overridden(), s.rejected()));
            }
        }
        return own.judged() > 0 ? own : all;
    }

    private static List<Requirement> requirements(List<WorkflowDetails.Role> roles) {
        List<Requirement> requirements = new ArrayList<>();
        for (WorkflowDetails.Role role : roles) {
            for (WorkflowDetails.PersonRef member : role.members()) {
                if (!member.active()) {
                    continue;
                }
                for (WorkflowDetails.RequiredSkill skill : role.skills()) {
                    requirements.add(new Requirement(member.id(), skill.skillId(), skill.level()));
                }
            }
        }
        return requirements;
    }

    /** The gap reduction since MAP_SKILLS was done (else since the first assessment of the required skills). */
    private Figure gapReduction(ScoringContext ctx, Workflow workflow, List<Requirement> requirements, Set<Long> people,
            Figure gapNow, LocalDate asOf) {
        if (requirements.isEmpty()) {
            return Figure.missing("skillGapReduction", "ratio", gapNow.reason());
        }
        Optional<LocalDate> baseline = mapSkillsDone(ctx, workflow, asOf);
        if (baseline.isEmpty()) {
            baseline = ctx.parts().skills().firstAssessedOn(people,
                    requirements.stream().map(Requirement::skillId).toList());
        }
        if (baseline.isEmpty() || baseline.get().isAfter(asOf)) {
            return Figure.missing("skillGapReduction", "ratio", "no skill was assessed before the as-of date");
        }
        Figure baselineGap = WorkforceCapability.skillGap(WorkforceCapability.skillCoverage(requirements,
                ctx.parts().skills().levelsAsOf(people, baseline.get())));
        return WorkforceCapability.skillGapReduction(baselineGap, gapNow);
    }

    private Optional<LocalDate> mapSkillsDone(ScoringContext ctx, Workflow workflow, LocalDate asOf) {
        if (workflow.initiativeId() == null) {
            return Optional.empty();
        }
        return ctx.pipelinesOf(workflow.initiativeId(), pipelines::pipelines).workforce().stream()
                .filter(s -> s.stage() == PipelineStage.MAP_SKILLS && s.status() == PipelineStatus.DONE)
                .map(PipelineStageState::completedOn).filter(d -> d != null && !d.isAfter(asOf)).findFirst();
    }

    /** Infrastructure spend to D × (1 − adoptionDepth), for workflows in production. */
    static Figure strandedCapital(Workflow workflow, double infrastructureSpend, Figure depth) {
        if (workflow.stage() != dev.pitwall.portfolio.WorkflowStage.PRODUCTION) {
            return Figure.missing("strandedCapital", "money", "only workflows in production strand capital");
        }
        if (!depth.present()) {
            return Figure.missing("strandedCapital", "money", "adoption depth: " + depth.reason());
        }
        return Figure.of("strandedCapital", infrastructureSpend * (1 - depth.v()), "money");
    }

    private static List<WorkflowScorecard.LevelCount> levels(Adoption.Result adoption) {
        List<WorkflowScorecard.LevelCount> levels = new ArrayList<>();
        adoption.peopleByLevel().forEach((level, people) ->
                levels.add(new WorkflowScorecard.LevelCount(level, Adoption.LEVEL_NAMES[level], people.size())));
        return levels;
    }

    private static List<WorkflowScorecard.SystemFigures> systemFigures(ScoringContext ctx, List<SystemFacts> facts) {
        List<WorkflowScorecard.SystemFigures> figures = new ArrayList<>();
        for (SystemFacts f : facts) {
            AiSystem system = ctx.systems().values().stream().filter(s -> s.key().equals(f.systemKey())).findFirst()
                    .orElseThrow();
            figures.add(new WorkflowScorecard.SystemFigures(f.systemKey(), system.name(), TechnicalPerformance.quality(f),
                    TechnicalPerformance.availability(f), TechnicalPerformance.deploymentsPerMonth(f.deployments()),
                    f.workflowEvents(), f.evaluationScore() != null));
        }
        return figures;
    }

    private static List<WorkflowScorecard.KpiFigures> kpiFigures(List<Value.KpiValue> values) {
        return values.stream().map(v -> {
            Kpi k = v.kpi();
            return new WorkflowScorecard.KpiFigures(k.id(), k.name(), k.unit(), k.direction().name(),
                    k.baselineValue() == null ? null : k.baselineValue().doubleValue(),
                    k.target() == null ? null : k.target().doubleValue(), v.current(), k.cadence().name(),
                    money("realizedImpact", v.realizedImpact(), v.reason()),
                    money("targetImpact", v.targetImpact(), v.reason()),
                    money("cumulativeRealizedImpact", v.cumulativeRealizedImpact(),
                            v.reason() != null ? v.reason() : "no AI go-live recorded"));
        }).toList();
    }

    private static Figure money(String id, Double value, String reason) {
        return value == null ? Figure.missing(id, "money", reason == null ? "an input is missing" : reason)
                : Figure.of(id, value, "money");
    }

    private static List<WorkflowScorecard.RoleCoverage> roleCoverage(WorkflowDetails details,
            Map<Long, Map<Long, Integer>> levels) {
        List<WorkflowScorecard.RoleCoverage> roles = new ArrayList<>();
        for (WorkflowDetails.Role role : details.roles()) {
            List<Requirement> requirements = requirements(List.of(role));
            roles.add(new WorkflowScorecard.RoleCoverage(role.name(), (int) role.members().stream()
                    .filter(WorkflowDetails.PersonRef::active).count(), role.skills().size(),
                    WorkforceCapability.skillCoverage(requirements, levels)));
        }
        return roles;
    }
}
