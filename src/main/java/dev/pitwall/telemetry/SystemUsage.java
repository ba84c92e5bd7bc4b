package dev.pitwall.telemetry;

import java.math.BigDecimal;

/**
 * Usage of one AI system over a range of days, from the daily rollups.
 *
 * @param systemKey the AI system, or {@code null} for events no AI system matched
 * @param systemName its name
 * @param events usage events
 * @param activePeople distinct people (known or unattributed) with at least one event
 * @param unattributedEvents events tied to no workflow
 * @param unattributedPeople distinct people with at least one event tied to no workflow
 * @param unknownPeople distinct references not in the directory (e.g. anonymized report rows)
 * @param cost summed cost
 */
public record SystemUsage(String systemKey, String systemName, long events, long activePeople, long unattributedEvents,
        long unattributedPeople, long unknownPeople, BigDecimal cost) {

    /** Share of events tied to no workflow, 0–1. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public double unattributedShare() {
        return events == 0 ? 0 : (double) unattributedEvents / events;
    }
}
