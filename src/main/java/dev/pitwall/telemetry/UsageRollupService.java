package dev.pitwall.telemetry;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.internal.RollupQueries;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage as the metrics read it: from the daily rollups (person × AI system × workflow × day), which
 * {@link RollupService} keeps current as batches commit.
 */
@Service
@Transactional(readOnly = true)
public class UsageRollupService {

    /** The key that stands for "tied to no workflow" in filters. */
    public static final String NO_WORKFLOW = "none";
    private static final long MAX_DAYS = 731;

    private final RollupQueries queries;
    private final AiSystemService systems;
    private final WorkflowService workflows;

    UsageRollupService(RollupQueries queries, AiSystemService systems, WorkflowService workflows) {
        this.queries = queries;
        this.systems = systems;
        this.workflows = workflows;
    }

    public List<SystemUsage> bySystem(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return queries.bySystem(from, to);
    }

    /**
     * Usage per day.
     *
     * @param systemKey only this AI system, or {@code null}
     * @param workflowKey only this workflow, {@link #NO_WORKFLOW} for unattributed use, or {@code null}
     */
    public List<DailyUsage> daily(LocalDate from, LocalDate to, String systemKey, String workflowKey) {
        checkRange(from, to);
        Long systemId = systemKey == null ? null : systems.get(systemKey).id();
        Long workflowId = workflowKey == null ? null
                : NO_WORKFLOW.equals(workflowKey) ? Long.valueOf(0) : workflows.get(workflowKey).id();
        return queries.daily(from, to, systemId, workflowId);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw InvalidInputException.ofField(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.ofField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInputException.ofField("to", "a range covers at most " + MAX_DAYS + " days");
        }
    }
}
