package dev.pitwall.insight;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A pulse survey.
 *
 * @param id its id
 * @param title what the invitees see
 * @param template the questions it asks
 * @param population who it was sent to
 * @param openedOn the day it was sent
 * @param closesOn the last day answers are taken
 * @param closedOn the day it was closed early, or {@code null}
 * @param invited people invited
 * @param answered answers received
 * @param createdBy who sent it
 * @param createdAt when
 */
public record Pulse(long id, String title, PulseTemplate template, PulsePopulation population, LocalDate openedOn,
        LocalDate closesOn, LocalDate closedOn, int invited, int answered, String createdBy, Instant createdAt) {

    /** The day it stopped taking answers (its closing day, or the day it was closed early). */
    public LocalDate endsOn() {
        return closedOn != null && closedOn.isBefore(closesOn) ? closedOn : closesOn;
    }

    /** Whether it takes answers on this day: not closed early, and the day within its dates. */
    public boolean openOn(LocalDate day) {
        return closedOn == null && !day.isBefore(openedOn) && !day.isAfter(closesOn);
    }

    /**
     * Whether its results may be shown on this day: only once it takes no more answers, so that
     * two readings a day apart never differ by one person's answer.
     */
    public boolean resultsShownOn(LocalDate day) {
        return !openOn(day);
    }

    public double responseRate() {
        return invited == 0 ? 0 : (double) answered / invited;
    }
}
