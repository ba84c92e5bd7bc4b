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
 *     (the counts of people are {@code null} when withheld from a viewer who may not identify
 *     people: fewer than the minimum group size, docs/privacy.md)
 */
public record SystemUsage(String systemKey, String systemName, long events, Long activePeople, long unattributedEvents,
        Long unattributedPeople, Long unknownPeople, BigDecimal cost) {

    /** The usage with its counts of people withheld when below {@code minGroupSize} (and not 0). */
    public SystemUsage withFewPeopleWithheld(int minGroupSize) {
        return new SystemUsage(systemKey, systemName, events, Privacy.shown(activePeople, minGroupSize),
                unattributedEvents, Privacy.shown(unattributedPeople, minGroupSize),
                Privacy.shown(unknownPeople, minGroupSize), cost);
    }

    /** Share of events tied to no workflow, 0–1. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public double unattributedShare() {
        return events == 0 ? 0 : (double) unattributedEvents / events;
    }
}
