package dev.pitwall.insight;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.platform.organization.OrganizationService;
import dev.pitwall.portfolio.Friction;
import dev.pitwall.portfolio.FrictionService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first workflow to redesign: candidates (IDEA and PILOT) ranked by potential impact ×
 * friction × readiness, each factor shown (docs/insight.md, "The first workflow to redesign").
 */
@Service
@Transactional(readOnly = true)
public class RedesignService {

    public static final String METHOD = "score = potential × friction × readiness. Potential: the target impact (money "
            + "per KPI period). Friction: manual handoffs + manual data-assembly steps + unheld decision rights + a "
            + "missing baseline. Readiness (0–1): the mean of data readiness (the mean latest score of its data "
            + "sources / 4) and skill coverage, over those known. Candidates: workflows in IDEA or PILOT.";

    /**
     * One candidate.
     *
     * @param potential the target impact, money per KPI period ({@code null} when unknown)
     * @param friction its parts and total
     * @param dataReadiness 0–1, {@code null} without an assessed data source
     * @param skillCoverage 0–1, {@code null} without a required skill
     * @param readiness the mean of the two known ones
     * @param score potential × friction × readiness; {@code null} with {@code unranked} saying why
     */
    public record Candidate(String workflowKey, String workflowName, String stage, Double potential, String period,
            Friction friction, Double dataReadiness, Double skillCoverage, Double readiness, Double score,
            String unranked) {
    }

    /** The ranking: ranked candidates first, highest score first; then the unranked with their reason. */
    public record Ranking(LocalDate asOf, String currency, String method, List<Candidate> candidates) {
    }

    private final WorkflowService workflows;
    private final FrictionService friction;
    private final ScorecardService scorecards;
    private final OrganizationService organization;

    RedesignService(WorkflowService workflows, FrictionService friction, ScorecardService scorecards,
            OrganizationService organization) {
        this.workflows = workflows;
        this.friction = friction;
        this.scorecards = scorecards;
        this.organization = organization;
    }

    /** Today's candidates: friction and data readiness are today's, as the redesign would start now. */
    public Ranking rank() {
        List<Workflow> candidates = workflows.find(null, null).stream()
                .filter(w -> w.stage() == WorkflowStage.IDEA || w.stage() == WorkflowStage.PILOT).toList();
        List<Candidate> rows = new ArrayList<>();
        for (Workflow w : candidates) {
            WorkflowScorecard card = scorecards.workflow(w.key(), null);
            Figure target = card.figure("targetImpact");
            Figure coverage = card.figure("skillCoverage");
            Friction f = friction.friction(w.key());
            Double data = dataReadiness(workflows.details(w.key()));
            Double skills = coverage.present() ? coverage.v() : null;
            List<Double> known = java.util.stream.Stream.of(data, skills).filter(Objects::nonNull).toList();
            Double readiness = known.isEmpty() ? null : known.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            String unranked = !target.present() ? "no potential: " + target.reason()
                    : readiness == null ? "no readiness: no data source is assessed and no skill is required" : null;
            Double score = unranked == null ? target.v() * f.total() * readiness : null;
            rows.add(new Candidate(w.key(), w.name(), w.stage().name(), target.present() ? target.v() : null,
                    target.period(), f, data, skills, readiness, score, unranked));
        }
        rows.sort(Comparator.comparing((Candidate c) -> c.score() == null)
                .thenComparing(c -> c.score() == null ? 0 : -c.score()).thenComparing(Candidate::workflowName));
        return new Ranking(scorecards.asOf(null), organization.currency(), METHOD, rows);
    }

    private static Double dataReadiness(WorkflowDetails details) {
        List<Double> scores = details.dataSources().stream().filter(s -> s.latest() != null)
                .map(s -> s.latest().score().doubleValue() / 4).toList();
        return scores.isEmpty() ? null : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
