package dev.pitwall.board.internal;

import dev.pitwall.board.BoardPackContent;
import dev.pitwall.board.BoardPackContent.Chart;
import dev.pitwall.board.BoardPackContent.PackFigure;
import dev.pitwall.board.BoardPackContent.Row;
import dev.pitwall.board.BoardPackContent.Section;
import dev.pitwall.board.BoardPackContent.Table;
import dev.pitwall.board.BoardPackPeriod;
import dev.pitwall.insight.ConfidenceDivide;
import dev.pitwall.insight.EffectService;
import dev.pitwall.insight.PulseService;
import dev.pitwall.insight.Interval;
import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.MetricDefinitions;
import dev.pitwall.measurement.OrganizationScorecard;
import dev.pitwall.measurement.OrganizationValueCapture;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.ScorecardViews;
import dev.pitwall.platform.organization.OrganizationService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes a board pack's content for a period from the capabilities' own figures, as of the period's
 * last day: nothing is computed here that a scorecard, the waterfall or an analysis does not
 * already compute, so the pack says what the pages say.
 */
@Component
public class BoardPackComposer {

    private final ScorecardService scorecards;
    private final ScorecardViews views;
    private final OrganizationValueCapture valueCapture;
    private final EffectService effects;
    private final OrganizationService organization;
    private final RiskSection risk;
    private final PulseService pulses;

    BoardPackComposer(ScorecardService scorecards, ScorecardViews views, OrganizationValueCapture valueCapture, EffectService effects,
            OrganizationService organization, RiskSection risk, PulseService pulses) {
        this.pulses = pulses;
        this.scorecards = scorecards;
        this.views = views;
        this.valueCapture = valueCapture;
        this.effects = effects;
        this.organization = organization;
        this.risk = risk;
    }

    /** The content for the period; {@code previous} is the pack its changes are measured against, or null. */
    public BoardPackContent compose(BoardPackPeriod period, BoardPackContent previous) {
        // The pack leaves Pitwall for the board: no figure in it rests on too few people, whoever composes it.
        OrganizationScorecard card = views.protectedView(scorecards.organization(period.to()));
        OrganizationValueCapture.Waterfall waterfall = views.protectedValueCapture(period.to());
        List<Section> sections = new ArrayList<>();
        sections.add(impact(card, effects.all(period.to())));
        sections.add(balance(card));
        sections.add(waterfall(waterfall));
        sections.add(constrained(card));
        sections.add(adoption(card));
        sections.add(capability(card, pulses.divide(), period));
        sections.add(risk.section(period));
        BoardPackContent draft = new BoardPackContent(BoardPackContent.FORMAT, organization.get().name(),
                period.label(), period.from(), period.to(), card.currency(),
                valueCapture.boardQuestion(card, waterfall), sections);
        List<Section> all = new ArrayList<>(sections);
        all.add(PackChanges.since(previous, draft));
        return new BoardPackContent(draft.format(), draft.organization(), draft.period(), draft.from(), draft.asOf(),
                draft.currency(), draft.boardQuestion(), all);
    }

