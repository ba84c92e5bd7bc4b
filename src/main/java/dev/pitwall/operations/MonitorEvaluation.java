package dev.pitwall.operations;

import dev.pitwall.operations.internal.Monitors;
import dev.pitwall.operations.internal.Rounds;
import dev.pitwall.operations.internal.SignalReader;
import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One evaluation round: default monitors brought in step with the targets, every enabled monitor
 * evaluated (state kept, each change recorded, incidents opened or joined), and open incidents past
 * their acknowledgement deadline escalated. The round's number is the time divided by the round
 * interval; whichever node claims it first evaluates it, the others skip it.
 */
@Service
public class MonitorEvaluation {

    private static final Logger log = LoggerFactory.getLogger(MonitorEvaluation.class);

    /** What a round did; {@code claimed} false when another node had it. */
    public record RoundResult(long round, boolean claimed, int monitors, int firing, int opened, int escalated) {
    }

    private final Monitors monitors;
    private final Rounds rounds;
    private final SignalReader reader;
    private final MonitorService monitorService;
    private final IncidentService incidents;
    private final WorkflowService workflows;
    private final TransactionTemplate transaction;
    private final OperationsProperties properties;
    private final Clock clock;
    private final String node;

    MonitorEvaluation(Monitors monitors, Rounds rounds, SignalReader reader, MonitorService monitorService,
            IncidentService incidents, WorkflowService workflows, TransactionTemplate transaction,
            OperationsProperties properties, Clock clock) {
        this.monitors = monitors;
        this.rounds = rounds;
        this.reader = reader;
        this.monitorService = monitorService;
        this.incidents = incidents;
        this.workflows = workflows;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.node = nodeName();
    }

    /** The round the clock is in now. */
    public long currentRound() {
        return clock.millis() / properties.roundInterval().toMillis();
    }

    /** Evaluates the current round unless another node already has. */
    public RoundResult evaluate() {
        return evaluate(currentRound());
    }

    public RoundResult evaluate(long round) {
        return SystemActor.runAs(IncidentService.EVALUATOR, () -> transaction.execute(status -> {
            long started = System.nanoTime();
            Instant now = clock.instant();
            if (!rounds.claim(round, node, now)) {
                return new RoundResult(round, false, 0, 0, 0, 0);
            }
            monitorService.ensureDefaults();
            Set<Long> inProduction = workflows.find(WorkflowStage.PRODUCTION, null).stream()
                    .map(w -> w.id()).collect(Collectors.toSet());
            SignalReader.Round readings = reader.round(now);
            int evaluated = 0;
            int firing = 0;
            int opened = 0;
            for (Monitor monitor : monitors.findEnabled()) {
                MonitorState before = monitor.state();
                MonitorState after = evaluateOne(monitor, readings, inProduction, round, now);
                evaluated++;
                if (after == MonitorState.FIRING) {
                    firing++;
                    if (before != MonitorState.FIRING) {
                        opened++;
                    }
                }
            }
            int escalated = incidents.escalateOverdue(now) + incidents.escalateReporting(now);
            rounds.finish(round, evaluated, firing, (System.nanoTime() - started) / 1_000_000);
            return new RoundResult(round, true, evaluated, firing, opened, escalated);
        }));
    }

    private MonitorState evaluateOne(Monitor monitor, SignalReader.Round readings, Set<Long> inProduction, long round,
            Instant now) {
        if (Monitor.DEFAULT.equals(monitor.origin()) && monitor.workflowId() != null
                && !inProduction.contains(monitor.workflowId())) {
            monitors.evaluated(monitor, MonitorState.NO_DATA, null, null, "the workflow is not in production", round, now);
            return MonitorState.NO_DATA;
        }
        SignalReader.Reading reading;
        try {
            reading = readings.read(monitor);
        } catch (RuntimeException e) {
            log.warn("Monitor {} could not be evaluated: {}", monitor.id(), e.getMessage());
            reading = new SignalReader.Reading(null, 0, "the signal could not be read: " + e.getMessage());
        }
        MonitorState state;
        String reason = reading.reason();
        if (reading.value() == null) {
            state = MonitorState.NO_DATA;
        } else if (reading.samples() < monitor.minSamples()) {
            state = MonitorState.NO_DATA;
            reason = reading.samples() + " samples, fewer than the minimum of " + monitor.minSamples();
        } else {
            state = monitor.comparator().breaches(reading.value(), monitor.threshold()) ? MonitorState.FIRING : MonitorState.OK;
        }
        monitors.evaluated(monitor, state, reading.value(), reading.samples(), truncate(reason), round, now);
        if (state == MonitorState.FIRING && monitor.state() != MonitorState.FIRING) {
            incidents.fired(monitor, reading.value(), reading.samples(), now);
        } else if (state == MonitorState.OK && monitor.state() == MonitorState.FIRING) {
            incidents.recovered(monitor, reading.value(), now);
        }
        return state;
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 300 ? reason : reason.substring(0, 299) + "…";
    }

    private static String nodeName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        return host + ":" + ProcessHandle.current().pid();
    }
}
