package dev.pitwall.measurement.web;

import dev.pitwall.measurement.ScorecardViews;
import dev.pitwall.measurement.MetricDefinitions;
import dev.pitwall.measurement.OrganizationScorecard;
import dev.pitwall.platform.web.HomeSection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The organization's balanced scorecard at the top of the home page: the realized business impact
 * gauge with the technical and workforce indices beside it, and the most constrained workflows.
 */
@Component
class ScorecardHomeSection implements HomeSection {

    private final ScorecardViews views;
    private final ScorecardCharts charts;

    private final dev.pitwall.measurement.OrganizationValueCapture valueCapture;

    ScorecardHomeSection(ScorecardViews views, ScorecardCharts charts,
            dev.pitwall.measurement.OrganizationValueCapture valueCapture) {
        this.valueCapture = valueCapture;
        this.views = views;
        this.charts = charts;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String fragment() {
        return "scorecards/home :: section";
    }

    @Override
    public Map<String, Object> model() {
        OrganizationScorecard card = views.organization(null);
        List<OrganizationScorecard.WorkflowRank> constrained = card.mostConstrained(5);
        var waterfall = views.valueCapture(null);
        return Map.of("card", card, "charts", charts.organization(card), "definitions", MetricDefinitions.all(),
                "constrained", constrained, "valueCapture", waterfall,
                "boardQuestion", valueCapture.boardQuestion(card, waterfall));
    }
}
