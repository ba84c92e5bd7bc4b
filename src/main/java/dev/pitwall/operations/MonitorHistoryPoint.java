package dev.pitwall.operations;

import java.time.LocalDate;

/**
 * One point of a monitor's history: the signal's value on that day (over the monitor's window ending
 * then), the samples it rests on, and whether the monitor would have fired.
 */
public record MonitorHistoryPoint(LocalDate day, Double value, long samples, boolean wouldFire) {
}
