package dev.pitwall.measurement.web;

import dev.pitwall.measurement.ScorecardViews;
import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.measurement.MetricDefinitions;
import dev.pitwall.measurement.OrganizationScorecard;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.telemetry.DailyUsage;
import dev.pitwall.telemetry.UsageRollupService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The data of the scorecard charts, as JSON the pages carry in {@code data-chart} attributes. */
@Component
class ScorecardCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int TREND_WEEKS = 12;

    private final ScorecardViews views;
    private final UsageRollupService rollups;
    private final KpiService kpis;
    private final MeasurementService measurements;

    ScorecardCharts(ScorecardViews views, UsageRollupService rollups, KpiService kpis,
            MeasurementService measurements) {
        this.views = views;
        this.rollups = rollups;
        this.kpis = kpis;
        this.measurements = measurements;
    }

    Map<String, String> organization(OrganizationScorecard card) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<Map<String, Object>> gauges = new ArrayList<>();
        for (String id : List.of("realization", "technicalIndex", "workforceIndex", "adoptionDepth")) {
            if (card.figures().stream().anyMatch(f -> f.id().equals(id))) {
                gauges.add(gauge(card.figures(), id, id.equals("realization") || id.equals("adoptionDepth") ? 100 : 1));
            }
        }
        charts.put("gauges", json(gauges));
        Map<String, Object> spend = new LinkedHashMap<>();
        spend.put("infrastructure", value(card.figures(), "infrastructureSpend"));
        spend.put("workforce", value(card.figures(), "workforceSpend"));
        spend.put("tiers", card.tiers());
        charts.put("spend", json(spend));
        return charts;
    }

    Map<String, String> workflow(WorkflowScorecard card) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Figure step : card.waterfall()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", step.id());
            s.put("name", MetricDefinitions.of(step.id()).name());
            s.put("value", step.value());
            s.put("reason", step.reason());
            steps.add(s);
        }
        charts.put("waterfall", json(steps));
        // Withheld levels (too few people for the viewer) are left out of the chart, not drawn as 0.
        charts.put("levels", json(card.levelDistribution().stream().filter(l -> !l.withheld()).toList()));
        charts.put("adoptionTrend", json(adoptionTrend(card)));
        charts.put("outcomeTrend", json(outcomeTrend(card)));
        charts.put("kpis", json(kpiSeries(card)));
        charts.put("roles", json(card.roles()));
        return charts;
    }

    /** Adoption depth and reach at the end of each of the last weeks, each over its own window. */
    private List<Map<String, Object>> adoptionTrend(WorkflowScorecard card) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (int week = TREND_WEEKS - 1; week >= 0; week--) {
            LocalDate day = card.asOf().minusWeeks(week);
            WorkflowScorecard at = week == 0 ? card : views.workflow(card.workflowKey(), day);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("day", day.toString());
            point.put("adoptionDepth", at.figure("adoptionDepth").value());
            point.put("reach", at.figure("reach").value());
            points.add(point);
        }
        return points;
    }

    /** Acceptance and override rates per week (ending on the as-of date's weekday). */
    private List<Map<String, Object>> outcomeTrend(WorkflowScorecard card) {
        LocalDate from = card.asOf().minusWeeks(TREND_WEEKS).plusDays(1);
        List<DailyUsage> days = rollups.daily(from, card.asOf(), null, card.workflowKey());
        List<Map<String, Object>> points = new ArrayList<>();
        for (int week = 0; week < TREND_WEEKS; week++) {
            LocalDate start = from.plusWeeks(week);
            LocalDate end = start.plusDays(6);
            long accepted = 0;
            long judged = 0;
            long overridden = 0;
            for (DailyUsage d : days) {
                if (!d.day().isBefore(start) && !d.day().isAfter(end)) {
                    accepted += d.accepted();
                    overridden += d.overridden() + d.rejected();
                    judged += d.accepted() + d.edited() + d.overridden() + d.rejected();
                }
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("day", end.toString());
            point.put("acceptanceRate", judged == 0 ? null : (double) accepted / judged);
            point.put("overrideRate", judged == 0 ? null : (double) overridden / judged);
            point.put("events", judged);
            points.add(point);
        }
        return points;
    }

    private List<Map<String, Object>> kpiSeries(WorkflowScorecard card) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Kpi kpi : kpis.ofWorkflow(card.workflowKey())) {
            List<Measurement> values = measurements.find(kpi.id(), null, card.asOf());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", kpi.id());
            s.put("name", kpi.name());
            s.put("unit", kpi.unit());
            s.put("level", kpi.level().name());
            s.put("baseline", kpi.baselineValue());
            s.put("target", kpi.target());
            s.put("points", values.stream().map(m -> List.of(m.periodEnd().toString(), m.value())).toList());
            series.add(s);
        }
        return series;
    }

    private static Map<String, Object> gauge(List<Figure> figures, String id, double scale) {
        Figure f = figures.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Map<String, Object> gauge = new LinkedHashMap<>();
        gauge.put("id", id);
        gauge.put("name", MetricDefinitions.of(id).name());
        gauge.put("value", f.value() == null ? null : f.value() * scale);
        gauge.put("reason", f.reason());
        return gauge;
    }

    private static Double value(List<Figure> figures, String id) {
        return figures.stream().filter(x -> x.id().equals(id)).findFirst().map(Figure::value).orElse(null);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
