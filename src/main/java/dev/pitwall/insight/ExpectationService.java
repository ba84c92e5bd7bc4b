package dev.pitwall.insight;

import dev.pitwall.insight.internal.Expectations;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-registered expectations (docs/insight.md): recorded before the AI goes live, judged from the
 * interrupted time series at the production gate, each verdict kept on record.
 */
@Service
@Transactional
public class ExpectationService {

    private final Expectations expectations;
    private final WorkflowService workflows;
    private final KpiService kpis;
    private final EffectService effects;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final Clock clock;

    ExpectationService(Expectations expectations, WorkflowService workflows, KpiService kpis, EffectService effects,
            InputValidator validator, AuditLog auditLog, Clock clock) {
        this.expectations = expectations;
        this.workflows = workflows;
        this.kpis = kpis;
        this.effects = effects;
        this.validator = validator;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Records what the owner expects. Only before the AI go-live, while the workflow is an IDEA or a
     * PILOT: an expectation written once the results are coming in is not pre-registered.
     */
    public Expectation record(String workflowKey, ExpectationDraft draft) {
        Workflow workflow = workflows.get(workflowKey);
        validator.validate(draft);
        TextPolicy.require("kpi", draft.kpi());
        TextPolicy.require("note", draft.note());
        LocalDate today = LocalDate.now(clock);
        if (workflow.stage() != WorkflowStage.IDEA && workflow.stage() != WorkflowStage.PILOT) {
            throw new ConflictException("NOT_BEFORE_PRODUCTION", "An expectation is recorded while the workflow is an "
                    + "idea or a pilot; '" + workflowKey + "' is " + workflow.stage() + ".");
        }
        if (workflow.aiGoLive() != null && !workflow.aiGoLive().isAfter(today)) {
            throw new ConflictException("ALREADY_LIVE", "AI went live in '" + workflowKey + "' on " + workflow.aiGoLive()
                    + "; an expectation recorded now would not be pre-registered.");
        }
        Kpi kpi = kpis.ofWorkflow(workflowKey).stream().filter(Kpi::isBusinessOutcome)
                .filter(k -> k.name().equalsIgnoreCase(draft.kpi().trim())).findFirst()
                .orElseThrow(() -> InvalidInputException.ofField("kpi", "the workflow has no business-outcome KPI named '"
                        + draft.kpi().trim() + "'"));
        int sign = draft.expectedEffect().signum();
        if (sign == 0 || sign != kpi.direction().sign()) {
            throw InvalidInputException.ofField("expectedEffect", "an improvement of " + kpi.name() + " is "
                    + (kpi.direction().sign() < 0 ? "negative (lower is better)" : "positive (higher is better)"));
        }
        Optional<Expectation> before = expectations.ofWorkflow(workflow.id());
        String note = draft.note() == null || draft.note().isBlank() ? null : draft.note().trim();
        expectations.save(workflow.id(), kpi.id(), draft.expectedEffect(), draft.horizonMonths(), note,
                PitwallPrincipal.currentActorName(), clock.instant());
        Expectation after = expectations.ofWorkflow(workflow.id()).orElseThrow();
        auditLog.append(before.isPresent() ? AuditRecord.updated("expectation", workflowKey, before.get(), after)
                : AuditRecord.created("expectation", workflowKey, after));
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<Expectation> of(String workflowKey) {
        return expectations.ofWorkflow(workflows.get(workflowKey).id());
    }

    @Transactional(readOnly = true)
    public List<Expectation> all() {
        return expectations.all();
    }

    /** The verdicts on record, the latest first: day, verdict, reason. */
    @Transactional(readOnly = true)
    public List<String[]> record(String workflowKey) {
        return of(workflowKey).map(this::record).orElse(List.of());
    }

    /** The verdict on the day, from the interrupted time series of the expectation's KPI. */
    @Transactional(readOnly = true)
    public Optional<Verdict> verdict(String workflowKey, LocalDate day) {
        return of(workflowKey).map(e -> verdict(e, day));
    }

    /** The verdict on an expectation already read ({@code day} null: today). */
    @Transactional(readOnly = true)
    public Verdict verdict(Expectation expectation, LocalDate day) {
        return judge(expectation, effects.of(expectation.workflowKey(), day));
    }

    /** The verdicts on record for an expectation already read, the latest first: day, verdict, reason. */
    @Transactional(readOnly = true)
    public List<String[]> record(Expectation expectation) {
        return expectations.verdicts(expectation.id());
    }

    /** Keeps a verdict on record (the gate's, once a day). */
    public void keep(Verdict verdict) {
        expectations.keep(verdict, clock.instant());
    }

    static Verdict judge(Expectation e, EffectService.WorkflowEffect effect) {
        String expected = "Expected " + number(e.expectedEffect().doubleValue()) + " " + e.unit() + " within "
                + e.horizonMonths() + " months";
        EffectService.KpiEffect k = effect.kpis().stream().filter(x -> x.kpiId() == e.kpiId()).findFirst().orElse(null);
        if (k == null || k.effect() == null) {
            String why = k == null ? "the KPI is gone" : k.refusal() != null ? k.refusal() : effect.refusal();
            return new Verdict(e, effect.asOf(), Verdict.Outcome.INCONCLUSIVE, null, expected + "; no estimate yet ("
                    + why + "): inconclusive");
        }
        double s = Math.signum(e.expectedEffect().doubleValue());
        double target = Math.abs(e.expectedEffect().doubleValue());
        double estimate = k.effect().estimate() * s;
        double low = Math.min(k.effect().low() * s, k.effect().high() * s);
        double high = Math.max(k.effect().low() * s, k.effect().high() * s);
        Verdict.Outcome outcome = low > 0 && estimate >= target ? Verdict.Outcome.MET
                : high < target ? Verdict.Outcome.NOT_MET : Verdict.Outcome.INCONCLUSIVE;
        String said = switch (outcome) {
            case MET -> "met";
            case NOT_MET -> "not met (even the interval's best falls short)";
            case INCONCLUSIVE -> "inconclusive (the interval " + (low <= 0 ? "contains no effect at all" : "reaches the expectation")
                    + " but the estimate " + (estimate >= target ? "is not distinguishable from noise" : "falls short") + ")";
        };
        return new Verdict(e, effect.asOf(), outcome, k.effect(), expected + "; estimated " + number(k.effect().estimate())
                + " " + e.unit() + " (95 % interval " + number(k.effect().low()) + " to " + number(k.effect().high())
                + ") as of " + effect.asOf() + ": " + said);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%,.1f", value);
    }
}
