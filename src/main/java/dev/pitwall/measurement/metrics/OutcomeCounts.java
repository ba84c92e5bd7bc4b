package dev.pitwall.measurement.metrics;

/** Usage events by outcome; {@code UNKNOWN} ones do not count in the rates. */
public record OutcomeCounts(long accepted, long edited, long overridden, long rejected) {

    public static final OutcomeCounts NONE = new OutcomeCounts(0, 0, 0, 0);

    /** Events whose outcome is known: the denominator of the rates. */
    public long judged() {
        return accepted + edited + overridden + rejected;
    }

    public OutcomeCounts plus(OutcomeCounts other) {
        return new OutcomeCounts(accepted + other.accepted, edited + other.edited, overridden + other.overridden,
                rejected + other.rejected);
    }
}
