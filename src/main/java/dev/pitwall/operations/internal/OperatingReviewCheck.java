package dev.pitwall.operations.internal;

import dev.pitwall.operations.ReviewSchedule;
import dev.pitwall.portfolio.GateCheck;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Gate check 7: the workflow's operating review is not overdue beyond the grace period on the
 * gate's day. A workflow that is not live yet has nothing due. A waiver may cover it.
 */
@Component
class OperatingReviewCheck implements GateCheck {

    private final ReviewCalendar calendar;

    OperatingReviewCheck(ReviewCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public String id() {
        return "operating-review";
    }

    @Override
    public String title() {
        return "Operating review";
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public Fix fix(String workflowKey) {
        return new Fix("Hold its operating review", "/operations/workflows/" + workflowKey + "/reviews/new");
    }

    @Override
    public Result check(Subject subject) {
        ReviewSchedule s = calendar.of(subject.details().workflow(), subject.asOf());
        if (!s.live()) {
            return new Passed("Not live on " + subject.asOf() + ": operating reviews start when it enters pilot.");
        }
        String cadence = s.cadence();
        if (s.failsGate()) {
            return new Failed(List.of("the operating review was due on " + s.dueOn() + " and is " + s.daysOverdue()
                    + " days overdue (" + cadence + ", " + s.graceDays() + " days' grace): hold and record it"));
        }
        String last = s.lastHeldOn() == null ? "No operating review yet" : "Last operating review on " + s.lastHeldOn();
        return new Passed(last + "; the next is due on " + s.dueOn() + " (" + cadence + ")"
                + (s.overdue() ? ", " + s.daysOverdue() + " days overdue within the grace period." : "."));
    }
}
