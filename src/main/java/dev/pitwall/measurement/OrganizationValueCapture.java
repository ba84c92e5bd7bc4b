package dev.pitwall.measurement;

import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The organization's value-capture waterfall (docs/metrics.md, "Organization value capture"): each
 * step summed over the workflows in production that have a complete waterfall, with the workflows
 * and binding constraints behind each loss, and the board question answered in words.
 */
@Service
public class OrganizationValueCapture {

    /** The steps, in order. */
    public static final List<String> STEPS = List.of("potential", "lostToAdoption", "lostToQuality", "expected",
            "operatingModelResidual", "realized");
    private static final List<String> LOSSES = List.of("lostToAdoption", "lostToQuality", "operatingModelResidual");

    /** A workflow's part of a loss, and its binding constraint. */
    public record Driver(String workflowKey, String workflowName, String bindingConstraint, double amount) {
    }

    /**
     * One step: its sum, its share of the potential ({@code null} when the potential is 0), and for a
     * loss the workflows behind it, largest first.
     */
    public record Step(Figure figure, Double shareOfPotential, List<Driver> drivers) {
    }

    /**
     * The waterfall.
     *
     * @param asOf the as-of date
     * @param currency the organization's currency
     * @param period what its money is per (the workflows' common KPI cadence, or {@code KPI_PERIOD})
     * @param workflows the production workflows summed
     * @param leftOut production workflows without a complete waterfall, with the reason
     * @param steps the steps, empty when no production workflow has a waterfall
     * @param largestLoss the loss step that takes most, or {@code null}
     */
    public record Waterfall(LocalDate asOf, String currency, String period, List<String> workflows,
            Map<String, String> leftOut, List<Step> steps, String largestLoss) {

        public Step step(String id) {
            return steps.stream().filter(s -> s.figure().id().equals(id)).findFirst().orElse(null);
        }
    }

    private final ScorecardService scorecards;
    private final WorkflowService workflows;

    OrganizationValueCapture(ScorecardService scorecards, WorkflowService workflows) {
        this.scorecards = scorecards;
        this.workflows = workflows;
    }

