package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the three CSV imports share: duplicate detection and the all-or-nothing refusal. */
final class CsvImports {

    private CsvImports() {
    }

    /** Records that {@code value} of {@code column} appears on this line, failing when it appeared before. */
    static void checkRepeat(CsvFields fields, String column, String value, Map<String, Integer> seen) {
        if (value == null) {
            return;
        }
        Integer first = seen.putIfAbsent(value.toLowerCase(java.util.Locale.ROOT), fields.line());
        if (first != null) {
            fields.fail(column, "'" + value + "' already appears on line " + first);
        }
    }

    /** Fails a line that repeats the record of an earlier line ({@code what} names the identifying fields). */
    static void checkRepeatedRecord(CsvFields fields, String key, Map<String, Integer> seen, String what) {
        Integer first = seen.putIfAbsent(key, fields.line());
        if (first != null) {
            fields.fail(null, "repeats line " + first + " (same " + what + ")");
        }
    }

    /** Turns one line into a record, or returns {@code null} after recording its problems in {@code fields}. */
    interface LineParser<T> {
        T parse(CsvFields fields, CsvRow row);
    }

    /**
     * The shared course of the assessment and learning imports: parse every line, refuse a line
     * that repeats the identity ({@code keyOf}, named by {@code what}) of an earlier one, refuse
     * the whole file if any line is wrong, else upsert every record.
     */
    static <T> ImportResult upsertLines(CsvDocument document, LocalDate today, LineParser<T> parser,
            Function<T, String> keyOf, String what, Function<T, Upserted<?>> upsert) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<T> valid = new ArrayList<>();
        for (CsvRow row : document.rows()) {
            int before = violations.size();
            CsvFields fields = new CsvFields(row, violations, today);
            T record = parser.parse(fields, row);
            if (violations.size() == before) {
                checkRepeatedRecord(fields, keyOf.apply(record), seen, what);
            }
            if (violations.size() == before) {
                valid.add(record);
            }
        }
        rejectIfAny(violations);
        return apply(valid, document, upsert);
    }

    /** Upserts every valid row and counts what changed. */
    static <T> ImportResult apply(List<T> rows, CsvDocument document, Function<T, Upserted<?>> upsert) {
        int created = 0;
        int updated = 0;
        for (T row : rows) {
            switch (upsert.apply(row).outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> { }
            }
        }
        return new ImportResult(rows.size(), created, updated, rows.size() - created - updated, List.of(),
                document.ignoredColumns());
    }

    /** Refuses the whole file, listing every invalid line in line order. */
    static void rejectIfAny(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> sorted = violations.stream()
                .sorted(Comparator.comparing((Violation v) -> v.line() == null ? 0 : v.line()))
                .toList();
        long lines = sorted.stream().map(Violation::line).distinct().count();
        throw new InvalidInputException("CSV_INVALID",
                lines + " line(s) of the file are invalid (" + sorted.size() + " problem(s)); nothing was imported.",
                sorted);
    }
}
