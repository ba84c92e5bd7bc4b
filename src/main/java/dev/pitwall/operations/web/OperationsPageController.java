package dev.pitwall.operations.web;

import dev.pitwall.operations.Incident;
import dev.pitwall.operations.IncidentService;
import dev.pitwall.operations.Monitor;
import dev.pitwall.operations.MonitorService;
import dev.pitwall.operations.MonitorSignal;
import dev.pitwall.operations.MonitorState;
import dev.pitwall.operations.NewIncident;
import dev.pitwall.operations.Severity;
import dev.pitwall.operations.SignalCategory;
import dev.pitwall.operations.ThresholdComparator;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Operations pages: the overview (open incidents with their acknowledgement clocks, monitors
 * firing), an incident with its timeline and the actions on it, opening an incident by hand, and the
 * monitors with their editor. Refused forms come back with what was typed.
 */
@Controller
class OperationsPageController {

    /** The typed fields of an incident opened by hand. */
    record IncidentForm(String title, String description, String severity, String target, String category) {

        static IncidentForm blank(String target) {
            return new IncidentForm("", "", "SEV3", target == null ? "" : target, "QUALITY");
        }

        NewIncident toRequest() {
            String workflow = target != null && target.startsWith("workflow:") ? target.substring(9) : null;
            String system = target != null && target.startsWith("system:") ? target.substring(7) : null;
            Severity sev;
            SignalCategory cat;
            try {
                sev = Severity.valueOf(severity);
            } catch (RuntimeException e) {
                throw InvalidInputException.ofField("severity", "choose SEV1 to SEV4");
            }
            try {
                cat = SignalCategory.valueOf(category);
            } catch (RuntimeException e) {
                throw InvalidInputException.ofField("category", "choose a category");
            }
            return new NewIncident(title, description, sev, workflow, system, cat);
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final MonitorService monitors;
    private final IncidentService incidents;
    private final WorkflowService workflows;
    private final AiSystemService systems;
    private final dev.pitwall.operations.FallbackService fallbacks;
    private final dev.pitwall.operations.OperatingReviewService reviews;
    private final Clock clock;

    OperationsPageController(MonitorService monitors, IncidentService incidents, WorkflowService workflows,
            AiSystemService systems, dev.pitwall.operations.FallbackService fallbacks,
            dev.pitwall.operations.OperatingReviewService reviews, Clock clock) {
        this.reviews = reviews;
        this.fallbacks = fallbacks;
        this.monitors = monitors;
        this.incidents = incidents;
        this.workflows = workflows;
        this.systems = systems;
        this.clock = clock;
    }

    @GetMapping("/operations")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String overview(Model model) {
        List<Monitor> all = monitors.findAll();
        List<Incident> open = incidents.find(true, null, 500);
        Instant now = clock.instant();
        model.addAttribute("incidents", open);
        model.addAttribute("clocks", open.stream().collect(Collectors.toMap(Incident::id,
                i -> clock(i.acknowledgeBy(), now))));
        model.addAttribute("bySeverity", incidents.openBySeverity());
        model.addAttribute("firing", all.stream().filter(m -> m.enabled() && m.state() == MonitorState.FIRING).toList());
        model.addAttribute("states", all.stream().filter(Monitor::enabled)
                .collect(Collectors.groupingBy(Monitor::state, () -> new java.util.EnumMap<>(MonitorState.class),
                        Collectors.counting())));
        model.addAttribute("drills", fallbacks.schedule());
        java.time.LocalDate soon = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(14);
        model.addAttribute("reviewsDue", reviews.schedule().stream().filter(s -> !s.dueOn().isAfter(soon)).toList());
        model.addAttribute("recent", incidents.find(false, null, 20).stream()
                .filter(i -> !i.status().isOpen()).toList());
        return "operations/overview";
    }

    @GetMapping("/operations/incidents/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String incident(@PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.get(id));
        model.addAttribute("timeline", incidents.timeline(id));
        Incident shown = incidents.get(id);
        model.addAttribute("ackClock", clock(shown.acknowledgeBy(), clock.instant()));
        model.addAttribute("reportClock", clock(shown.reportDueAt(), clock.instant()));
        model.addAttribute("seriousKinds", dev.pitwall.operations.SeriousIncidentKind.values());
        return "operations/incident";
    }

    @PostMapping("/operations/incidents/{id}/{action:acknowledge|escalate|mitigate|resolve|comment}")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        Supplier<Incident> run = switch (action) {
            case "acknowledge" -> () -> incidents.acknowledge(id);
            case "escalate" -> () -> incidents.escalate(id, note);
            case "mitigate" -> () -> incidents.mitigate(id, note);
            case "resolve" -> () -> incidents.resolve(id, note);
            default -> () -> incidents.comment(id, note);
        };
        try {
            Incident after = run.get();
            redirect.addFlashAttribute("flashMessage", switch (action) {
                case "acknowledge" -> "You acknowledged the incident.";
                case "escalate" -> "The incident was escalated" + (after.assigneeName() == null ? "."
                        : " to " + after.assigneeName() + " (" + after.assigneeRight() + ").");
                case "mitigate" -> "The incident is mitigated.";
                case "resolve" -> "The incident is resolved.";
                default -> "Your comment was added.";
            });
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
            redirect.addFlashAttribute("typedNote", note);
        }
        return "redirect:/operations/incidents/" + id;
    }

