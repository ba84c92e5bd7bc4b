package dev.pitwall.measurement;

import dev.pitwall.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scorecard compared with an earlier as-of date (docs/metrics.md, "Comparing over time"): the
 * earlier date, and the figures then by definition id.
 *
 * @param against the earlier as-of date
 * @param label how figure tiles name it
 * @param earlier the figures on that date, by id
 */
public record ScorecardComparison(LocalDate against, String label, Map<String, Figure> earlier) {

    /** The earlier value of a figure, or {@code null}. */
    public Figure before(String id) {
        return earlier.get(id);
    }

    /** The comparison for these figures computed on {@code against}. */
    public static ScorecardComparison of(LocalDate against, String label, List<Figure> figures) {
        Map<String, Figure> byId = new LinkedHashMap<>();
        figures.forEach(f -> byId.putIfAbsent(f.id(), f));
        return new ScorecardComparison(against, label, byId);
    }

    /**
     * The earlier date a {@code compare} parameter names: {@code previous-month} (one month before
     * the as-of date), {@code previous-quarter} (three months before) or a date before the as-of
     * date; {@code null} for none. Anything else is 400 naming {@code compare}.
     */
    public static LocalDate resolve(String compare, LocalDate asOf) {
        if (compare == null || compare.isBlank()) {
            return null;
        }
        String value = compare.trim();
        if (value.equals("previous-month")) {
            return asOf.minusMonths(1);
        }
        if (value.equals("previous-quarter")) {
            return asOf.minusMonths(3);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.ofField("compare", "previous-month, previous-quarter or a date like 2026-09-30");
        }
        if (!date.isBefore(asOf)) {
            throw InvalidInputException.ofField("compare", "a date before the as-of date " + asOf);
        }
        return date;
    }

    /** How figure tiles name the comparison: by its date, short enough for a tile (the select says which period). */
    public static String label(String compare, LocalDate against) {
        return against.toString();
    }
}
