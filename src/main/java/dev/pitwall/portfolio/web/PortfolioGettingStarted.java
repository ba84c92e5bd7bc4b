package dev.pitwall.portfolio.web;

import dev.pitwall.platform.web.GettingStarted;
import dev.pitwall.portfolio.DecisionRight;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Getting started: an AI system, a workflow that uses it, and who decides on that workflow. */
@Component
class PortfolioGettingStarted implements GettingStarted {

    private final JdbcClient jdbc;

    PortfolioGettingStarted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Step> steps() {
        boolean systems = GettingStarted.exists(jdbc, "SELECT 1 FROM portfolio_ai_system");
        Optional<String> firstWorkflow = jdbc.sql("SELECT workflow_key FROM portfolio_workflow ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(String.class).optional();
        boolean rights = jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT workflow_id FROM portfolio_decision_right WHERE person_id IS NOT NULL
                                      GROUP BY workflow_id HAVING COUNT(*) = ?) held""")
                .param(DecisionRight.values().length).query(Long.class).single() > 0;
        return List.of(
                new Step(30, "Register an AI system", "The model, agent or assistant that takes part in the work.",
                        "/portfolio/systems", systems),
                new Step(40, "Register a workflow", "The work AI takes part in, its stage and its AI go-live.",
                        "/portfolio/workflows/new", firstWorkflow.isPresent()),
                new Step(50, "Assign a workflow's decision rights", "All nine rights held by named people: "
                        + "who is accountable, who decides on the output, who may stop it.",
                        firstWorkflow.map(key -> "/portfolio/workflows/" + key + "#rights").orElse("/portfolio/workflows/new"),
                        rights));
    }
}
