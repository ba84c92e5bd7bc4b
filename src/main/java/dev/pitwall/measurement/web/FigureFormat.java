package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Figure;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How pages write figures: ratios as percentages, indices whole, money with thousands separators. */
@Component("figures")
public class FigureFormat {

    public String format(Figure figure) {
        return figure == null || figure.value() == null ? "—" : format(figure.value(), figure.unit());
    }

    public String format(Double value, String unit) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case "ratio" -> pattern("0.0").format(value * 100) + " %";
            case "index" -> pattern("0").format(value);
            case "money" -> pattern("#,##0").format(value);
            case "multiple" -> pattern("0.00").format(value) + " ×";
            case "perMonth" -> pattern("0.0").format(value) + " / month";
            case "count" -> pattern("#,##0").format(value);
            default -> pattern("#,##0.##").format(value);
        };
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }
}
