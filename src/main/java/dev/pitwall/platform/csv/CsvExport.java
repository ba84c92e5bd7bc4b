package dev.pitwall.platform.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV files for download so that no stored text runs as a spreadsheet formula (OWASP "CSV
 * injection"): a text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading apostrophe, which spreadsheets show as text. Numbers (also
 * negative ones, numbers are never formulas) are written as they are.
 */
public final class CsvExport implements AutoCloseable {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final StringWriter out = new StringWriter();
    private final CSVPrinter printer;

    private CsvExport() {
        try {
            printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new file. */
    public static CsvExport create() {
        return new CsvExport();
    }

    /** Writes one line; {@code null} cells are empty. */
    public CsvExport row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** Writes one line; {@code null} cells are empty. */
    public CsvExport row(Iterable<?> cells) {
        try {
            java.util.List<Object> safe = new java.util.ArrayList<>();
            cells.forEach(cell -> safe.add(safe(cell)));
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The file written so far. */
    public String text() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as it may be written: text that a spreadsheet would run as a formula is prefixed. */
    static Object safe(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number) {
            return cell;
        }
        String text = cell.toString();
        if (text.isEmpty() || NUMBER.matcher(text).matches()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
