package dev.pitwall.operations.internal;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.operations.Monitor;
import dev.pitwall.operations.MonitorHistoryPoint;
import dev.pitwall.operations.MonitorSignal;
import dev.pitwall.telemetry.UsageSignals;
import dev.pitwall.telemetry.UsageSignals.Target;
import dev.pitwall.telemetry.UsageSignals.Totals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a monitor's signal: its value and the samples it rests on, or why there is none. One
 * {@link Round} caches the scorecards and window totals that several monitors share.
 */
@Component
public class SignalReader {

    /** A signal's value on evaluation, or {@code null} with the reason. */
    public record Reading(Double value, long samples, String reason) {

        static Reading none(long samples, String reason) {
            return new Reading(null, samples, reason);
        }
    }

    private final ScorecardService scorecards;
    private final UsageSignals usage;

    SignalReader(ScorecardService scorecards, UsageSignals usage) {
        this.scorecards = scorecards;
        this.usage = usage;
    }

    public Round round(Instant now) {
        return new Round(now);
    }

    /** The readings of one evaluation round, at one instant. */
    public final class Round {

        private final Instant now;
        private final LocalDate today;
        private final Map<String, Totals> totals = new HashMap<>();
        private final Map<String, Object> cards = new HashMap<>();

        private Round(Instant now) {
            this.now = now;
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        public Reading read(Monitor monitor) {
            Target target = monitor.workflowId() != null ? Target.workflow(monitor.workflowId())
                    : Target.system(monitor.systemId());
            Totals window = totals.computeIfAbsent(target + ":" + monitor.windowDays(),
                    k -> usage.total(target, today.minusDays(monitor.windowDays()), today));
            MonitorSignal signal = monitor.signal();
            if (signal.fromScorecard()) {
                return fromScorecard(monitor, window.events());
            }
            if (signal == MonitorSignal.LATENCY_P95) {
                return latency(target, monitor);
            }
            return fromTotals(signal, window, spanDays(monitor));
        }

        /** The window's length in days: its whole days and the part of today gone by. */
        private double spanDays(Monitor monitor) {
            double today = (now.getEpochSecond() - this.today.atStartOfDay(ZoneOffset.UTC).toEpochSecond()) / 86_400d;
            return monitor.windowDays() + today;
        }

        private Reading latency(Target target, Monitor monitor) {
            Instant from = today.minusDays(monitor.windowDays()).atStartOfDay(ZoneOffset.UTC).toInstant();
            UsageSignals.Latency latency = usage.latency(target, from, now);
            return latency.p95() == null ? Reading.none(0, "no events with a latency")
                    : new Reading(latency.p95(), latency.timedEvents(), null);
        }

        private Reading fromScorecardOn(Monitor monitor, LocalDate day) {
            Target target = Target.workflow(monitor.workflowId());
            return fromScorecard(monitor, usage.total(target, day.minusDays(monitor.windowDays()), day).events());
        }

        private Reading fromScorecard(Monitor monitor, long events) {
            WorkflowScorecard card;
            try {
                card = (WorkflowScorecard) cards.computeIfAbsent(monitor.workflowKey(),
                        key -> scorecards.workflow(key, today));
            } catch (RuntimeException e) {
                return Reading.none(events, "the scorecard could not be computed: " + e.getMessage());
            }
            if (monitor.signal() == MonitorSignal.KPI) {
                return card.kpis().stream().filter(k -> monitor.kpiId() != null && k.kpiId() == monitor.kpiId())
                        .findFirst()
                        .map(k -> k.current() == null ? Reading.none(events, "the KPI " + k.name() + " has no measurement yet")
                                : new Reading(k.current(), events, null))
                        .orElseGet(() -> Reading.none(events, "KPI " + monitor.kpiId() + " is not one of this workflow's"));
            }
            Figure figure = card.figure(monitor.signal().id());
            return figure.value() == null ? Reading.none(events, figure.reason()) : new Reading(figure.value(), events, null);
        }

    }

    /** A telemetry signal (other than latency) from a window's totals and its length in days. */
    static Reading fromTotals(MonitorSignal signal, Totals window, double spanDays) {
        return switch (signal) {
            case ACCEPTANCE_RATE -> ratio(window.accepted(), window.decided(), "no accepted, edited, overridden or rejected outcome");
            case OVERRIDE_RATE -> ratio(window.overridden() + window.rejected(), window.decided(),
                    "no accepted, edited, overridden or rejected outcome");
            case ERROR_RATE -> ratio(window.errors(), window.events(), "no events");
            case UNATTRIBUTED_SHARE -> ratio(window.unattributed(), window.events(), "no events");
            case COST_PER_DAY -> new Reading(window.cost() / spanDays, window.events(), null);
            case EVENTS_PER_DAY -> new Reading(window.events() / spanDays, window.events(), null);
            default -> throw new IllegalStateException("not a telemetry signal from totals: " + signal);
        };
    }

    private static Reading ratio(long part, long whole, String none) {
        return whole == 0 ? Reading.none(0, none) : new Reading((double) part / whole, whole, null);
    }

    /**
     * The signal over the last 90 days ending {@code today}: daily for telemetry signals, each day
     * over the monitor's window ending that day (latency: that day's own percentile); weekly for
     * scorecard figures, each from the scorecard of that day.
     */
    public List<MonitorHistoryPoint> history(Monitor monitor, java.time.Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<MonitorHistoryPoint> points = new ArrayList<>();
        Target target = monitor.workflowId() != null ? Target.workflow(monitor.workflowId())
                : Target.system(monitor.systemId());
        MonitorSignal signal = monitor.signal();
        LocalDate first = today.minusDays(89);
        if (signal.fromScorecard()) {
            for (LocalDate day = today.minusWeeks(12); !day.isAfter(today); day = day.plusWeeks(1)) {
                Reading r = new Round(day.equals(today) ? now : day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC))
                        .fromScorecardOn(monitor, day);
                points.add(point(monitor, day, r));
            }
            return points;
        }
        if (signal == MonitorSignal.LATENCY_P95) {
            Map<LocalDate, UsageSignals.Latency> daily = usage.dailyLatency(target, first, today);
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                UsageSignals.Latency l = daily.get(day);
                points.add(point(monitor, day, l == null || l.p95() == null ? Reading.none(0, "no events")
                        : new Reading(l.p95(), l.timedEvents(), null)));
            }
            return points;
        }
        Map<LocalDate, Totals> daily = new HashMap<>();
        usage.daily(target, first.minusDays(monitor.windowDays()), today).forEach(t -> daily.put(t.day(), t));
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Totals window = Totals.none(day);
            for (LocalDate d = day.minusDays(monitor.windowDays()); !d.isAfter(day); d = d.plusDays(1)) {
                Totals t = daily.get(d);
                window = t == null ? window : window.plus(t);
            }
            points.add(point(monitor, day, fromTotals(signal, window, monitor.windowDays() + 1)));
        }
        return points;
    }

    private static MonitorHistoryPoint point(Monitor monitor, LocalDate day, Reading r) {
        boolean fires = r.value() != null && r.samples() >= monitor.minSamples()
                && monitor.comparator().breaches(r.value(), monitor.threshold());
        return new MonitorHistoryPoint(day, r.value(), r.samples(), fires);
    }
}
