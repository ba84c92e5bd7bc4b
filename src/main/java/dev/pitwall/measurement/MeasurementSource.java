package dev.pitwall.measurement;

/** How a measurement reached Pitwall. */
public enum MeasurementSource {
    API, CSV, UI
}
