package dev.pitwall.measurement.gate;

import dev.pitwall.measurement.MeasurementContract;
import dev.pitwall.measurement.internal.Kpis;
import dev.pitwall.portfolio.FrictionContributor;
import dev.pitwall.portfolio.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The "missing baseline" part of friction: 1 when no business-outcome KPI has a baseline before go-live. */
@Component
class MissingBaselineFriction implements FrictionContributor {

    private final Kpis kpis;
    private final Clock clock;

    MissingBaselineFriction(Kpis kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "missing-baseline";
    }

    @Override
    public String label() {
        return "Missing baseline";
    }

    @Override
    public int frictionOf(Workflow workflow) {
        return MeasurementContract.hasBaseline(workflow, kpis.findByWorkflow(workflow.id()), LocalDate.now(clock)) ? 0 : 1;
    }
}
