package dev.pitwall.operations.web;

import dev.pitwall.operations.NewOperatingReview;
import dev.pitwall.operations.OperatingReview;
import dev.pitwall.operations.OperatingReviewService;
import dev.pitwall.operations.ReviewAction;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.FormValues;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operating reviews in the UI: the schedule, the agenda with the form to record a review, a held review. */
@Controller
class OperatingReviewPageController {

    /** Rows of attendees and actions the form offers. */
    static final int ATTENDEE_ROWS = 6;
    static final int ACTION_ROWS = 4;

    /**
     * The review form as typed: attendees and actions in rows (blank rows are left out), decisions
     * one per line.
     */
    record ReviewForm(String heldOn, List<String> attendee, String decisions, List<String> actionTitle,
            List<String> actionOwner, List<String> actionDue, String notes) {

        static ReviewForm blank(LocalDate today, List<String> attendees) {
            return new ReviewForm(today.toString(), attendees, "", List.of(), List.of(), List.of(), "");
        }

        /** A column padded with blanks to {@code rows} rows, so the template always has every row. */
        static List<String> padded(List<String> column, int rows) {
            return java.util.stream.IntStream.range(0, Math.max(rows, size(column))).mapToObj(i -> at(column, i)).toList();
        }

        /** Row {@code i} of a column, blank past its end. */
        static String at(List<String> column, int i) {
            return column != null && i < column.size() && column.get(i) != null ? column.get(i) : "";
        }

        NewOperatingReview toReview() {
            List<Violation> violations = new ArrayList<>();
            LocalDate held = FormValues.parse("heldOn", heldOn, LocalDate::parse, violations);
            List<String> attendees = attendee == null ? List.of()
                    : attendee.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
            if (attendees.isEmpty()) {
                violations.add(new Violation(null, null, "attendeeEmails", "name at least one person who attended"));
            }
            List<String> decided = decisions == null ? List.of()
                    : Arrays.stream(decisions.split("\\R")).map(String::trim).filter(d -> !d.isEmpty()).toList();
            List<NewOperatingReview.Action> actions = new ArrayList<>();
            int rows = Math.max(size(actionTitle), Math.max(size(actionOwner), size(actionDue)));
            for (int i = 0; i < rows; i++) {
                String title = at(actionTitle, i).trim();
                String owner = at(actionOwner, i).trim();
                String due = at(actionDue, i).trim();
                if (title.isEmpty() && owner.isEmpty() && due.isEmpty()) {
                    continue;
                }
                String field = "actions[" + actions.size() + "]";
                LocalDate dueOn = FormValues.parse(field + ".dueOn", due, LocalDate::parse, violations);
                if (title.isEmpty()) {
                    violations.add(new Violation(null, null, field + ".title", "say what is to be done"));
                }
                actions.add(new NewOperatingReview.Action(title, owner, dueOn));
            }
            if (!violations.isEmpty()) {
                throw new InvalidInputException("The operating review could not be read.", violations);
            }
            return new NewOperatingReview(held, attendees, decided, actions, notes);
        }

        private static int size(List<String> list) {
            return list == null ? 0 : list.size();
        }
    }

    private final OperatingReviewService reviews;
    private final WorkflowService workflows;
    private final Clock clock;

    OperatingReviewPageController(OperatingReviewService reviews, WorkflowService workflows, Clock clock) {
        this.reviews = reviews;
        this.workflows = workflows;
        this.clock = clock;
    }

    @GetMapping("/operations/reviews")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String schedule(Model model) {
        model.addAttribute("schedule", reviews.schedule());
        model.addAttribute("recent", reviews.recent(20));
        model.addAttribute("actions", reviews.openActions());
        model.addAttribute("today", today());
        return "operations/reviews";
    }

    @GetMapping("/operations/reviews/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String review(@PathVariable long id, Model model) {
        OperatingReview review = reviews.get(id);
        model.addAttribute("review", review);
        model.addAttribute("agenda", review.agenda());
        model.addAttribute("today", today());
        return "operations/review";
    }

