package dev.pitwall.governance;

import java.time.LocalDate;
import java.util.List;

/** The portfolio heatmap: workflows × controls with each cell's status. */
public record ControlMatrix(LocalDate asOf, List<Column> controls, List<Row> workflows) {

    public record Column(String key, String name) {
    }

    /**
     * @param tier null when the workflow is not classified yet
     * @param cells one per column, in column order
     */
    public record Row(String key, String name, String stage, RiskTier tier, EuCategory euCategory, List<Cell> cells) {
    }

    /**
     * @param status null when the control is neither required nor recorded
     * @param satisfied in place with unexpired evidence
     * @param gap why it does not count, when required
     * @param expiresOn when its evidence stops counting, if set
     */
    public record Cell(boolean required, ControlStatus status, boolean satisfied, String gap,
            java.time.LocalDate expiresOn) {
    }
}
