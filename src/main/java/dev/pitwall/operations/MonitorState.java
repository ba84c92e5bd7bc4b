package dev.pitwall.operations;

/** A monitor's state after its last evaluation. */
public enum MonitorState {
    /** The signal had enough samples and did not breach the threshold. */
    OK,
    /** The signal breached the threshold. */
    FIRING,
    /** No value, or fewer samples than the monitor's minimum (also before its first evaluation). */
    NO_DATA
}
