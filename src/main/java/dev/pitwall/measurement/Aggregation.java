package dev.pitwall.measurement;

import dev.pitwall.measurement.WorkflowScoring.Scored;
import dev.pitwall.measurement.metrics.Alignment;
import dev.pitwall.people.Tier;
import dev.pitwall.portfolio.BudgetLine;
import dev.pitwall.portfolio.SpendCategory;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The figures of the organization or an initiative from its workflows' scorecards (docs/metrics.md,
 * "Organization"): impact and realization summed over workflows in production, the two engine
 * indices and adoption depth as means over them, stranded capital, alignment, the investment
 * balance and the high-performer share.
 */
final class Aggregation {

    private Aggregation() {
    }

    static OrganizationScorecard of(String scope, Long scopeId, String name, LocalDate asOf, LocalDate from,
            List<Scored> scored, Alignment.Result alignment, List<OrganizationScorecard.PipelineLag> lags,
            Map<Tier, Long> headcount, List<BudgetLine> budget) {
        List<WorkflowScorecard> production = scored.stream().map(Scored::card)
                .filter(c -> c.stage() == WorkflowStage.PRODUCTION).toList();
        String none = "no workflow in production";
        List<Figure> figures = new ArrayList<>();
        Figure realized = sum("realizedImpact", production, none);
        Figure target = sum("targetImpact", production, none);
        figures.add(realized);
        figures.add(target);
        figures.add(realization(production, none));
        // Money to date side by side: what production returned, what was spent, and the ratio of both.
        Figure cumulative = sum("cumulativeRealizedImpact", production, none);
        figures.add(cumulative);
        double infrastructure = spend(budget, l -> l.category() == SpendCategory.INFRASTRUCTURE);
        double workforce = spend(budget, l -> l.category() == SpendCategory.WORKFORCE);
        figures.add(Figure.of("infrastructureSpend", infrastructure, "money"));
        figures.add(Figure.of("workforceSpend", workforce, "money"));
        figures.add(returnOnSpend(cumulative, infrastructure + workforce));
        figures.add(sum("strandedCapital", production, none));
        figures.add(mean("technicalIndex", "index", production, none));
        figures.add(mean("workforceIndex", "index", production, none));
        figures.add(mean("adoptionDepth", "ratio", production, none));
        figures.add(alignment.misalignedUserShare());
        figures.add(alignment.unalignedActivityShare());
        figures.add(highPerformerShare(production, none));
        figures.add(infrastructure + workforce == 0
                ? Figure.missing("workforceSpendShare", "ratio", "no spend recorded up to the as-of date")
                : Figure.of("workforceSpendShare", workforce / (infrastructure + workforce), "ratio"));
        figures.add(lags.isEmpty() ? Figure.missing("pipelineLag", "count", "no initiative")
                : Figure.of("pipelineLag", lags.stream().mapToInt(OrganizationScorecard.PipelineLag::pipelineLag).max()
                        .orElseThrow(), "count"));
        List<OrganizationScorecard.TierBalance> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            tiers.add(new OrganizationScorecard.TierBalance(tier,
                    spend(budget, l -> l.category() == SpendCategory.WORKFORCE && l.tier() == tier),
                    headcount.getOrDefault(tier, 0L)));
        }
        return new OrganizationScorecard(scope, scopeId, name, asOf, from, figures, ranking(scored), tiers, lags,
                OrganizationScorecard.commonPeriod(production.stream().map(WorkflowScorecard::impactPeriod).toList()),
                null);
    }

    /**
     * What the AI spend returned so far: cumulative realized impact over all spend up to D, both
     * summed to date, so the two are on the same basis.
     */
    static Figure returnOnSpend(Figure cumulative, double spend) {
        if (!cumulative.present()) {
            return Figure.missing("returnOnSpend", "multiple", "cumulative realized impact: " + cumulative.reason());
        }
        if (spend == 0) {
            return Figure.missing("returnOnSpend", "multiple", "no spend recorded up to the as-of date");
        }
        return Figure.of("returnOnSpend", cumulative.v() / spend, "multiple");
    }

    private static Figure sum(String id, List<WorkflowScorecard> cards, String none) {
        if (cards.isEmpty()) {
            return Figure.missing(id, "money", none);
        }
        List<Figure> present = cards.stream().map(c -> c.figure(id)).filter(Figure::present).toList();
        if (present.isEmpty()) {
            return Figure.missing(id, "money", "no workflow in production has it: " + cards.get(0).figure(id).reason());
        }
        return Figure.of(id, present.stream().mapToDouble(Figure::v).sum(), "money");
    }

    private static Figure mean(String id, String unit, List<WorkflowScorecard> cards, String none) {
        if (cards.isEmpty()) {
            return Figure.missing(id, unit, none);
        }
        double[] values = cards.stream().map(c -> c.figure(id)).filter(Figure::present).mapToDouble(Figure::v).toArray();
        if (values.length == 0) {
            return Figure.missing(id, unit, "no workflow in production has it");
        }
        return Figure.of(id, java.util.Arrays.stream(values).average().orElseThrow(), unit);
    }

    /** Σ realized / Σ target over the production workflows that have both. */
    private static Figure realization(List<WorkflowScorecard> cards, String none) {
        double realized = 0;
        double target = 0;
        int n = 0;
        for (WorkflowScorecard c : cards) {
            if (c.figure("realizedImpact").present() && c.figure("targetImpact").present()) {
                realized += c.figure("realizedImpact").v();
                target += c.figure("targetImpact").v();
                n++;
            }
        }
        if (n == 0) {
            return Figure.missing("realization", "ratio", cards.isEmpty() ? none
                    : "no workflow in production has both a realized and a target impact");
        }
        return target == 0 ? Figure.missing("realization", "ratio", "the target impact is 0")
                : Figure.of("realization", realized / target, "ratio");
    }

    private static Figure highPerformerShare(List<WorkflowScorecard> cards, String none) {
        if (cards.isEmpty()) {
            return Figure.missing("highPerformerShare", "ratio", none);
        }
        return Figure.of("highPerformerShare",
                (double) cards.stream().filter(WorkflowScorecard::highPerformer).count() / cards.size(), "ratio");
    }

    private static double spend(List<BudgetLine> budget, Predicate<BudgetLine> which) {
        return budget.stream().filter(which).mapToDouble(l -> l.amount().doubleValue()).sum();
    }

    /**
     * Workflows where AI is at work (production, then pilot) first, each group most constrained
     * first: ascending by the binding index; ideas, retired workflows and those without any index last.
     */
    static List<OrganizationScorecard.WorkflowRank> ranking(List<Scored> scored) {
        List<OrganizationScorecard.WorkflowRank> ranks = new ArrayList<>();
        for (Scored s : scored) {
            WorkflowScorecard c = s.card();
            Double tech = c.figure("technicalIndex").value();
            Double work = c.figure("workforceIndex").value();
            Double capture = c.figure("operatingModelCapture").value();
            Double score = c.bindingConstraint() == null ? null : switch (c.bindingConstraint()) {
                case "TECHNOLOGY" -> tech;
                case "WORKFORCE" -> work;
                default -> capture;
            };
            ranks.add(new OrganizationScorecard.WorkflowRank(c.workflowKey(), c.name(), c.stage().name(),
                    c.bindingConstraint(), score, tech, work, capture, c.figure("adoptionDepth").value(),
                    c.figure("realization").value(), c.figure("realizedImpact").value(), c.figure("targetImpact").value(),
                    c.figure("strandedCapital").value(), c.highPerformer(), valueLost(c), c.impactPeriod(),
                    c.intendedUsers(), false));
        }
        ranks.sort(Comparator.comparing((OrganizationScorecard.WorkflowRank r) -> stageOrder(r.stage()))
                .thenComparing(OrganizationScorecard.WorkflowRank::constraintScore,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OrganizationScorecard.WorkflowRank::name));
        return ranks;
    }

    /** Target − realized impact, never below 0: a workflow beyond its target loses nothing. */
    private static Double valueLost(WorkflowScorecard card) {
        Figure target = card.figure("targetImpact");
        Figure realized = card.figure("realizedImpact");
        return target.present() && realized.present() ? Math.max(0, target.v() - realized.v()) : null;
    }

    private static int stageOrder(String stage) {
        return switch (stage) {
            case "PRODUCTION" -> 0;
            case "PILOT" -> 1;
            default -> 2;
        };
    }
}
