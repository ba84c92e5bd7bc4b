package dev.pitwall.portfolio;

/** The two halves of an AI investment. */
public enum SpendCategory {
    /** Models, platforms, data pipelines, licences, engineering. */
    INFRASTRUCTURE,
    /** Upskilling, enablement, change management. */
    WORKFORCE
}
