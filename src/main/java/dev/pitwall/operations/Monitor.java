package dev.pitwall.operations;

import java.time.Instant;

/**
 * A monitor: a signal of one workflow or AI system compared with a threshold over a window.
 *
 * @param workflowKey the workflow watched, or {@code null} when it watches an AI system
 * @param systemKey the AI system watched, or {@code null}
 * @param kpiId for the {@code kpi} signal, the KPI
 * @param windowDays the whole days before the evaluation day that telemetry signals cover, plus that
 *     day so far
 * @param minSamples the fewest events (for acceptance and override rates: decided events; for
 *     latency: timed events) in the window for the monitor to judge; fewer gives NO_DATA
 * @param origin {@code DEFAULT} when Pitwall created it from the workflow's targets (and keeps its
 *     threshold in step with them), {@code CUSTOM} when a person made or changed it
 * @param lastValue the signal's value at the last evaluation, or {@code null}
 * @param lastSamples the samples it was computed from
 * @param lastReason why the last evaluation gave NO_DATA, or {@code null}
 */
public record Monitor(long id, String name, String workflowKey, String workflowName, String systemKey,
        String systemName, MonitorSignal signal, Long kpiId, ThresholdComparator comparator, double threshold,
        int windowDays, int minSamples, Severity severity, boolean enabled, String origin, MonitorState state,
        Instant stateSince, Double lastValue, Long lastSamples, String lastReason, Instant lastEvaluatedAt,
        Long workflowId, Long systemId, LifecycleAction lifecycleAction) {

    public static final String DEFAULT = "DEFAULT";
    public static final String CUSTOM = "CUSTOM";

    /** What it watches, for people: "Claims assistant" or "AI system InvoiceIQ". */
    public String targetName() {
        return workflowName != null ? workflowName : "AI system " + systemName;
    }

    /** The condition in words, e.g. "overrideRate > 0.1 over 7 days". */
    public String condition() {
        return signal.id() + " " + comparator.symbol() + " " + format(threshold) + " over " + windowDays
                + (windowDays == 1 ? " day" : " days");
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(Math.round(value * 1_000_000d) / 1_000_000d);
    }
}