    @PostMapping("/operations/incidents/{id}/serious")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    String serious(@PathVariable long id, @RequestParam(required = false) String kind, RedirectAttributes redirect) {
        try {
            dev.pitwall.operations.SeriousIncidentKind chosen;
            try {
                chosen = dev.pitwall.operations.SeriousIncidentKind.valueOf(kind);
            } catch (RuntimeException e) {
                throw InvalidInputException.ofField("kind", "choose the kind of serious incident");
            }
            Incident after = incidents.markSerious(id, chosen);
            redirect.addFlashAttribute("flashMessage", "Marked a serious incident: report it by "
                    + after.reportDueAt() + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/incidents/" + id;
    }

    @PostMapping("/operations/incidents/{id}/reported")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    String reported(@PathVariable long id, @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        try {
            incidents.markReported(id, reference);
            redirect.addFlashAttribute("flashMessage", "Recorded as reported to the market surveillance authority.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/incidents/" + id;
    }

    /** The printable Art. 73 report of a serious incident. */
    @GetMapping("/operations/incidents/{id}/report")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String report(@PathVariable long id, Model model) {
        Incident incident = incidents.get(id);
        model.addAttribute("incident", incident);
        model.addAttribute("timeline", incidents.timeline(id));
        model.addAttribute("details", incident.workflowKey() == null ? null : workflows.details(incident.workflowKey()));
        model.addAttribute("reportClock", clock(incident.reportDueAt(), clock.instant()));
        model.addAttribute("generatedAt", clock.instant());
        return "operations/incident-report";
    }

    @GetMapping("/operations/incidents/new")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    String newIncident(@RequestParam(required = false) String target, Model model) {
        return incidentForm(IncidentForm.blank(target), null, model);
    }

    @PostMapping("/operations/incidents")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    String openIncident(@ModelAttribute IncidentForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Incident created = incidents.open(typed.toRequest());
            redirect.addFlashAttribute("flashMessage", "Incident opened" + (created.assigneeName() == null
                    ? "; nobody on its route holds a right, see the timeline."
                    : " and routed to " + created.assigneeName() + " (" + created.assigneeRight() + ")."));
            return "redirect:/operations/incidents/" + created.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return incidentForm(typed, e, model);
        }
    }

    @GetMapping("/operations/monitors")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String monitorList(Model model) {
        model.addAttribute("monitors", monitors.findAll());
        return "operations/monitors";
    }

    @GetMapping("/operations/monitors/new")
    @PreAuthorize(Permission.Checks.MONITORS_MANAGE)
    String newMonitor(@RequestParam(required = false) String target, Model model) {
        return monitorForm(null, MonitorForm.blank(target), null, model);
    }

    @PostMapping("/operations/monitors")
    @PreAuthorize(Permission.Checks.MONITORS_MANAGE)
    String createMonitor(@ModelAttribute MonitorForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Monitor created = monitors.create(typed.toDraft());
            redirect.addFlashAttribute("flashMessage", "Monitor '" + created.name() + "' was created; the next round evaluates it.");
            return "redirect:/operations/monitors/" + created.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return monitorForm(null, typed, e, model);
        }
    }

    @GetMapping("/operations/monitors/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String monitor(@PathVariable long id, Model model) {
        Monitor monitor = monitors.get(id);
        return monitorForm(monitor, MonitorForm.of(monitor), null, model);
    }

    @PostMapping("/operations/monitors/{id}")
    @PreAuthorize(Permission.Checks.MONITORS_MANAGE)
    String updateMonitor(@PathVariable long id, @ModelAttribute MonitorForm typed, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Monitor monitor = monitors.get(id);
        try {
            Monitor changed = monitors.update(id, typed.toDraft());
            redirect.addFlashAttribute("flashMessage", "Monitor '" + changed.name() + "' was saved.");
            return "redirect:/operations/monitors/" + id;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return monitorForm(monitor, typed, e, model);
        }
    }

    @PostMapping("/operations/monitors/{id}/delete")
    @PreAuthorize(Permission.Checks.MONITORS_MANAGE)
    String deleteMonitor(@PathVariable long id, RedirectAttributes redirect) {
        Monitor monitor = monitors.get(id);
        monitors.delete(id);
        redirect.addFlashAttribute("flashMessage", "Monitor '" + monitor.name() + "' was deleted; its incidents stay.");
        return "redirect:/operations/monitors";
    }

    private String monitorForm(Monitor monitor, MonitorForm typed, ProblemException problem, Model model) {
        model.addAttribute("monitor", monitor);
        model.addAttribute("form", typed);
        model.addAttribute("problem", problem);
        model.addAttribute("targets", targets());
        model.addAttribute("signals", MonitorSignal.values());
        model.addAttribute("comparators", ThresholdComparator.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("transitions", monitor == null ? List.of() : monitors.transitions(monitor.id()));
        var history = monitor == null ? null : monitors.history(monitor.id());
        model.addAttribute("history", history);
        model.addAttribute("historyJson", history == null ? null : JSON.writeValueAsString(history));
        return "operations/monitor";
    }

    private String incidentForm(IncidentForm typed, ProblemException problem, Model model) {
        model.addAttribute("form", typed);
        model.addAttribute("problem", problem);
        model.addAttribute("targets", targets());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", SignalCategory.values());
        return "operations/incident-form";
    }

    /** Workflows and AI systems as the target choices: value → label. */
    private Map<String, String> targets() {
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        workflows.find(null, null).stream().sorted(java.util.Comparator.comparing(w -> w.name()))
                .forEach(w -> targets.put("workflow:" + w.key(), "Workflow: " + w.name()));
        systems.findAll().stream().sorted(java.util.Comparator.comparing(s -> s.name()))
                .forEach(s -> targets.put("system:" + s.key(), "AI system: " + s.name()));
        return targets;
    }

    /** "due in 42 min", "overdue by 5 min" for an acknowledgement deadline. */
    static String clock(Instant due, Instant now) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(now, due);
        String amount = human(left.abs());
        return left.isNegative() ? "overdue by " + amount : "due in " + amount;
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " d";
    }
}
