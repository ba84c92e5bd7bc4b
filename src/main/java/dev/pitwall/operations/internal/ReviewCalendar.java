package dev.pitwall.operations.internal;

import dev.pitwall.governance.ClassificationService;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.governance.WorkflowClassification;
import dev.pitwall.operations.OperationsProperties;
import dev.pitwall.operations.ReviewSchedule;
import dev.pitwall.portfolio.StageChange;
import dev.pitwall.portfolio.StageService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When each workflow's operating review is due on a day. A workflow is reviewed while it is live
 * (PILOT or PRODUCTION on that day, from its stage history); the first review falls one cadence
 * after it last became live, each next one a cadence after the last review held on or before the
 * day. The cadence is the workflow's own, else its risk tier's.
 */
@Component
public class ReviewCalendar {

    private final OperatingReviews reviews;
    // The gate checks reviews, while stage changes and classifications need workflows, which need
    // the gate: both are looked up when first used.
    private final ObjectProvider<ClassificationService> classifications;
    private final ObjectProvider<StageService> stages;
    private final OperationsProperties properties;

    ReviewCalendar(OperatingReviews reviews, ObjectProvider<ClassificationService> classifications, ObjectProvider<StageService> stages,
            OperationsProperties properties) {
        this.reviews = reviews;
        this.classifications = classifications;
        this.stages = stages;
        this.properties = properties;
    }

    /** The schedules of these workflows on {@code day}, in their order. */
    public List<ReviewSchedule> on(List<Workflow> workflows, LocalDate day) {
        Map<Long, LocalDate> lastHeld = reviews.lastHeld(day);
        Map<Long, Integer> own = reviews.cadences();
        return workflows.stream().map(w -> schedule(w, day, lastHeld.get(w.id()), own.get(w.id()))).toList();
    }

    /** One workflow's schedule on {@code day} (the gate asks for one workflow at a time). */
    public ReviewSchedule of(Workflow workflow, LocalDate day) {
        return schedule(workflow, day, reviews.lastHeld(workflow.id(), day).orElse(null),
                reviews.cadence(workflow.id()).orElse(null));
    }

    private ReviewSchedule schedule(Workflow workflow, LocalDate day, LocalDate last, Integer ownMonths) {
        RiskTier tier = classifications.getObject().current(workflow.key()).map(WorkflowClassification::tier).orElse(null);
        int every = ownMonths != null ? ownMonths : properties.reviewMonths(tier);
        WorkflowStage stage = null;
        LocalDate liveSince = null;
        for (StageChange change : stages.getObject().history(workflow.key())) {
            if (change.effectiveOn().isAfter(day)) {
                break;
            }
            boolean wasLive = live(stage);
            stage = change.to();
            if (!live(stage)) {
                liveSince = null;
            } else if (!wasLive) {
                liveSince = change.effectiveOn();
            }
        }
        String tierName = tier == null ? null : tier.name();
        if (liveSince == null) {
            return new ReviewSchedule(workflow.key(), workflow.name(), stage == null ? null : stage.name(), tierName, every,
                    ownMonths != null, last, null, 0, properties.reviewGraceDays(), false);
        }
        LocalDate from = last != null && !last.isBefore(liveSince) ? last : liveSince;
        LocalDate due = from.plusMonths(every);
        long overdue = Math.max(0, ChronoUnit.DAYS.between(due, day));
        return new ReviewSchedule(workflow.key(), workflow.name(), stage.name(), tierName, every, ownMonths != null,
                last, due, overdue, properties.reviewGraceDays(), overdue > properties.reviewGraceDays());
    }

    private static boolean live(WorkflowStage stage) {
        return stage == WorkflowStage.PILOT || stage == WorkflowStage.PRODUCTION;
    }
}
