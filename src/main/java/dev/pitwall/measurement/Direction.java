package dev.pitwall.measurement;

/** Which way a KPI improves; {@link #sign()} is the {@code d} of the value formulas. */
public enum Direction {
    HIGHER_IS_BETTER(1), LOWER_IS_BETTER(-1);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** +1 when higher is better, −1 when lower is better. */
    public int sign() {
        return sign;
    }
}
