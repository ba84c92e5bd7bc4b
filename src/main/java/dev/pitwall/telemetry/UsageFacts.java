package dev.pitwall.telemetry;

import dev.pitwall.telemetry.internal.UsageFactQueries;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of usage that the metric engines read, in bulk and from the daily rollups only, for a
 * window of days [from, to].
 */
@Service
@Transactional(readOnly = true)
public class UsageFacts {

    private final UsageFactQueries queries;

    UsageFacts(UsageFactQueries queries) {
        this.queries = queries;
    }

    /** Active days per workflow and person: workflow id → person id → distinct days with an event. */
    public Map<Long, Map<Long, Integer>> activeDays(Collection<Long> workflowIds, LocalDate from, LocalDate to) {
        return queries.activeDays(workflowIds, from, to);
    }

    /**
     * Events per workflow (0 = none) and AI system in the window, with errors and outcomes.
     *
     * @param workflowId the workflow, {@code 0} for use tied to none
     * @param systemId the AI system
     */
    public record Slice(long workflowId, long systemId, long events, long errors, long accepted, long edited,
            long overridden, long rejected) {
    }

    public List<Slice> slices(LocalDate from, LocalDate to) {
        return queries.slices(from, to, null, null);
    }

    /**
     * The slices of these AI systems (in all their workflows) and of these workflows (on any
     * system): what a few workflows' scorecards need.
     */
    public List<Slice> slices(LocalDate from, LocalDate to, Collection<Long> systemIds, Collection<Long> workflowIds) {
        return queries.slices(from, to, systemIds, workflowIds);
    }

    /**
     * One user's events in the window and how many were attributed to one of the given workflows.
     *
     * @param personId the directory id, or {@code null} for an unknown user
     * @param personRef the unknown user's reference, or {@code null}
     * @param events all events
     * @param eventsInWorkflows events attributed to one of the given workflows
     */
    public record PersonActivity(Long personId, String personRef, long events, long eventsInWorkflows) {
    }

    public List<PersonActivity> personActivity(LocalDate from, LocalDate to, Set<Long> workflowIds) {
        return queries.personActivity(from, to, workflowIds);
    }

    /**
     * What each person of the directory did in each workflow in [from, to]: active days, events,
     * errors and the outcomes of the AI output they worked with (what explains outcomes per person).
     *
     * @param workflowId the workflow, 0 for use tied to none
     */
    public record PersonWorkflowUse(long personId, long workflowId, int activeDays, long events, long errors,
            long accepted, long edited, long overridden, long rejected) {

        /** Outcomes decided: accepted, edited, overridden or rejected. */
        public long decided() {
            return accepted + edited + overridden + rejected;
        }
    }

    public List<PersonWorkflowUse> personWorkflowUse(LocalDate from, LocalDate to) {
        return queries.personWorkflowUse(from, to);
    }

    /**
     * Events of people of the directory by AI system and workflow in [from, to].
     *
     * @param workflowId the workflow the events are attributed to, 0 for none
     */
    public record PersonSystemActivity(long personId, long systemId, long workflowId, long events) {
    }

    public List<PersonSystemActivity> personSystemActivity(LocalDate from, LocalDate to) {
        return queries.personSystemActivity(from, to);
    }

    /**
     * The latest evaluation score of each AI system up to {@code asOf}: the mean of the scores in
     * 0..1 reported on the latest day that has any, as an evaluation run reports many scores at once.
     * Keyed system id → workflow id → score, where workflow 0 holds the system's score over all its
     * evaluations and a workflow's entry only its own (an agent platform evaluates each agent).
     */
    public Map<Long, Map<Long, Double>> latestEvaluationScores(Collection<Long> systemIds, LocalDate asOf) {
        return queries.latestEvaluationScores(systemIds, asOf);
    }

    /** A token that changes whenever the usage rollups or the evaluation scores change. */
    public String version() {
        return queries.version();
    }

    /** The same, with the day it was reported, for drill-downs. */
    public record ScoreDay(long systemId, LocalDate day, double meanScore, long evaluations) {
    }

    public List<ScoreDay> evaluationTrend(long systemId, LocalDate from, LocalDate to) {
        return queries.evaluationTrend(systemId, from, to);
    }
}
