package dev.pitwall.portfolio.gate;

import dev.pitwall.portfolio.GateCheck;
import dev.pitwall.portfolio.PortfolioProperties;
import dev.pitwall.portfolio.WorkflowDetails.DataAssessment;
import dev.pitwall.portfolio.WorkflowDetails.DataSource;
import dev.pitwall.portfolio.WorkflowDetails.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gate check 3: every data source's latest assessment reaches the threshold in freshness, quality,
 * access and governance, and no more steps than allowed still assemble data by hand.
 */
@Component
public class DataReadinessCheck implements GateCheck {

    private final PortfolioProperties.Gate thresholds;

    public DataReadinessCheck(PortfolioProperties properties) {
        this.thresholds = properties.gate();
    }

    @Override
    public String id() {
        return "data-readiness";
    }

    @Override
    public String title() {
        return "Data readiness";
    }

    @Override
    public Fix fix(String workflowKey) {
        return new Fix("Assess the data sources", "/portfolio/workflows/" + workflowKey + "#data");
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public Result check(Subject subject) {
        List<String> reasons = new ArrayList<>();
        List<DataSource> sources = subject.details().dataSources();
        if (sources.isEmpty()) {
            reasons.add("No data sources are declared; name the data the workflow depends on and assess it.");
        }
        int minimum = thresholds.minDataReadiness();
        for (DataSource source : sources) {
            DataAssessment latest = source.latest();
            if (latest == null) {
                reasons.add(source.name() + " has never been assessed.");
            } else if (latest.weakest() < minimum) {
                reasons.add(source.name() + ": " + belowThreshold(latest, minimum) + " below " + minimum
                        + " (assessed " + latest.assessedOn() + ").");
            }
        }
        List<Step> manual = subject.details().steps().stream().filter(Step::manualDataAssembly).toList();
        if (manual.size() > thresholds.maxManualDataAssemblySteps()) {
            reasons.add(manual.size() + " steps still assemble data by hand (at most "
                    + thresholds.maxManualDataAssemblySteps() + " allowed): "
                    + manual.stream().map(Step::name).collect(Collectors.joining(", ")) + ".");
        }
        return reasons.isEmpty() ? new Passed("All " + sources.size() + " data source(s) reach readiness " + minimum
                + " in every dimension.") : new Failed(reasons);
    }

    private static String belowThreshold(DataAssessment a, int minimum) {
        List<String> low = new ArrayList<>();
        addIfBelow(low, "freshness", a.freshness(), minimum);
        addIfBelow(low, "quality", a.quality(), minimum);
        addIfBelow(low, "access", a.access(), minimum);
        addIfBelow(low, "governance", a.governance(), minimum);
        return String.join(", ", low) + (low.size() == 1 ? " is" : " are");
    }

    private static void addIfBelow(List<String> low, String dimension, int value, int minimum) {
        if (value < minimum) {
            low.add(dimension + " " + value);
        }
    }
}