    /**
     * The board question answered in words from the figures: the workforce's share of AI spend and
     * its split by tier, and where most of the potential is lost and behind which workflow.
     */
    public String boardQuestion(OrganizationScorecard card, Waterfall waterfall) {
        String currency = card.currency();
        StringBuilder text = new StringBuilder();
        Figure share = card.figure("workforceSpendShare");
        if (share.value() == null) {
            text.append("No AI spend is recorded up to ").append(card.asOf()).append(", so the balance between technology "
                    + "and workforce cannot be told yet.");
        } else {
            double workforce = card.figure("workforceSpend").value();
            double total = workforce + card.figure("infrastructureSpend").value();
            text.append("Workforce gets ").append(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share.value()))
                    .append(" of AI spend to date (").append(money(workforce)).append(" of ").append(money(total))
                    .append(' ').append(currency).append(")");
            List<String> tiers = card.tiers().stream().map(t -> t.tier().name().toLowerCase(java.util.Locale.ROOT) + "s "
                    + money(t.workforceSpend())).toList();
            text.append("; by tier, ").append(String.join(", ", tiers.subList(0, tiers.size() - 1))).append(" and ")
                    .append(tiers.get(tiers.size() - 1)).append(' ').append(currency).append('.');
        }
        if (waterfall.largestLoss() != null) {
            Step potential = waterfall.step("potential");
            Step loss = waterfall.step(waterfall.largestLoss());
            Driver top = loss.drivers().get(0);
            text.append(" Of ").append(money(potential.figure().value())).append(' ').append(currency).append(' ')
                    .append(per(waterfall.period())).append(" of potential in production, ")
                    .append(money(loss.figure().value())).append(" is ").append(lossWords(loss.figure().id()))
                    .append(", most of it in ").append(top.workflowName())
                    .append(top.bindingConstraint() == null ? "" : " (constrained by "
                            + top.bindingConstraint().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")")
                    .append('.');
        }
        return text.toString();
    }

    private static String money(double value) {
        return String.format(java.util.Locale.ROOT, "%,.0f", value);
    }

    private static String per(String period) {
        if (period == null || Figure.KPI_PERIOD.equals(period)) {
            return "per KPI period";
        }
        return switch (period) {
            case "DAILY" -> "a day";
            case "WEEKLY" -> "a week";
            case "QUARTERLY" -> "a quarter";
            default -> "a month";
        };
    }

    private static String lossWords(String id) {
        return switch (id) {
            case "lostToAdoption" -> "lost to adoption";
            case "lostToQuality" -> "lost to quality";
            default -> "lost to the operating model";
        };
    }

    public Waterfall organization(LocalDate requested) {
        return organization(requested, 0);
    }

    /**
     * The waterfall without the workflows of fewer intended users than {@code minGroupSize} (left
     * out with that reason): their losses would tell how deeply those few people adopted them. For
     * a viewer who may not identify people (see {@link ScorecardViews}).
     */
    public Waterfall organization(LocalDate requested, int minGroupSize) {
        LocalDate asOf = scorecards.asOf(requested);
        List<WorkflowScorecard> cards = new ArrayList<>();
        Map<String, String> leftOut = new LinkedHashMap<>();
        String currency = null;
        for (Workflow w : workflows.findOn(asOf).stream().filter(w -> w.stage() == WorkflowStage.PRODUCTION)
                .sorted(Comparator.comparing(Workflow::key)).toList()) {
            // The cached figures alone: the parts other capabilities add are not needed for the waterfall.
            WorkflowScorecard card = scorecards.workflowWithoutParts(w.key(), asOf);
            currency = card.currency();
            Figure missing = card.waterfall().stream().filter(f -> f.value() == null).findFirst().orElse(null);
            if (card.intendedUsers() > 0 && card.intendedUsers() < minGroupSize) {
                leftOut.put(w.key(), "fewer than " + minGroupSize + " intended users: withheld so that no figure "
                        + "describes fewer people (privacy.min-group-size)");
            } else if (missing != null) {
                leftOut.put(w.key(), missing.reason());
            } else {
                cards.add(card);
            }
        }
        if (cards.isEmpty()) {
            return new Waterfall(asOf, currency, null, List.of(), leftOut, List.of(), null);
        }
        String period = OrganizationScorecard.commonPeriod(cards.stream().map(WorkflowScorecard::impactPeriod).toList());
        List<Step> steps = new ArrayList<>();
        double potential = cards.stream().mapToDouble(c -> c.waterfall().stream().filter(f -> f.id().equals("potential"))
                .findFirst().orElseThrow().value()).sum();
        for (String id : STEPS) {
            double total = 0;
            List<Driver> drivers = new ArrayList<>();
            for (WorkflowScorecard card : cards) {
                double amount = card.waterfall().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().value();
                total += amount;
                if (LOSSES.contains(id) && amount > 0) {
                    drivers.add(new Driver(card.workflowKey(), card.name(), card.bindingConstraint(), amount));
                }
            }
            drivers.sort(Comparator.comparingDouble(Driver::amount).reversed().thenComparing(Driver::workflowKey));
            steps.add(new Step(new Figure(id, total, "money", null, currency, period),
                    potential == 0 ? null : total / potential, drivers));
        }
        String largest = steps.stream().filter(s -> LOSSES.contains(s.figure().id()) && s.figure().value() > 0)
                .max(Comparator.comparingDouble(s -> s.figure().value())).map(s -> s.figure().id()).orElse(null);
        return new Waterfall(asOf, currency, period, cards.stream().map(WorkflowScorecard::workflowKey).toList(), leftOut,
                steps, largest);
    }
}
