package dev.pitwall.measurement.gate;

import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.MeasurementContract;
import dev.pitwall.measurement.internal.Kpis;
import dev.pitwall.portfolio.GateCheck;
import java.util.List;
import org.springframework.stereotype.Component;

/** Gate check 2: a complete measurement contract (see {@link MeasurementContract}). */
@Component
class MeasurementContractCheck implements GateCheck {

    private final Kpis kpis;

    MeasurementContractCheck(Kpis kpis) {
        this.kpis = kpis;
    }

    @Override
    public String id() {
        return "measurement-contract";
    }

    @Override
    public String title() {
        return "Measurement contract";
    }

    @Override
    public Fix fix(String workflowKey) {
        return new Fix("Edit the measurement contract", "/scorecards/workflows/" + workflowKey + "#kpis");
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public Result check(Subject subject) {
        List<Kpi> all = kpis.findByWorkflow(subject.details().workflow().id());
        List<String> gaps = MeasurementContract.gaps(subject.details().workflow(), all, subject.asOf());
        if (!gaps.isEmpty()) {
            return new Failed(gaps);
        }
        long outcomes = all.stream().filter(Kpi::isBusinessOutcome).count();
        return new Passed(outcomes + " business-outcome KPI(s) with a baseline before AI go-live, a target and a "
                + "value per unit.");
    }
}
