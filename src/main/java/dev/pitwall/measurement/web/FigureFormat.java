package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.FigureText;
import org.springframework.stereotype.Component;

/** The templates' {@code @figures}: {@link FigureText} as a bean, so pages and board packs write figures alike. */
@Component("figures")
public class FigureFormat {

    public String format(Figure figure) {
        return FigureText.format(figure);
    }

    public String format(Double value, String unit) {
        return FigureText.format(value, unit);
    }

    public String change(Figure now, Figure before) {
        return FigureText.change(now, before);
    }

    public String arrow(Figure now, Figure before) {
        return FigureText.arrow(now, before);
    }

    public String amount(Double value) {
        return FigureText.amount(value);
    }

    public String money(Double value, String currency, String period) {
        return FigureText.money(value, currency, period);
    }

    public String period(String period) {
        return FigureText.period(period);
    }

    public String unit(String currency, String period) {
        return FigureText.unit(currency, period);
    }
}
