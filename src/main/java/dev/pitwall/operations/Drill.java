package dev.pitwall.operations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fallback drill: on a day, how long the switch to the fallback took, the throughput in fallback
 * against normal (0.6 = 60 %), whether it passed, and notes.
 */
public record Drill(long id, String workflowKey, LocalDate drilledOn, int switchMinutes, BigDecimal throughputRatio,
        boolean passed, String notes, String recordedBy, Instant recordedAt) {
}
