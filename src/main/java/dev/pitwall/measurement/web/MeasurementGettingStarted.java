package dev.pitwall.measurement.web;

import dev.pitwall.platform.web.GettingStarted;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Getting started: a KPI with its baseline, so the workflow's value can be measured. */
@Component
class MeasurementGettingStarted implements GettingStarted {

    private final JdbcClient jdbc;
    private final WorkflowService workflows;

    MeasurementGettingStarted(JdbcClient jdbc, WorkflowService workflows) {
        this.jdbc = jdbc;
        this.workflows = workflows;
    }

    @Override
    public List<Step> steps() {
        boolean kpis = GettingStarted.exists(jdbc, "SELECT 1 FROM measurement_kpi WHERE deleted_at IS NULL");
        String path = kpis ? "/scorecards" : workflows.find(null, null).stream().map(Workflow::key).findFirst()
                .map(key -> "/scorecards/workflows/" + key + "/kpis/new").orElse("/portfolio/workflows/new");
        return List.of(new Step(60, "Define a KPI with its baseline", "The business outcome the workflow should move, "
                + "its value before AI, the target and what a unit is worth.", path, kpis));
    }
}
