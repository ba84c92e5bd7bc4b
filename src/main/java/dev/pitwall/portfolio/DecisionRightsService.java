package dev.pitwall.portfolio;

import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import dev.pitwall.portfolio.internal.WorkflowParts;
import dev.pitwall.portfolio.internal.Workflows;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who decides: the completeness report of one workflow, and the workflows × rights matrix of the portfolio. */
@Service
public class DecisionRightsService {

    private final Workflows workflows;
    private final WorkflowParts parts;
    private final WorkflowReader reader;

    DecisionRightsService(Workflows workflows, WorkflowParts parts, WorkflowReader reader) {
        this.workflows = workflows;
        this.parts = parts;
        this.reader = reader;
    }

    /**
     * The completeness of one workflow's decision rights.
     *
     * @param workflowKey the workflow
     * @param rights all nine rights with their holders
     * @param gaps the rights held by nobody or by someone no longer active
     * @param complete whether there are no gaps
     */
    public record Report(String workflowKey, List<RightHolding> rights, List<RightHolding> gaps, boolean complete) {
    }

    /**
     * The portfolio's matrix: one row per workflow, one column per right.
     *
     * @param rights the columns, in order
     * @param rows the workflows
     * @param gaps the number of unheld rights across the portfolio
     */
    public record Matrix(List<DecisionRight> rights, List<Row> rows, long gaps) {
    }

    /** One workflow's row of the matrix. */
    public record Row(String workflowKey, String workflowName, WorkflowStage stage, String initiativeName,
            List<RightHolding> rights) {

        @com.fasterxml.jackson.annotation.JsonProperty("gaps")
        public long gaps() {
            return rights.stream().filter(RightHolding::isGap).count();
        }
    }

    @Transactional(readOnly = true)
    public Report report(String workflowKey) {
        List<RightHolding> rights = parts.rights(reader.workflow(workflowKey).id());
        List<RightHolding> gaps = rights.stream().filter(RightHolding::isGap).toList();
        return new Report(workflowKey, rights, gaps, gaps.isEmpty());
    }

    /** Every workflow that is not retired, by initiative and name. */
    @Transactional(readOnly = true)
    public Matrix matrix() {
        List<Workflow> all = workflows.find(null, null).stream().filter(w -> w.stage() != WorkflowStage.RETIRED)
                .sorted(java.util.Comparator.comparing((Workflow w) -> w.initiativeName() == null ? "" : w.initiativeName())
                        .thenComparing(Workflow::name))
                .toList();
        Map<Long, List<RightHolding>> rights = parts.rightsOf(all.stream().map(Workflow::id).toList());
        List<Row> rows = all.stream().map(w -> new Row(w.key(), w.name(), w.stage(), w.initiativeName(),
                rights.get(w.id()))).toList();
        return new Matrix(Arrays.asList(DecisionRight.values()), rows, rows.stream().mapToLong(Row::gaps).sum());
    }
}
