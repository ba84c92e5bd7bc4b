package dev.pitwall.measurement;

/**
 * One figure of a scorecard: a value with its unit and the id of its definition (the same name as
 * in PRODUCT.md, the UI and docs/metrics.md), or {@code null} with the reason it cannot be
 * computed — never 0 for "unknown".
 *
 * @param id the definition id, e.g. {@code adoptionDepth}
 * @param value the value, or {@code null}
 * @param unit {@code ratio} (0..1), {@code index} (0..100), {@code money}, {@code multiple} (money
 *     returned per money spent), {@code perMonth} or {@code count}
 * @param reason why the value is {@code null}; {@code null} when there is a value
 */
public record Figure(String id, Double value, String unit, String reason) {

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
