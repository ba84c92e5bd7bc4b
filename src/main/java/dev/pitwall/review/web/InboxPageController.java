package dev.pitwall.review.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.review.ReviewDecision;
import dev.pitwall.review.ReviewItem;
import dev.pitwall.review.ReviewReason;
import dev.pitwall.review.ReviewService;
import dev.pitwall.telemetry.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reviewer's inbox: the items routed to me, the soonest due first, each decided from the page. */
@Controller
class InboxPageController {

    /** A decision as typed on one item. */
    record DecisionForm(String outcome, String reason, String reasonText, String editedOutput) {

        ReviewDecision toDecision() {
            Outcome o;
            try {
                o = Outcome.valueOf(outcome);
            } catch (RuntimeException e) {
                throw InvalidInputException.ofField("outcome", "choose accept, edit, override or reject");
            }
            ReviewReason r = null;
            if (reason != null && !reason.isBlank()) {
                try {
                    r = ReviewReason.valueOf(reason);
                } catch (RuntimeException e) {
                    throw InvalidInputException.ofField("reason", "choose a reason");
                }
            }
            return new ReviewDecision(o, r, reasonText, editedOutput == null || editedOutput.isBlank() ? null : editedOutput);
        }
    }

    private final ReviewService reviews;
    private final Clock clock;

    InboxPageController(ReviewService reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The confidence from which items without risk flags count as low risk on the page. */
    static final java.math.BigDecimal LOW_RISK = new java.math.BigDecimal("0.9");

    @GetMapping("/review/inbox")
    @PreAuthorize(Permission.Checks.REVIEW_DECIDE)
    String inbox(@org.springframework.web.bind.annotation.RequestParam(required = false) String workflow,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("workflowFilter", workflow == null ? "" : workflow);
        model.addAttribute("overdueFilter", overdue);
        return render(null, null, null, model);
    }

    @PostMapping("/review/inbox/accept-low-risk")
    @PreAuthorize(Permission.Checks.REVIEW_DECIDE)
    String acceptLowRisk(RedirectAttributes redirect) {
        try {
            int accepted = reviews.acceptLowRisk(LOW_RISK).size();
            redirect.addFlashAttribute("flashMessage", accepted + (accepted == 1 ? " low-risk item" : " low-risk items")
                    + " accepted.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/review/inbox";
    }

    @PostMapping("/review/items/{id}/decision")
    @PreAuthorize(Permission.Checks.REVIEW_DECIDE)
    String decide(@PathVariable long id, @ModelAttribute DecisionForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            ReviewItem item = reviews.decide(id, typed.toDecision());
            redirect.addFlashAttribute("flashMessage", item.outcome().charAt(0)
                    + item.outcome().substring(1).toLowerCase(java.util.Locale.ROOT) + ": " + item.summary());
            return "redirect:/review/inbox";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return render(id, typed, e, model);
        }
    }

    private String render(Long failedItem, DecisionForm typed, ProblemException problem, Model model) {
        List<ReviewItem> all = reviews.inbox();
        String workflow = (String) model.getAttribute("workflowFilter");
        boolean overdue = Boolean.TRUE.equals(model.getAttribute("overdueFilter"));
        java.time.Instant now = clock.instant();
        List<ReviewItem> items = all.stream()
                .filter(i -> workflow == null || workflow.isBlank() || i.workflowKey().equals(workflow))
                .filter(i -> !overdue || i.dueAt() != null && i.dueAt().isBefore(now)).toList();
        model.addAttribute("items", items);
        model.addAttribute("total", all.size());
        model.addAttribute("workflows", all.stream().collect(java.util.stream.Collectors.toMap(ReviewItem::workflowKey,
                ReviewItem::workflowName, (a, b) -> a, java.util.TreeMap::new)));
        model.addAttribute("lowRisk", all.stream().filter(i -> ReviewService.lowRisk(i, LOW_RISK)).count());
        model.addAttribute("now", clock.instant());
        model.addAttribute("reasons", ReviewReason.values());
        model.addAttribute("failedItem", failedItem);
        model.addAttribute("typed", typed);
        model.addAttribute("problem", problem);
        return "review/inbox";
    }
}
