package dev.pitwall.operations.web;

import dev.pitwall.operations.NotificationChannel;
import dev.pitwall.operations.NotificationEvent;
import dev.pitwall.operations.NotificationService;
import dev.pitwall.operations.SubscriptionDraft;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Notifications in the UI: subscriptions, a test, deliveries and the dead letters to replay. */
@Controller
class NotificationPageController {

    /** The subscription form as typed; {@code target} is the person's email or {@code team:ID}. */
    record SubscriptionForm(String name, String channel, String url, String secret, String personEmail, String teamId,
            List<String> eventTypes, String workflowKey) {

        static SubscriptionForm blank() {
            return new SubscriptionForm("", "WEBHOOK", "", "", "", "", List.of("incident.opened", "incident.escalated"), "");
        }

        SubscriptionDraft toDraft() {
            NotificationChannel c;
            try {
                c = NotificationChannel.valueOf(channel);
            } catch (RuntimeException e) {
                throw InvalidInputException.ofField("channel", "choose WEBHOOK, SLACK, TEAMS or EMAIL");
            }
            Long team = null;
            if (teamId != null && !teamId.isBlank()) {
                try {
                    team = Long.valueOf(teamId.trim());
                } catch (NumberFormatException e) {
                    throw InvalidInputException.ofField("teamId", "choose a team");
                }
            }
            if (eventTypes == null || eventTypes.isEmpty()) {
                throw InvalidInputException.ofField("eventTypes", "choose at least one event");
            }
            return new SubscriptionDraft(name, c, c == NotificationChannel.EMAIL ? null : url, secret,
                    c == NotificationChannel.EMAIL ? personEmail : null, c == NotificationChannel.EMAIL ? team : null,
                    eventTypes, workflowKey);
        }
    }

    private final NotificationService notifications;
    private final WorkflowService workflows;
    private final TeamService teams;

    NotificationPageController(NotificationService notifications, WorkflowService workflows, TeamService teams) {
        this.notifications = notifications;
        this.workflows = workflows;
        this.teams = teams;
    }

    @GetMapping("/operations/notifications")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    String page(Model model) {
        return render(SubscriptionForm.blank(), null, model);
    }

    @PostMapping("/operations/notifications")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    String subscribe(@ModelAttribute SubscriptionForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            NotificationService.Created created = notifications.subscribe(typed.toDraft());
            if (created.secret() != null) {
                // Shown in this answer rather than through a redirect: a flash attribute would put
                // the secret into the session, which is kept in the database.
                model.addAttribute("flashMessage", "The subscription '" + created.subscription().name() + "' was created.");
                model.addAttribute("secret", created.secret());
                return render(SubscriptionForm.blank(), null, model);
            }
            redirect.addFlashAttribute("flashMessage", "The subscription '" + created.subscription().name() + "' was created.");
            return "redirect:/operations/notifications";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return render(typed, e, model);
        }
    }

    @PostMapping("/operations/notifications/{id}/test")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    String test(@PathVariable long id, RedirectAttributes redirect) {
        try {
            int queued = notifications.test(id);
            redirect.addFlashAttribute("flashMessage", "A test was queued (" + queued + " deliveries); see below in a few seconds.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/notifications";
    }

    @PostMapping("/operations/notifications/{id}/enabled")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            notifications.setEnabled(id, enabled);
            redirect.addFlashAttribute("flashMessage", enabled ? "Switched on." : "Switched off.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/notifications";
    }

    @PostMapping("/operations/notifications/{id}/delete")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            notifications.unsubscribe(id);
            redirect.addFlashAttribute("flashMessage", "The subscription was deleted.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/notifications";
    }

    @PostMapping("/operations/deliveries/{id}/replay")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    String replay(@PathVariable long id, RedirectAttributes redirect) {
        try {
            notifications.replay(id);
            redirect.addFlashAttribute("flashMessage", "The delivery is back in the outbox.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/notifications";
    }

    private String render(SubscriptionForm form, ProblemException problem, Model model) {
        model.addAttribute("subscriptions", notifications.subscriptions());
        model.addAttribute("dead", notifications.deliveries("DEAD", 100));
        model.addAttribute("deliveries", notifications.deliveries(null, 50));
        model.addAttribute("emailConfigured", notifications.emailConfigured());
        model.addAttribute("events", NotificationEvent.values());
        model.addAttribute("channels", NotificationChannel.values());
        model.addAttribute("workflows", workflows.find(null, null));
        model.addAttribute("teams", teams.findAll());
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "operations/notifications";
    }
}
