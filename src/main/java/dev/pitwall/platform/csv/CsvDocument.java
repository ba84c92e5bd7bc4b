package dev.pitwall.platform.csv;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file read by its header with Apache Commons CSV. Column names are matched without regard
 * to case, spaces or dashes ({@code "Manager Email"} is {@code manager_email}); columns may come
 * in any order; a leading byte-order mark is ignored and a semicolon is accepted as the
 * delimiter when the header uses it (as spreadsheets in many locales write CSV).
 */
public final class CsvDocument {

    /** Pseudo-column set on rows with more values than the header has columns. */
    public static final String EXTRA_VALUES = "#extra";

    private final List<String> columns;
    private final List<String> ignoredColumns;
    private final List<CsvRow> rows;

    private CsvDocument(List<String> columns, List<String> ignoredColumns, List<CsvRow> rows) {
        this.columns = columns;
        this.ignoredColumns = ignoredColumns;
        this.rows = rows;
    }

    /**
     * Parses {@code text}, requiring one of each group of {@code required} column alternatives
     * and keeping only the columns named in {@code known} (others are listed as ignored), or every
     * column when {@code known} is {@code null} (for reports whose columns grow over time).
     *
     * @throws InvalidInputException naming line 1 when the header lacks a required column, and
     *     naming the line when the file is not well-formed CSV
     */
    public static CsvDocument parse(String text, Collection<List<String>> required, Set<String> known) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.isBlank()) {
            throw new InvalidInputException("CSV_INVALID", "The file is empty.",
                    List.of(Violation.ofLine(1, null, "the file has no header line")));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiterOf(content))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<String> header = parser.getHeaderNames().stream().map(CsvDocument::normalize).toList();
            checkHeader(header, required);
            List<String> ignored = known == null ? List.of() : header.stream().filter(c -> !known.contains(c)).toList();
            return new CsvDocument(header, ignored, readRows(parser, new LineIndex(content), header, known));
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            throw malformed(1, e);
        }
    }

    private static List<CsvRow> readRows(CSVParser parser, LineIndex lines, List<String> header, Set<String> known) {
        List<CsvRow> rows = new ArrayList<>();
        List<Violation> badText = new ArrayList<>();
        long previousLine = parser.getCurrentLineNumber();
        var iterator = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                record = iterator.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw malformed((int) previousLine + 1, e);
            }
            int line = lines.lineAt(record.getCharacterPosition());
            previousLine = parser.getCurrentLineNumber();
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                String value = record.get(i);
                if ((known == null || known.contains(header.get(i))) && value != null && !value.isBlank()) {
                    values.put(header.get(i), value.trim());
                    int at = line;
                    String column = header.get(i);
                    dev.pitwall.platform.web.TextPolicy.problem(value)
                            .ifPresent(reason -> badText.add(Violation.ofLine(at, column, reason)));
                }
            }
            if (record.size() > header.size()) {
                values.put(EXTRA_VALUES, String.valueOf(record.size() - header.size()));
            }
            rows.add(new CsvRow(line, values));
        }
        if (!badText.isEmpty()) {
            throw new InvalidInputException("CSV_INVALID", badText.size() + " value(s) hold text that is not accepted; "
                    + "nothing was imported.", badText);
        }
        return rows;
    }

    private static void checkHeader(List<String> header, Collection<List<String>> required) {
        List<Violation> missing = new ArrayList<>();
        for (List<String> alternatives : required) {
            if (alternatives.stream().noneMatch(header::contains)) {
                missing.add(Violation.ofLine(1, String.join("|", alternatives),
                        "required column is missing"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("CSV_INVALID", "The header lacks required columns; nothing was imported.",
                    missing);
        }
    }

    private static InvalidInputException malformed(int line, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new InvalidInputException("CSV_INVALID", "The file is not well-formed CSV; nothing was imported.",
                List.of(Violation.ofLine(line, null, "malformed CSV: " + reason)));
    }

    private static char delimiterOf(String content) {
        int end = content.indexOf('\n');
        String header = end < 0 ? content : content.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** Maps character offsets to 1-based line numbers, so records are named by the line they start on. */
    private static final class LineIndex {
        private final int[] lineStarts;
        private final String content;

        LineIndex(String content) {
            this.content = content;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < content.length(); i++) {
                if (content.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of the first character at or after {@code offset} that is not a line break. */
        int lineAt(long offset) {
            int position = (int) offset;
            while (position < content.length() && (content.charAt(position) == '\n' || content.charAt(position) == '\r')) {
                position++;
            }
            int index = java.util.Arrays.binarySearch(lineStarts, position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }

    /** {@code " Manager-Email "} becomes {@code manager_email}. */
    public static String normalize(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    public List<String> columns() {
        return columns;
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    public List<CsvRow> rows() {
        return rows;
    }

    public Set<String> columnSet() {
        return Set.copyOf(columns);
    }
}
