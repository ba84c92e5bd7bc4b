package dev.pitwall.platform.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one rule by which every history Pitwall keeps (people, workflows' operating models, KPIs,
 * targets) is read "as of" a date D: a thing is in the state of its latest version recorded before
 * the end of D (UTC). Its history starts the day Pitwall first recorded it; for a D before that
 * day, it is in the state it had at the end of that first day, as nothing earlier is known. An
 * organization entered in one day (an import, the demo, a script against the API) therefore reads
 * the same at every earlier date, while later changes take effect from their own day.
 */
public final class AsOf {

    private AsOf() {
    }

    /**
     * The instant before which a version must have been recorded to count as of {@code day}, for a
     * thing whose first version was recorded at {@code firstRecorded}.
     */
    public static Instant cutoff(LocalDate day, Instant firstRecorded) {
        LocalDate first = LocalDate.ofInstant(firstRecorded, ZoneOffset.UTC);
        LocalDate effective = day.isBefore(first) ? first : day;
        return effective.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
