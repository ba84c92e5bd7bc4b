package dev.pitwall.portfolio.gate;

import static dev.pitwall.portfolio.PortfolioFixtures.TODAY;
import static dev.pitwall.portfolio.PortfolioFixtures.source;
import static dev.pitwall.portfolio.PortfolioFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.portfolio.GateCheck;
import dev.pitwall.portfolio.PortfolioFixtures;
import dev.pitwall.portfolio.PortfolioProperties;
import dev.pitwall.portfolio.WorkflowDetails.DataSource;
import dev.pitwall.portfolio.WorkflowDetails.Step;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataReadinessCheckTest {

    private final DataReadinessCheck check = new DataReadinessCheck(
            new PortfolioProperties(new PortfolioProperties.Gate(3, 1, 0.8, 180)));

    private GateCheck.Result check(List<DataSource> sources, List<Step> steps) {
        return check.check(new GateCheck.Subject(PortfolioFixtures.details(steps, PortfolioFixtures.allHeld(), sources,
                List.of()), Set.of(), TODAY));
    }

    @Test
    void passesWhenEverySourceReachesTheThresholdInEveryDimension() {
        assertThat(check(List.of(source("ERP", 3, 4, 3, 3)), List.of(step("Copy", false, true))))
                .isInstanceOfSatisfying(GateCheck.Passed.class, p -> assertThat(p.summary()).contains("1 data source"));
    }

    @Test
    void failsWithoutDeclaredSources() {
        assertThat(check(List.of(), List.of())).isInstanceOfSatisfying(GateCheck.Failed.class,
                f -> assertThat(f.reasons()).singleElement().asString().contains("No data sources are declared"));
    }

    @Test
    void namesTheDimensionsBelowTheThresholdAndUnassessedSources() {
        DataSource never = new DataSource(2, "Vendor portal", null, null, null);
        assertThat(check(List.of(source("Credit reports", 3, 2, 1, 3), never), List.of()))
                .isInstanceOfSatisfying(GateCheck.Failed.class, f -> assertThat(f.reasons()).containsExactly(
                        "Credit reports: quality 2, access 1 are below 3 (assessed 2026-11-22).",
                        "Vendor portal has never been assessed."));
    }

    @Test
    void failsWithMoreManualDataAssemblyStepsThanAllowed() {
        assertThat(check(List.of(source("ERP", 4, 4, 4, 4)),
                List.of(step("Export orders", false, true), step("Merge lists", true, true), step("Release", false, false))))
                .isInstanceOfSatisfying(GateCheck.Failed.class, f -> assertThat(f.reasons()).containsExactly(
                        "2 steps still assemble data by hand (at most 1 allowed): Export orders, Merge lists."));
    }
}