    @GetMapping("/operations/workflows/{key}/reviews/new")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String form(@PathVariable String key, Model model) {
        return render(key, ReviewForm.blank(today(), holders(key)), null, model);
    }

    @PostMapping("/operations/workflows/{key}/reviews")
    @PreAuthorize(Permission.Checks.REVIEWS_RECORD)
    String record(@PathVariable String key, @ModelAttribute ReviewForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            OperatingReview review = reviews.record(key, typed.toReview());
            redirect.addFlashAttribute("flashMessage", "The operating review of " + review.heldOn() + " was recorded.");
            return "redirect:/operations/reviews/" + review.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return render(key, typed, e, model);
        }
    }

    @PostMapping("/operations/workflows/{key}/review-cadence")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String cadence(@PathVariable String key, @RequestParam(required = false) String everyMonths,
            RedirectAttributes redirect) {
        try {
            Integer months = everyMonths == null || everyMonths.isBlank() || "tier".equals(everyMonths) ? null
                    : parseMonths(everyMonths);
            reviews.setCadence(key, months);
            redirect.addFlashAttribute("flashMessage", "The review cadence was saved.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/workflows/" + key + "/reviews/new";
    }

    @PostMapping("/operations/review-actions/{id}/done")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    String done(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            ReviewAction action = reviews.completeAction(id);
            redirect.addFlashAttribute("flashMessage", "Done: " + action.title());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:" + (back != null && back.matches("/(operations/reviews(/\\d+)?|my-work)") ? back
                : "/operations/reviews");
    }

    private static Integer parseMonths(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.ofField("everyMonths", "'" + text + "' is not a whole number of months");
        }
    }

    private String render(String key, ReviewForm form, ProblemException problem, Model model) {
        model.addAttribute("workflow", workflows.get(key));
        model.addAttribute("schedule", reviews.scheduleOf(key, today()));
        model.addAttribute("agenda", reviews.agenda(key, today()));
        model.addAttribute("past", reviews.ofWorkflow(key));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        List<String> attendees = ReviewForm.padded(form.attendee(), ATTENDEE_ROWS);
        model.addAttribute("attendees", attendees);
        model.addAttribute("attendeeRows", java.util.stream.IntStream.range(0, attendees.size()).boxed().toList());
        int actions = Math.max(ACTION_ROWS, Math.max(ReviewForm.size(form.actionTitle()),
                Math.max(ReviewForm.size(form.actionOwner()), ReviewForm.size(form.actionDue()))));
        model.addAttribute("actionTitles", ReviewForm.padded(form.actionTitle(), actions));
        model.addAttribute("actionOwners", ReviewForm.padded(form.actionOwner(), actions));
        model.addAttribute("actionDues", ReviewForm.padded(form.actionDue(), actions));
        model.addAttribute("actionRows", java.util.stream.IntStream.range(0, actions).boxed().toList());
        model.addAttribute("today", today());
        return "operations/review-form";
    }

    /** Who usually attends: the holders of the workflow's decision rights, accountable owner first. */
    private List<String> holders(String key) {
        WorkflowDetails details = workflows.details(key);
        LinkedHashSet<String> emails = new LinkedHashSet<>();
        for (DecisionRight right : List.of(DecisionRight.ACCOUNTABLE_OWNER, DecisionRight.QUALITY_MONITOR,
                DecisionRight.TECHNICAL_OWNER, DecisionRight.SUPPORT_OWNER, DecisionRight.ESCALATION_CONTACT)) {
            details.decisionRights().stream().filter(r -> r.right() == right)
                    .flatMap(r -> r.activeHolders().stream()).map(WorkflowDetails.PersonRef::email)
                    .filter(Objects::nonNull).forEach(emails::add);
        }
        return emails.stream().limit(ATTENDEE_ROWS).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
