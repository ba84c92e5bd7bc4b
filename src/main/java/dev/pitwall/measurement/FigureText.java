package dev.pitwall.measurement;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How figures are written for people, the same on every page, CSV and board pack: ratios as
 * percentages, indices whole, money with thousands separators, its currency and its period
 * ("12,400 EUR per month", "310,000 EUR to date").
 */
public final class FigureText {

    private FigureText() {
    }


    public static String format(Figure figure) {
        if (figure == null || figure.value() == null) {
            return "—";
        }
        if ("money".equals(figure.unit())) {
            return money(figure.value(), figure.currency(), figure.period());
        }
        return format(figure.value(), figure.unit());
    }

    public static String format(Double value, String unit) {
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
            case "hours" -> pattern("#,##0.0").format(value) + " h";
            case "points" -> pattern("0.0").format(value) + " points";
            default -> pattern("#,##0.##").format(value);
        };
    }

    /**
     * The change of a figure since an earlier one, signed, in its unit: {@code +3.2 pts} for ratios,
     * {@code −1,200 EUR per month} for money; {@code null} when either value is unknown.
     */
    public static String change(Figure now, Figure before) {
        if (now == null || before == null || now.value() == null || before.value() == null) {
            return null;
        }
        double delta = now.value() - before.value();
        String sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        double size = Math.abs(delta);
        String text = switch (now.unit()) {
            case "ratio" -> pattern("0.0").format(size * 100) + " pts";
            case "money" -> money(size, now.currency(), now.period());
            default -> format(size, now.unit());
        };
        return sign + text;
    }

    /** ▲, ▼ or = for the direction of a change ({@code null} when unknown). */
    public static String arrow(Figure now, Figure before) {
        if (now == null || before == null || now.value() == null || before.value() == null) {
            return null;
        }
        int sign = Double.compare(now.value(), before.value());
        return sign > 0 ? "▲" : sign < 0 ? "▼" : "=";
    }

    /** A number in a KPI's own unit, with the precision its size needs: 3,399 · 64.5 · 0.125. */
    public static String amount(Double value) {
        if (value == null) {
            return "—";
        }
        double size = Math.abs(value);
        return pattern(size >= 100 ? "#,##0" : size >= 1 ? "#,##0.#" : "0.###").format(value);
    }

    /** An amount with its currency and, when given, its period: {@code 12,400 EUR per month}. */
    public static String money(Double value, String currency, String period) {
        if (value == null) {
            return "—";
        }
        String amount = pattern("#,##0").format(value) + (currency == null ? "" : " " + currency);
        String basis = period(period);
        return basis.isEmpty() ? amount : amount + " " + basis;
    }

    /**
     * What a money figure's period reads as: {@code per month} for impact of monthly KPIs, {@code to
     * date} for sums up to the as-of date, empty when unknown.
     */
    public static String period(String period) {
        if (period == null) {
            return "";
        }
        return switch (period) {
            case Figure.TO_DATE -> "to date";
            case "DAILY" -> "per day";
            case "WEEKLY" -> "per week";
            case "MONTHLY" -> "per month";
            case "QUARTERLY" -> "per quarter";
            default -> "per KPI period";
        };
    }

    /** A column header's unit: {@code EUR per month}, {@code EUR to date}. */
    public static String unit(String currency, String period) {
        String basis = period(period);
        return basis.isEmpty() ? currency : currency + " " + basis;
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }
}