    private static Section impact(OrganizationScorecard card, List<EffectService.WorkflowEffect> effects) {
        Map<String, EffectService.WorkflowEffect> byKey = effects.stream()
                .collect(Collectors.toMap(EffectService.WorkflowEffect::workflowKey, Function.identity()));
        List<Row> rows = new ArrayList<>();
        List<String> chartKeys = new ArrayList<>();
        card.workflows().stream().filter(r -> "PRODUCTION".equals(r.stage()))
                .sorted(Comparator.comparing(OrganizationScorecard.WorkflowRank::targetImpact,
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(OrganizationScorecard.WorkflowRank::name))
                .forEach(r -> {
                    String k = "workflow." + r.workflowKey() + ".";
                    Interval estimate = byKey.containsKey(r.workflowKey()) ? byKey.get(r.workflowKey()).impact() : null;
                    String estimatePeriod = estimate == null ? r.impactPeriod() : byKey.get(r.workflowKey()).impactPeriod();
                    rows.add(new Row(r.name(), List.of(
                            money(k + "realizedImpact", "Realized", r.realizedImpact(), card.currency(), r.impactPeriod()),
                            money(k + "targetImpact", "Target", r.targetImpact(), card.currency(), r.impactPeriod()),
                            value(k + "realization", "Realization", r.realization(), "ratio"),
                            money(k + "estimatedImpact", "Estimated from the KPI series",
                                    estimate == null ? null : estimate.estimate(), card.currency(), estimatePeriod),
                            money(k + "estimatedImpactLow", "95 % interval, low", estimate == null ? null : estimate.low(),
                                    card.currency(), estimatePeriod),
                            money(k + "estimatedImpactHigh", "95 % interval, high",
                                    estimate == null ? null : estimate.high(), card.currency(), estimatePeriod),
                            PackFigure.text(k + "effectVerdict", "Distinguishable from noise", estimate == null
                                    ? "no estimate" : estimate.containsZero() ? "not yet" : "yes"))));
                    if (chartKeys.size() < 16 && r.targetImpact() != null && r.realizedImpact() != null) {
                        chartKeys.add(k + "realizedImpact");
                        chartKeys.add(k + "targetImpact");
                    }
                });
        List<PackFigure> figures = figures(card, List.of("realizedImpact", "targetImpact", "realization",
                "cumulativeRealizedImpact", "highPerformerShare"));
        Figure realization = card.figure("realization");
        String lead = realization.value() == null ? "Realization cannot be told yet: " + realization.reason() + "."
                : "The workflows in production realize " + realization(realization.value())
                        + " of their target impact. Where the KPI series allow, the impact they estimate is shown with "
                        + "its 95 % interval.";
        return new Section("impact", "Realized against target impact", lead, figures,
                List.of(new Table("impact-workflows", "Workflows in production",
                        List.of("Realized", "Target", "Realization", "Estimated", "Low", "High", "Real?"), rows)),
                chartKeys.isEmpty() ? null : new Chart("PAIRS", "Realized (dark) against target (light), per workflow",
                        chartKeys));
    }

    private static Section balance(OrganizationScorecard card) {
        List<Row> rows = card.tiers().stream().map(t -> new Row(t.tier().name(), List.of(
                money("tier." + t.tier().name() + ".workforceSpend", "Workforce spend", t.workforceSpend(),
                        card.currency(), Figure.TO_DATE),
                value("tier." + t.tier().name() + ".headcount", "Headcount", (double) t.headcount(), "count")))).toList();
        return new Section("balance", "Investment balance", "Does the workforce roadmap get an investment to match "
                + "the technology's? Spend to date, and the workforce's share of it by tier.",
                figures(card, List.of("infrastructureSpend", "workforceSpend", "workforceSpendShare", "strandedCapital")),
                List.of(new Table("tiers", "Workforce spend and headcount by tier", List.of("Workforce spend", "Headcount"),
                        rows)), null);
    }

    private static Section waterfall(OrganizationValueCapture.Waterfall waterfall) {
        if (waterfall.steps().isEmpty()) {
            return new Section("waterfall", "Where the value goes", "No workflow in production has a complete "
                    + "waterfall yet" + (waterfall.leftOut().isEmpty() ? "." : ": " + String.join("; ",
                    waterfall.leftOut().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + "."),
                    List.of(), List.of(), null);
        }
        List<PackFigure> figures = waterfall.steps().stream().map(s -> money("waterfall." + s.figure().id(),
                MetricDefinitions.of(s.figure().id()).name(), s.figure().value(), waterfall.currency(), waterfall.period()))
                .toList();
        List<Row> rows = new ArrayList<>();
        waterfall.steps().stream().filter(s -> !s.drivers().isEmpty()).forEach(s -> s.drivers().stream().limit(3)
                .forEach(d -> rows.add(new Row(MetricDefinitions.of(s.figure().id()).name() + ": " + d.workflowName(),
                        List.of(PackFigure.text("waterfall." + s.figure().id() + "." + d.workflowKey() + ".constraint",
                                        "Binding constraint", constraint(d.bindingConstraint())),
                                money("waterfall." + s.figure().id() + "." + d.workflowKey(), "Amount", d.amount(),
                                        waterfall.currency(), waterfall.period()))))));
        String lead = "Summed over " + waterfall.workflows().size() + " workflow" + (waterfall.workflows().size() == 1
                ? "" : "s") + " in production" + (waterfall.leftOut().isEmpty() ? "" : "; "
                + waterfall.leftOut().size() + " left out for lack of a complete waterfall") + ".";
        return new Section("waterfall", "Where the value goes", lead, figures,
                List.of(new Table("drivers", "The workflows behind each loss", List.of("Binding constraint", "Amount"),
                        rows)),
                new Chart("WATERFALL", "From potential to realized impact", figures.stream().map(PackFigure::key).toList()));
    }

    private static Section constrained(OrganizationScorecard card) {
        List<Row> rows = card.mostConstrained(5).stream().map(r -> {
            String k = "constrained." + r.workflowKey() + ".";
            return new Row(r.name(), List.of(PackFigure.text(k + "stage", "Stage", r.stage()),
                    PackFigure.text(k + "constraint", "Binding constraint", constraint(r.bindingConstraint())),
                    value(k + "constraintScore", "Constraint score", r.constraintScore(), "index"),
                    money(k + "valueLost", "Value lost", r.valueLost(), card.currency(), r.impactPeriod())));
        }).toList();
        return new Section("constrained", "Most constrained workflows", rows.isEmpty()
                ? "No workflow in pilot or production is held back by a binding constraint."
                : "The workflows held back most, by the value their binding constraint costs (target − realized impact).",
                List.of(), List.of(new Table("constrained", "Most constrained",
                        List.of("Stage", "Constraint", "Score", "Value lost"), rows)), null);
    }

    /** The workflows where AI is at work (pilot and production), in the ranking's order. */
    private static List<OrganizationScorecard.WorkflowRank> atWork(OrganizationScorecard card) {
        return card.workflows().stream().filter(r -> "PRODUCTION".equals(r.stage()) || "PILOT".equals(r.stage())).toList();
    }

    private static Section adoption(OrganizationScorecard card) {
        List<Row> rows = atWork(card).stream().map(r -> new Row(r.name(), List.of(
                PackFigure.text("adoption." + r.workflowKey() + ".stage", "Stage", r.stage()),
                r.withheld() ? new PackFigure("adoption." + r.workflowKey() + ".adoptionDepth", "Adoption depth", null,
                        "ratio", null, null, "withheld: fewer intended users than the minimum group size")
                        : value("adoption." + r.workflowKey() + ".adoptionDepth", "Adoption depth", r.adoptionDepth(),
                                "ratio"),
                value("adoption." + r.workflowKey() + ".realization", "Realization", r.realization(), "ratio")))).toList();
        return new Section("adoption", "Adoption and alignment", "Whether the people AI was built for use it, and "
                + "whether their use goes into workflows that carry a business outcome.",
                figures(card, List.of("adoptionDepth", "misalignedUserShare", "unalignedActivityShare")),
                List.of(new Table("adoption", "Adoption by workflow in pilot or production",
                        List.of("Stage", "Adoption depth", "Realization"), rows)), null);
    }

    private static Section capability(OrganizationScorecard card, ConfidenceDivide divide, BoardPackPeriod period) {
        List<PackFigure> figures = new ArrayList<>(figures(card, List.of("workforceIndex", "technicalIndex",
                "returnOnSpend", "pipelineLag")));
        ConfidenceDivide.Point latest = divide.pulses().stream().filter(p -> !p.endedOn().isAfter(period.to()))
                .reduce((a, b) -> b).orElse(null);
        figures.add(latest == null ? PackFigure.text("pulse.confidenceDivide", "Confidence divide (executives − managers)",
                        "no pulse asked about confidence by the as-of date")
                : new PackFigure("pulse.confidenceDivide", "Confidence divide (executives − managers), pulse ended "
                        + latest.endedOn(), latest.divide(), "points", null, null,
                        latest.divide() == null ? "withheld: a level below the minimum group size" : null));
        List<Row> rows = atWork(card).stream().map(r -> new Row(r.name(), List.of(
                value("capability." + r.workflowKey() + ".workforceIndex", "Workforce index", r.workforceIndex(), "index"),
                value("capability." + r.workflowKey() + ".technicalIndex", "Technical index", r.technicalIndex(), "index"),
                value("capability." + r.workflowKey() + ".operatingModelCapture", "Operating-model capture",
                        r.operatingModelCapture(), "index")))).toList();
        return new Section("capability", "Workforce capability", "Whether the workforce can do what its roles now ask "
                + "(skills, adoption and the return on upskilling, in the workforce index) beside the technology's own "
                + "index, and how confident the levels are.", figures,
                List.of(new Table("capability", "The three indices by workflow in pilot or production",
                        List.of("Workforce", "Technical", "Op. model"), rows)), null);
    }

    private static List<PackFigure> figures(OrganizationScorecard card, List<String> ids) {
        java.util.Set<String> present = card.figures().stream().map(Figure::id).collect(Collectors.toSet());
        return ids.stream().filter(present::contains).map(card::figure).map(f -> new PackFigure("org." + f.id(), MetricDefinitions.of(f.id()).name(),
                f.value(), f.unit(), f.currency(), f.period(), f.reason())).toList();
    }

    static PackFigure money(String key, String label, Double value, String currency, String period) {
        return new PackFigure(key, label, value, "money", currency, period, value == null ? "not known" : null);
    }

    static PackFigure value(String key, String label, Double value, String unit) {
        return new PackFigure(key, label, value, unit, null, null, value == null ? "not known" : null);
    }

    /** A binding constraint in words: technology, workforce, operating model. */
    private static String constraint(String name) {
        return name == null ? "—" : name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String realization(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * value);
    }
}
