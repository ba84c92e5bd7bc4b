package dev.pitwall.telemetry;

import java.time.LocalDate;

/**
 * What re-applying the attribution rules to stored events did.
 *
 * @param from first day re-attributed
 * @param to last day re-attributed
 * @param examined events that did not name their workflow (only those follow the rules)
 * @param changed events whose workflow changed
 */
public record Reattribution(LocalDate from, LocalDate to, long examined, long changed) {
}
