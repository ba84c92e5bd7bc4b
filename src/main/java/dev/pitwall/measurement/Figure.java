package dev.pitwall.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure of a scorecard: a value with its unit and the id of its definition (the same name as
 * in PRODUCT.md, the UI and docs/metrics.md), or {@code null} with the reason it cannot be
 * computed — never 0 for "unknown".
 *
 * @param id the definition id, e.g. {@code adoptionDepth}
 * @param value the value, or {@code null}
 * @param unit {@code ratio} (0..1), {@code index} (0..100), {@code money}, {@code multiple} (money
 *     returned per money spent), {@code perMonth}, {@code count} or {@code hours}
 * @param reason why the value is {@code null}; {@code null} when there is a value
 * @param currency for money: the organization's ISO 4217 currency, e.g. {@code EUR}
 * @param period for money: {@code TO_DATE} (spend, cumulative impact, stranded capital, summed up to
 *     the as-of date) or the period of the KPIs it is computed from ({@code MONTHLY}, {@code WEEKLY},
 *     {@code DAILY}, {@code QUARTERLY}, or {@code KPI_PERIOD} when they differ): impact per period
 */
public record Figure(String id, Double value, String unit, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
        @JsonInclude(JsonInclude.Include.NON_NULL) String period) {

    /** Money figures are summed up to the as-of date, or are per KPI period. */
    public static final String TO_DATE = "TO_DATE";
    /** Impact of KPIs with different cadences: per each KPI's own period. */
    public static final String KPI_PERIOD = "KPI_PERIOD";

    public Figure(String id, Double value, String unit, String reason) {
        this(id, value, unit, reason, null, "money".equals(unit) ? MetricDefinitions.periodOf(id) : null);
    }

    public Figure {
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException(id + " is not a finite number");
        }
        if (value == null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(id + " is null without a reason");
        }
    }

    public static Figure of(String id, double value, String unit) {
        return new Figure(id, value, unit, null);
    }

    public static Figure missing(String id, String unit, String reason) {
        return new Figure(id, null, unit, reason);
    }

    /**
     * This money figure in a currency, and per the KPIs' period when it is an impact figure
     * ({@code impactPeriod} null keeps the period it has); other figures stay as they are.
     */
    public Figure inCurrency(String code, String impactPeriod) {
        if (!"money".equals(unit)) {
            return this;
        }
        String inPeriod = TO_DATE.equals(period) || impactPeriod == null ? period : impactPeriod;
        return new Figure(id, value, unit, reason, code, inPeriod);
    }

    /** The definition id, as the API names it. */
    public String definitionId() {
        return id;
    }

    public boolean present() {
        return value != null;
    }

    /** The value; only call when {@link #present()}. */
    public double v() {
        return value;
    }
}
