package dev.pitwall.measurement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A part of a workflow's scorecard that another capability contributes from its own records, e.g.
 * human review's volume, latency, deadline breaches and override reasons. Parts are computed on
 * every read (they are not cached with the scorecard: their records change without an audited
 * change or a new usage event), over the scorecard's window.
 */
public interface ScorecardPart {

    /**
     * The part for one workflow over the window [{@code from}, {@code asOf}], or empty when the
     * capability has nothing to say about it (e.g. no item was ever reviewed).
     */
    Optional<Part> of(String workflowKey, LocalDate from, LocalDate asOf);

    /**
     * A titled part of the scorecard.
     *
     * @param id e.g. {@code review}
     * @param title the heading on the page
     * @param figures its figures (ids and units as for every figure; defined in the docs named by {@code docs})
     * @param breakdownTitle the heading of the breakdown, e.g. "Why outputs were not accepted"
     * @param breakdown counts by label, largest first
     * @param docs the documentation page that defines its figures
     */
    record Part(String id, String title, List<Figure> figures, String breakdownTitle, List<Count> breakdown, String docs) {
    }

    /** A count under a label. */
    record Count(String label, long count) {
    }
}
