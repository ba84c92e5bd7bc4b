package dev.pitwall.platform.csv;

import java.util.Map;

/**
 * One data line of a CSV document.
 *
 * @param line the physical line number where the record starts (the header is line 1)
 * @param values the values by normalized column name; blank values are absent
 */
public record CsvRow(int line, Map<String, String> values) {

    /** The trimmed value of a column, or {@code null} when the column is missing or blank. */
    public String get(String column) {
        return values.get(column);
    }

    /** The value of the first of the given columns that has one. */
    public String first(String... columns) {
        for (String column : columns) {
            String value = values.get(column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
