package dev.pitwall.measurement.internal;

import dev.pitwall.people.PersonState;
import java.time.LocalDate;
import java.util.Map;

/**
 * The as-of date D of a scoring run and what is read as of it. For a past D, the operating model
 * (workflows' stages and parts, KPIs, targets, people) is read from its history; for today, from
 * the current tables, which hold the same and are faster to read.
 *
 * @param day D
 * @param past whether D lies before today
 * @param people every person's state at D (only for a past D; empty otherwise)
 */
public record ScoringDay(LocalDate day, boolean past, Map<Long, PersonState> people) {

    public static ScoringDay today(LocalDate day) {
        return new ScoringDay(day, false, Map.of());
    }

    public static ScoringDay past(LocalDate day, Map<Long, PersonState> people) {
        return new ScoringDay(day, true, people);
    }

    /** Whether a person was active at D (for today, the caller asks the directory). */
    public boolean active(long personId) {
        PersonState state = people.get(personId);
        return state != null && state.active();
    }
}
