package dev.pitwall.operations.internal;

import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.measurement.Direction;
import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.MetricDefinitions;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.operations.Incident;
import dev.pitwall.operations.IncidentStatus;
import dev.pitwall.operations.Monitor;
import dev.pitwall.operations.MonitorState;
import dev.pitwall.operations.OperationsProperties;
import dev.pitwall.operations.ReviewAction;
import dev.pitwall.operations.ReviewAgenda;
import dev.pitwall.operations.ReviewSchedule;
import dev.pitwall.portfolio.GateResult;
import dev.pitwall.portfolio.GateService;
import dev.pitwall.portfolio.Workflow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Builds an operating review's agenda from the data on a day: the figures that moved since the last
 * review, incidents, firing monitors, evidence that is missing or expiring, the gate, whether
 * adoption stalled, the KPIs against their targets, and the actions still open.
 */
@Component
public class ReviewAgendas {

    /** The figures between 0 and 1 compared from one review to the next. */
    static final List<String> COMPARED = List.of("quality", "availability", "acceptanceRate", "overrideRate", "reach",
            "adoptionDepth", "trainedShare", "skillCoverage", "realization");
    private static final int EXPIRY_DAYS = 30;
    private static final int STALL_DAYS = 28;

    private final ScorecardService scorecards;
    private final Incidents incidents;
    private final Monitors monitors;
    private final ImplementationService controls;
    private final GateService gate;
    private final OperatingReviews reviews;
    private final OperationsProperties properties;

    ReviewAgendas(ScorecardService scorecards, Incidents incidents, Monitors monitors, ImplementationService controls,
            GateService gate, OperatingReviews reviews, OperationsProperties properties) {
        this.scorecards = scorecards;
        this.incidents = incidents;
        this.monitors = monitors;
        this.controls = controls;
        this.gate = gate;
        this.reviews = reviews;
        this.properties = properties;
    }

    /** The agenda of a review of {@code workflow} held on {@code day}, scheduled as {@code schedule} says. */
    public ReviewAgenda build(Workflow workflow, ReviewSchedule schedule, LocalDate day) {
        LocalDate since = schedule.lastHeldOn() != null && schedule.lastHeldOn().isBefore(day) ? schedule.lastHeldOn() : null;
        LocalDate comparedWith = since != null ? since : day.minusMonths(schedule.everyMonths());
        WorkflowScorecard now = scorecards.workflow(workflow.key(), day);
        WorkflowScorecard then = scorecards.workflow(workflow.key(), comparedWith);
        WorkflowScorecard stallBase = scorecards.workflow(workflow.key(), day.minusDays(STALL_DAYS));
        GateResult gateOn = gate.evaluate(workflow.key(), day);
        List<String> gateFailures = gateOn.failed().stream()
                .map(c -> c.title() + ": " + String.join("; ", c.reasons())).toList();
        return new ReviewAgenda(workflow.key(), workflow.name(), day, since, comparedWith, moved(then, now),
                incidents(workflow, comparedWith, day), firing(workflow), evidence(workflow, day), gateOn.passed(),
                gateFailures, adoption(stallBase, now), kpis(now), openActions(workflow, day));
    }

    private List<ReviewAgenda.MovedFigure> moved(WorkflowScorecard then, WorkflowScorecard now) {
        List<ReviewAgenda.MovedFigure> moved = new ArrayList<>();
        for (String id : COMPARED) {
            Figure before = then.figure(id);
            Figure after = now.figure(id);
            boolean appeared = before.present() != after.present();
            if (appeared || before.present() && Math.abs(after.v() - before.v()) >= properties.reviewFigureMove()) {
                moved.add(new ReviewAgenda.MovedFigure(MetricDefinitions.of(id).name(), before.value(), after.value(),
                        after.unit()));
            }
        }
        return moved;
    }

    private List<ReviewAgenda.IncidentItem> incidents(Workflow workflow, LocalDate from, LocalDate day) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return incidents.find(false, workflow.id(), 500).stream()
                .filter(i -> i.openedAt().isBefore(end))
                .filter(i -> !i.openedAt().isBefore(start) || i.resolvedAt() == null || !i.resolvedAt().isBefore(start))
                .map(i -> new ReviewAgenda.IncidentItem(i.id(), i.title(), i.severity().name(), statusOn(i, end).name()))
                .toList();
    }

    private static IncidentStatus statusOn(Incident i, Instant end) {
        if (i.resolvedAt() != null && i.resolvedAt().isBefore(end)) {
            return IncidentStatus.RESOLVED;
        }
        if (i.mitigatedAt() != null && i.mitigatedAt().isBefore(end)) {
            return IncidentStatus.MITIGATED;
        }
        return i.acknowledgedAt() != null && i.acknowledgedAt().isBefore(end) ? IncidentStatus.ACKNOWLEDGED
                : IncidentStatus.OPEN;
    }

    private List<ReviewAgenda.MonitorItem> firing(Workflow workflow) {
        return monitors.findAll().stream()
                .filter(m -> Objects.equals(m.workflowId(), workflow.id()) && m.state() == MonitorState.FIRING)
                .map(ReviewAgendas::item).toList();
    }

    private static ReviewAgenda.MonitorItem item(Monitor m) {
        return new ReviewAgenda.MonitorItem(m.id(), m.name(), m.signal().id(), m.lastValue(), m.threshold(),
                m.comparator().name());
    }

    private List<ReviewAgenda.EvidenceItem> evidence(Workflow workflow, LocalDate day) {
        List<ReviewAgenda.EvidenceItem> items = new ArrayList<>();
        for (ControlImplementation c : controls.ofWorkflow(workflow.key())) {
            if (!c.required()) {
                continue;
            }
            String gap = c.gapOn(day);
            if (gap == null && c.expiresOn() != null && !c.expiresOn().isAfter(day.plusDays(EXPIRY_DAYS))) {
                gap = "evidence expires on " + c.expiresOn();
            }
            if (gap != null) {
                items.add(new ReviewAgenda.EvidenceItem(c.controlKey(), c.controlName(), gap));
            }
        }
        return items;
    }

    private static ReviewAgenda.AdoptionTrend adoption(WorkflowScorecard before, WorkflowScorecard now) {
        Figure then = before.figure("adoptionDepth");
        Figure current = now.figure("adoptionDepth");
        boolean stalled = then.present() && current.present() && current.v() <= then.v();
        return new ReviewAgenda.AdoptionTrend(then.value(), current.value(), stalled);
    }

    private static List<ReviewAgenda.KpiItem> kpis(WorkflowScorecard card) {
        return card.kpis().stream().map(k -> {
            Boolean onTarget = k.current() == null || k.target() == null ? null
                    : Direction.valueOf(k.direction()) == Direction.LOWER_IS_BETTER ? k.current() <= k.target()
                    : k.current() >= k.target();
            return new ReviewAgenda.KpiItem(k.name(), k.unit(), k.direction(), k.current(), k.target(), onTarget);
        }).toList();
    }

    private List<ReviewAgenda.ActionItem> openActions(Workflow workflow, LocalDate day) {
        List<ReviewAction> open = reviews.openActionsOfWorkflow(workflow.id());
        return open.stream().map(a -> new ReviewAgenda.ActionItem(a.id(), a.title(), a.ownerName(), a.dueOn(),
                a.overdueOn(day))).toList();
    }
}
