package dev.pitwall.operations;

/** How a monitor compares its signal with its threshold; the monitor fires when the comparison holds. */
public enum ThresholdComparator {
    LT("<"), LE("≤"), GT(">"), GE("≥");

    private final String symbol;

    ThresholdComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case GT -> value > threshold;
            case GE -> value >= threshold;
        };
    }
}
