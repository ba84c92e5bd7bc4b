package dev.pitwall.board;

import dev.pitwall.measurement.FigureText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a board pack says: its sections, each with figures, tables and at most one chart. It is
 * stored as canonical JSON, which its SHA-256 covers; the HTML page and the PDF are both written
 * from it, so they always say the same.
 *
 * @param format the version of this structure ({@link #FORMAT})
 * @param organization the organization's name when the pack was made
 * @param period the period's label, e.g. {@code 2026-10} or {@code 2026-Q3}
 * @param from the period's first day
 * @param asOf the period's last day: every figure is as of this date
 * @param currency the currency of every money figure
 * @param boardQuestion the board question answered in words from the figures
 * @param sections in reading order
 */
public record BoardPackContent(String format, String organization, String period, LocalDate from, LocalDate asOf,
        String currency, String boardQuestion, List<Section> sections) {

    public static final String FORMAT = "pitwall-board-pack/1";

    /**
     * One section.
     *
     * @param id stable: {@code impact}, {@code balance}, {@code waterfall}, {@code constrained},
     *     {@code adoption}, {@code capability}, {@code risk}, {@code changes}
     * @param lead a sentence or two for people, written from the figures
     * @param chart the chart of some of its figures, or {@code null}
     */
    public record Section(String id, String title, String lead, List<PackFigure> figures, List<Table> tables,
            Chart chart) {
    }

    /**
     * A figure, or a piece of text in a table.
     *
     * @param key stable across packs, e.g. {@code org.realizedImpact}, {@code workflow.invoice.realization}
     * @param value the value, {@code null} when unknown or for text
     * @param unit as a scorecard figure's ({@code money}, {@code ratio}, {@code index}...) or {@code text}
     * @param note the text itself for {@code text}; else why the value is unknown, or {@code null}
     */
    public record PackFigure(String key, String label, Double value, String unit, String currency, String period,
            String note) {

        public static PackFigure text(String key, String label, String text) {
            return new PackFigure(key, label, null, "text", null, null, text == null ? "—" : text);
        }

        /** The figure as people read it, the same on the page, in the PDF and in the API. */
        public String display() {
            if ("text".equals(unit)) {
                return note;
            }
            if (value == null) {
                return "—";
            }
            return "money".equals(unit) ? FigureText.money(value, currency, period) : FigureText.format(value, unit);
        }
    }

    /** A table: a label per row, then one cell per column. */
    public record Table(String id, String title, List<String> columns, List<Row> rows) {
    }

    public record Row(String label, List<PackFigure> cells) {
    }

    /**
     * A chart of figures of its section.
     *
     * @param kind {@code WATERFALL} (steps in order: totals and losses) or {@code PAIRS} (realized
     *     against target: keys in pairs)
     * @param keys the figures drawn, by key
     */
    public record Chart(String kind, String title, List<String> keys) {
    }

    /** Every figure of the pack, in reading order: a section's figures, then its tables' cells. */
    public List<PackFigure> allFigures() {
        List<PackFigure> all = new ArrayList<>();
        for (Section section : sections) {
            all.addAll(section.figures());
            section.tables().forEach(t -> t.rows().forEach(r -> all.addAll(r.cells())));
        }
        return all;
    }

    public Optional<PackFigure> figure(String key) {
        return allFigures().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
