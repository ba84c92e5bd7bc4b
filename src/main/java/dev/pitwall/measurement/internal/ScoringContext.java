package dev.pitwall.measurement.internal;

import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.metrics.OutcomeCounts;
import dev.pitwall.measurement.metrics.Targets;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.BudgetLine;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.telemetry.UsageFacts.Slice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the metric model reads for a set of workflows on one as-of date, loaded in bulk once
 * so that scoring many workflows costs a few queries, not a few per workflow.
 *
 * @param asOf D
 * @param from the first day of the window W
 * @param workflows the workflows in scope
 * @param systems every AI system by id
 * @param slices events per workflow × system in W
 * @param activeDays workflow id → person id → active days in W
 * @param evaluationScores latest evaluation score per system (workflow 0) and per system and workflow up to D
 * @param reportedAvailability mean reported availability per system in W
 * @param deployments successful production deployments in W per system, for all its workflows (0) or one
 * @param kpis KPIs by workflow id
 * @param measurements measurements up to D by KPI id, oldest first
 * @param budget budget lines up to D by initiative id
 * @param workflowsPerInitiative how many workflows each initiative has (for sharing its spend)
 * @param defaults the organization's targets
 * @param workflowTargets overrides by workflow id
 * @param systemTargets overrides by system id
 * @param pipelines the initiatives' pipelines read so far (filled as scoring goes)
 * @param parts the workflows' operating model and people, read in bulk
 */
public record ScoringContext(LocalDate asOf, LocalDate from, List<Workflow> workflows, Map<Long, AiSystem> systems,
        List<Slice> slices, Map<Long, Map<Long, Integer>> activeDays, Map<Long, Map<Long, Double>> evaluationScores,
        Map<Long, Double> reportedAvailability, Map<Long, Map<Long, Long>> deployments, Map<Long, List<Kpi>> kpis,
        Map<Long, List<Measurement>> measurements, Map<Long, List<BudgetLine>> budget,
        Map<Long, Integer> workflowsPerInitiative, Targets defaults, Map<Long, TargetOverrides.Override> workflowTargets,
        Map<Long, TargetOverrides.Override> systemTargets,
        Map<Long, dev.pitwall.portfolio.Pipelines> pipelines, Parts parts) {

    /**
     * What scoring reads of each workflow in scope.
     *
     * @param details the workflows' details by workflow id
     * @param intendedUsers U_w by workflow id
     * @param levels the latest skill level up to D per person and skill, for every role member in scope
     * @param trained by workflow id, its intended users with completed enablement by D
     * @param skills every assessment of every role member in scope (for the levels at a baseline date)
     */
    public record Parts(Map<Long, dev.pitwall.portfolio.WorkflowDetails> details, Map<Long, java.util.Set<Long>> intendedUsers,
            Map<Long, Map<Long, Integer>> levels, Map<Long, java.util.Set<Long>> trained,
            dev.pitwall.people.SkillHistory skills) {
    }

    /** An initiative's pipelines, read once per scoring run. */
    public dev.pitwall.portfolio.Pipelines pipelinesOf(long initiativeId,
            java.util.function.LongFunction<dev.pitwall.portfolio.Pipelines> load) {
        return pipelines.computeIfAbsent(initiativeId, load::apply);
    }

    /** The outcomes of a workflow's events in W. */
    public OutcomeCounts outcomesOf(long workflowId) {
        OutcomeCounts total = OutcomeCounts.NONE;
        for (Slice s : slices) {
            if (s.workflowId() == workflowId) {
                total = total.plus(new OutcomeCounts(s.accepted(), s.edited(), s.overridden(), s.rejected()));
            }
        }
        return total;
    }

    /**
     * The evaluation score of a system as a workflow uses it: the workflow's own evaluations when it
     * has any, else the system's.
     */
    public Double evaluationScore(long systemId, long workflowId) {
        Map<Long, Double> scores = evaluationScores.getOrDefault(systemId, Map.of());
        return scores.containsKey(workflowId) ? scores.get(workflowId) : scores.get(0L);
    }

    /** Deployments of a system that count for a workflow: the system's own plus those of the workflow's part. */
    public long deploymentsFor(long systemId, long workflowId) {
        Map<Long, Long> counts = deployments.getOrDefault(systemId, Map.of());
        return counts.getOrDefault(0L, 0L) + counts.getOrDefault(workflowId, 0L);
    }

    /** A workflow's events on one system in W. */
    public long eventsOf(long workflowId, long systemId) {
        return slices.stream().filter(s -> s.workflowId() == workflowId && s.systemId() == systemId)
                .mapToLong(Slice::events).sum();
    }

    /** Spend of a category attributed to a workflow up to D: its own lines plus its equal share of the initiative's. */
    public double spendOf(Workflow workflow, dev.pitwall.portfolio.SpendCategory category) {
        if (workflow.initiativeId() == null) {
            return 0;
        }
        int sharing = Math.max(1, workflowsPerInitiative.getOrDefault(workflow.initiativeId(), 1));
        double spend = 0;
        for (BudgetLine line : budget.getOrDefault(workflow.initiativeId(), List.of())) {
            if (line.category() != category || line.spentOn().isAfter(asOf)) {
                continue;
            }
            if (line.workflowKey() == null) {
                spend += line.amount().doubleValue() / sharing;
            } else if (line.workflowKey().equals(workflow.key())) {
                spend += line.amount().doubleValue();
            }
        }
        return spend;
    }

    /**
     * The targets of a workflow: its own overrides, else its AI systems' targets (each system's
     * overrides, else the defaults) weighted by the workflow's events per system in W (equal
     * weights when there are none), as its quality and availability are.
     */
    public Targets targetsOf(long workflowId, List<Long> systemIds) {
        Targets base = defaults;
        if (systemIds.stream().anyMatch(systemTargets::containsKey)) {
            boolean byEvents = systemIds.stream().anyMatch(s -> eventsOf(workflowId, s) > 0);
            double weights = 0;
            double[] sums = new double[4];
            for (long system : systemIds) {
                TargetOverrides.Override o = systemTargets.get(system);
                Targets t = o == null ? defaults : defaults.with(o.quality(), o.availability(), o.deploymentsPerMonth(), o.roi());
                double weight = byEvents ? eventsOf(workflowId, system) : 1;
                sums[0] += t.quality() * weight;
                sums[1] += t.availability() * weight;
                sums[2] += t.deploymentsPerMonth() * weight;
                sums[3] += t.roi() * weight;
                weights += weight;
            }
            base = new Targets(sums[0] / weights, sums[1] / weights, sums[2] / weights, sums[3] / weights);
        }
        TargetOverrides.Override o = workflowTargets.get(workflowId);
        return o == null ? base : base.with(o.quality(), o.availability(), o.deploymentsPerMonth(), o.roi());
    }
}
