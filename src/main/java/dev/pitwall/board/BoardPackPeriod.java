package dev.pitwall.board;

import dev.pitwall.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a board pack covers: a calendar month ({@code 2026-10}) or quarter ({@code 2026-Q3}).
 * Its figures are as of its last day; counts of events (incidents) are over the whole period.
 */
public record BoardPackPeriod(Cadence cadence, String label, LocalDate from, LocalDate to) {

    /** How often packs are made. */
    public enum Cadence { MONTHLY, QUARTERLY }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** The period named by {@code label} ({@code 2026-10} or {@code 2026-Q3}); 400 naming {@code period}. */
    public static BoardPackPeriod parse(String label) {
        String text = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            int year = Integer.parseInt(quarter.group(1));
            int q = Integer.parseInt(quarter.group(2));
            LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
            return new BoardPackPeriod(Cadence.QUARTERLY, text, from, from.plusMonths(3).minusDays(1));
        }
        try {
            YearMonth month = YearMonth.parse(text);
            return new BoardPackPeriod(Cadence.MONTHLY, month.toString(), month.atDay(1), month.atEndOfMonth());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.ofField("period", "is a month (2026-10) or a quarter (2026-Q3)");
        }
    }

    /** The period of this cadence that contains {@code day}. */
    public static BoardPackPeriod containing(Cadence cadence, LocalDate day) {
        return cadence == Cadence.MONTHLY ? parse(YearMonth.from(day).toString())
                : parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
    }

    /** The latest period of this cadence that has ended by {@code today} (its last day is today or before). */
    public static BoardPackPeriod latestEnded(Cadence cadence, LocalDate today) {
        BoardPackPeriod current = containing(cadence, today);
        return current.to().isAfter(today) ? containing(cadence, current.from().minusDays(1)) : current;
    }

    /** The periods that have ended by {@code today}, newest first: {@code count} of each cadence. */
    public static List<BoardPackPeriod> recent(LocalDate today, int count) {
        List<BoardPackPeriod> periods = new ArrayList<>();
        for (Cadence cadence : Cadence.values()) {
            BoardPackPeriod p = latestEnded(cadence, today);
            for (int i = 0; i < count; i++) {
                periods.add(p);
                p = containing(cadence, p.from().minusDays(1));
            }
        }
        return periods;
    }

    /** Refuses a period that has not ended: a pack covers a whole period. */
    public BoardPackPeriod requireEnded(LocalDate today) {
        if (to.isAfter(today)) {
            throw InvalidInputException.ofField("period", "'" + label + "' has not ended (it ends " + to
                    + "); the latest that has is " + latestEnded(cadence, today).label());
        }
        return this;
    }
}
