package dev.pitwall.operations.web;

import dev.pitwall.operations.NewOperatingReview;
import dev.pitwall.operations.OperatingReview;
import dev.pitwall.operations.OperatingReviewService;
import dev.pitwall.operations.ReviewAction;
import dev.pitwall.operations.ReviewAgenda;
import dev.pitwall.operations.ReviewSchedule;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operating reviews", description = "Periodic reviews of live workflows: schedule, agenda, decisions, actions")
class OperatingReviewApiController {

    /** A workflow's own cadence; {@code null} follows its risk tier. */
    record CadenceRequest(Integer everyMonths) {
    }

    private final OperatingReviewService reviews;

    OperatingReviewApiController(OperatingReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/v1/operating-reviews/schedule")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "When each live workflow's operating review is due, the most overdue first", description =
            "failsGate: overdue beyond the grace period, which fails the gate check operating-review.")
    List<ReviewSchedule> schedule() {
        return reviews.schedule();
    }

    @GetMapping("/api/v1/operating-reviews")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The most recent operating reviews across workflows")
    List<OperatingReview> recent(@RequestParam(defaultValue = "20") int limit) {
        return reviews.recent(Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/api/v1/operating-reviews/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A recorded operating review with the agenda it was held on")
    OperatingReview review(@PathVariable long id) {
        return reviews.get(id);
    }

    @GetMapping("/api/v1/workflows/{key}/operating-reviews")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's operating reviews, newest first")
    List<OperatingReview> ofWorkflow(@PathVariable String key) {
        return reviews.ofWorkflow(key);
    }

    @GetMapping("/api/v1/workflows/{key}/operating-reviews/schedule")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "When a workflow's operating review is due on a day (today by default)")
    ReviewSchedule scheduleOf(@PathVariable String key, @RequestParam(required = false) LocalDate day) {
        return reviews.scheduleOf(key, day);
    }

    @GetMapping("/api/v1/workflows/{key}/operating-reviews/agenda")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The agenda of a review held on a day (today by default), built from the data")
    ReviewAgenda agenda(@PathVariable String key, @RequestParam(required = false) LocalDate day) {
        return reviews.agenda(key, day);
    }

    @PostMapping("/api/v1/workflows/{key}/operating-reviews")
    @PreAuthorize(Permission.Checks.REVIEWS_RECORD)
    @Operation(summary = "Record a held operating review", description = "{\"heldOn\":\"2026-11-20\",\"attendeeEmails\":"
            + "[\"owner@example.com\"],\"decisions\":[\"Roll back the model update\"],\"actions\":[{\"title\":\"Re-run the "
            + "evaluation set\",\"ownerEmail\":\"qa@example.com\",\"dueOn\":\"2026-12-01\"}],\"notes\":\"…\"}. 400 names "
            + "each bad field (e.g. actions[0].ownerEmail); 409 WORKFLOW_NOT_LIVE.")
    ResponseEntity<OperatingReview> record(@PathVariable String key, @RequestBody NewOperatingReview review) {
        OperatingReview recorded = reviews.record(key, review);
        return ResponseEntity.created(URI.create("/api/v1/operating-reviews/" + recorded.id())).body(recorded);
    }

    @PutMapping("/api/v1/workflows/{key}/review-cadence")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Set a workflow's own review cadence", description = "{\"everyMonths\":1}; null follows the risk tier.")
    ReviewSchedule cadence(@PathVariable String key, @RequestBody CadenceRequest request) {
        return reviews.setCadence(key, request.everyMonths());
    }

    @GetMapping("/api/v1/review-actions")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The open actions of operating reviews, by due day")
    List<ReviewAction> openActions() {
        return reviews.openActions();
    }

    @PostMapping("/api/v1/review-actions/{id}/done")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Mark an action done", description = "409 ACTION_ALREADY_DONE.")
    ReviewAction done(@PathVariable long id) {
        return reviews.completeAction(id);
    }
}
