package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.FigureText;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The sparkline of each figure tile: the figure at the end of each of the five months before the
 * as-of date's month, then on the as-of date, each computed as the scorecard of that date computes
 * it (month ends are reused from the scorecard cache all month).
 */
final class FigureTrends {

    static final int POINTS = 6;

    /**
     * One figure's trend, drawn as a polyline in a 100 × 24 box.
     *
     * @param points the polyline's points ({@code x,y x,y …}), only the dates with a value
     * @param label the first and last value with their dates, for screen readers and hover
     */
    record Trend(List<LocalDate> dates, List<Double> values, String points, String label) {
    }

    private FigureTrends() {
    }

    /** The dates of the points: five earlier month ends, then the as-of date. */
    static List<LocalDate> dates(LocalDate asOf) {
        List<LocalDate> dates = new ArrayList<>();
        for (int k = POINTS - 1; k >= 1; k--) {
            dates.add(YearMonth.from(asOf).minusMonths(k).atEndOfMonth());
        }
        dates.add(asOf);
        return dates;
    }

    /** Each figure's trend by its id; figures with fewer than two values have none. */
    static Map<String, Trend> of(LocalDate asOf, Function<LocalDate, List<Figure>> figuresOn) {
        List<LocalDate> dates = dates(asOf);
        List<Map<String, Figure>> byDate = new ArrayList<>();
        for (LocalDate day : dates) {
            Map<String, Figure> figures = new HashMap<>();
            figuresOn.apply(day).forEach(f -> figures.putIfAbsent(f.id(), f));
            byDate.add(figures);
        }
        Map<String, Trend> trends = new HashMap<>();
        for (String id : byDate.get(byDate.size() - 1).keySet()) {
            List<Double> values = byDate.stream().map(m -> m.get(id) == null ? null : m.get(id).value()).toList();
            if (values.stream().filter(java.util.Objects::nonNull).count() >= 2) {
                trends.put(id, trend(dates, values, byDate.get(byDate.size() - 1).get(id)));
            }
        }
        return trends;
    }

    private static Trend trend(List<LocalDate> dates, List<Double> values, Figure now) {
        double min = values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder points = new StringBuilder();
        int first = -1;
        int last = -1;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                continue;
            }
            first = first < 0 ? i : first;
            last = i;
            double x = 100.0 * i / (values.size() - 1);
            double y = max == min ? 12 : 22 - 20 * (values.get(i) - min) / (max - min);
            points.append(points.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        String label = "Over six months: " + text(now, values.get(first)) + " on " + dates.get(first) + ", "
                + text(now, values.get(last)) + " on " + dates.get(last);
        return new Trend(dates, values, points.toString(), label);
    }

    private static String text(Figure unitOf, double value) {
        return "money".equals(unitOf.unit()) ? FigureText.money(value, unitOf.currency(), unitOf.period())
                : FigureText.format(value, unitOf.unit());
    }
}
