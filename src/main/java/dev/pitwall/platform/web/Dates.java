package dev.pitwall.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The dates Pitwall accepts at its edges: from 1900 to 2999. Anything outside is a typo or an
 * attack ({@code -999999999-01-01} parses as a date, then fails in PostgreSQL or in the charts),
 * and no figure of an organization's AI work lies there.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private Dates() {
    }

    /** Why {@code date} is refused, or empty when it is acceptable (also when {@code null}). */
    public static Optional<String> problem(LocalDate date) {
        if (date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
            return Optional.empty();
        }
        return Optional.of("must lie between " + EARLIEST + " and " + LATEST + " (was " + date + ")");
    }

    /** Why {@code time} is refused, or empty when it is acceptable (also when {@code null}). */
    public static Optional<String> problem(Instant time) {
        return time == null ? Optional.empty() : problem(LocalDate.ofInstant(time, ZoneOffset.UTC) )
                .map(reason -> "must lie between " + EARLIEST + " and " + LATEST + " (was " + time + ")");
    }
}
