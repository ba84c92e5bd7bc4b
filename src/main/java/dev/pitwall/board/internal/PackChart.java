package dev.pitwall.board.internal;

import dev.pitwall.board.BoardPackContent;
import dev.pitwall.board.BoardPackContent.PackFigure;
import dev.pitwall.measurement.FigureText;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart of a pack, laid out once, drawn twice: as SVG on the page and as vector shapes in the
 * PDF. Coordinates have their origin top left, in points.
 *
 * @param bars the bars; {@code tone} is {@code total}, {@code loss}, {@code gain}, {@code realized} or {@code target}
 * @param labels the texts; {@code anchor} is {@code start}, {@code middle} or {@code end}
 */
public record PackChart(String title, double width, double height, List<Bar> bars, List<Label> labels) {

    public record Bar(double x, double y, double w, double h, String tone) {
    }

    public record Label(double x, double y, String text, String anchor) {
    }

    static final double WIDTH = 500;

    /** The chart's layout, or {@code null} when its figures have no values to draw. */
    public static PackChart of(BoardPackContent.Chart chart, BoardPackContent content) {
        if (chart == null) {
            return null;
        }
        List<PackFigure> figures = chart.keys().stream().map(k -> content.figure(k).orElse(null))
                .filter(f -> f != null && f.value() != null).toList();
        if (figures.size() != chart.keys().size() || figures.isEmpty()) {
            return null;
        }
        return "WATERFALL".equals(chart.kind()) ? waterfall(chart.title(), figures) : pairs(chart.title(), figures, content);
    }

    private static PackChart waterfall(String title, List<PackFigure> steps) {
        double top = 20;
        double plot = 150;
        double max = 0;
        double level = 0;
        double[][] spans = new double[steps.size()][];
        for (int i = 0; i < steps.size(); i++) {
            PackFigure f = steps.get(i);
            boolean total = isTotal(f.key());
            double v = f.value();
            double from = total ? 0 : level - v;
            double to = total ? v : level;
            level = total ? v : level - v;
            spans[i] = new double[] {Math.min(from, to), Math.max(from, to)};
            max = Math.max(max, Math.max(from, to));
        }
        double scale = max <= 0 ? 0 : plot / max;
        double slot = WIDTH / steps.size();
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PackFigure f = steps.get(i);
            double x = i * slot + slot * 0.15;
            double y = top + plot - spans[i][1] * scale;
            double h = Math.max(1, (spans[i][1] - spans[i][0]) * scale);
            String tone = isTotal(f.key()) ? "total" : f.value() >= 0 ? "loss" : "gain";
            bars.add(new Bar(x, y, slot * 0.7, h, tone));
            labels.add(new Label(x + slot * 0.35, y - 4, FigureText.format(f.value(), "money"), "middle"));
            labels.add(new Label(x + slot * 0.35, top + plot + 14, f.label(), "middle"));
        }
        return new PackChart(title, WIDTH, top + plot + 24, bars, labels);
    }

    private static boolean isTotal(String key) {
        return key.endsWith(".potential") || key.endsWith(".expected") || key.endsWith(".realized");
    }

    /** Realized against target, a row per workflow: keys come in pairs (realized, target). */
    private static PackChart pairs(String title, List<PackFigure> figures, BoardPackContent content) {
        double labelWidth = 170;
        double plot = WIDTH - labelWidth - 120;
        double row = 26;
        double max = figures.stream().mapToDouble(f -> Math.max(0, f.value())).max().orElse(0);
        double scale = max <= 0 ? 0 : plot / max;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i + 1 < figures.size(); i += 2) {
            PackFigure realized = figures.get(i);
            PackFigure target = figures.get(i + 1);
            double y = 6 + (i / 2) * row;
            labels.add(new Label(labelWidth - 6, y + 14, shorten(rowLabel(content, realized.key()), 30), "end"));
            bars.add(new Bar(labelWidth, y + 2, Math.max(0, target.value()) * scale, 9, "target"));
            bars.add(new Bar(labelWidth, y + 11, Math.max(0, realized.value()) * scale, 9, "realized"));
            labels.add(new Label(labelWidth + Math.max(0, Math.max(target.value(), realized.value())) * scale + 4, y + 14,
                    FigureText.format(realized.value(), "money") + " / " + FigureText.format(target.value(), "money"),
                    "start"));
        }
        return new PackChart(title, WIDTH, 6 + figures.size() / 2 * row + 6, bars, labels);
    }

    private static String rowLabel(BoardPackContent content, String key) {
        return content.sections().stream().flatMap(s -> s.tables().stream()).flatMap(t -> t.rows().stream())
                .filter(r -> r.cells().stream().anyMatch(c -> c.key().equals(key))).map(BoardPackContent.Row::label)
                .findFirst().orElse(key);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
