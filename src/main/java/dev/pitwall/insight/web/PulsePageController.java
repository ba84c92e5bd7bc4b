package dev.pitwall.insight.web;

import dev.pitwall.insight.ConfidenceDivide;
import dev.pitwall.insight.Pulse;
import dev.pitwall.insight.PulseDraft;
import dev.pitwall.insight.PulsePopulation;
import dev.pitwall.insight.PulseResults;
import dev.pitwall.insight.PulseService;
import dev.pitwall.insight.PulseTemplate;
import dev.pitwall.people.Level;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.csv.CsvExport;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The pulse pages: the confidence divide, sending a pulse, its results, links, and answering in the app. */
@Controller
class PulsePageController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final PulseService pulses;
    private final TeamService teams;
    private final WorkflowService workflows;
    private final Clock clock;

    PulsePageController(PulseService pulses, TeamService teams, WorkflowService workflows, Clock clock) {
        this.pulses = pulses;
        this.teams = teams;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** What was typed into the form to send a pulse; kept when it is refused. */
    record PulseForm(String title, String template, String closesOn, List<String> teams, List<String> levels,
            List<String> tiers, String workflow) {

        PulseForm {
            teams = teams == null ? List.of() : teams;
            levels = levels == null ? List.of() : levels;
            tiers = tiers == null ? List.of() : tiers;
        }
    }

    /** One pulse in the list, with what the page shows of it computed here. */
    record PulseRow(Pulse pulse, boolean open, long responsePercent) {
    }

    /** One row of the divide's trend: each level's share as text ("62 % of 40", or withheld). */
    record DivideRow(ConfidenceDivide.Point point, List<String> cells) {
    }

    @GetMapping("/insight/pulses")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String pulses(Model model) {
        LocalDate in = LocalDate.now(clock).plusDays(14);
        return pulsesPage(new PulseForm(null, PulseTemplate.AI_OPERATING_PULSE.name(), in.toString(), null, null, null,
                null), null, model);
    }

    @PostMapping("/insight/pulses")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String send(PulseForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            PulseTemplate template = parseTemplate(form.template());
            LocalDate closesOn = parseDate(form.closesOn());
            Pulse pulse = pulses.create(new PulseDraft(form.title(), template, new PulsePopulation(form.teams(),
                    form.levels(), form.tiers(), form.workflow()), closesOn));
            redirect.addFlashAttribute("flashMessage", "The pulse was sent to " + pulse.invited()
                    + " people. Issue their one-time links below, or let them answer in Pitwall.");
            return "redirect:/insight/pulses/" + pulse.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return pulsesPage(form, e, model);
        }
    }

    private static PulseTemplate parseTemplate(String value) {
        try {
            return value == null || value.isBlank() ? null : PulseTemplate.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.ofField("template", "one of " + Arrays.toString(PulseTemplate.values()));
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.ofField("closesOn", "a date, e.g. 2026-12-14");
        }
    }

    private String pulsesPage(PulseForm form, ProblemException problem, Model model) {
        LocalDate today = LocalDate.now(clock);
        ConfidenceDivide divide = pulses.divide();
        model.addAttribute("waiting", pulses.waitingForSignedInPerson());
        model.addAttribute("divide", divide);
        model.addAttribute("divideRows", divideRows(divide));
        model.addAttribute("levels", Arrays.stream(Level.values()).map(Enum::name).toList());
        model.addAttribute("tiers", Arrays.stream(Tier.values()).map(Enum::name).toList());
        model.addAttribute("rows", pulses.all().stream().map(p -> new PulseRow(p, p.openOn(today),
                Math.round(100 * p.responseRate()))).toList());
        model.addAttribute("templates", PulseTemplate.values());
        model.addAttribute("teamNames", teams.findAll().stream().map(Team::name).sorted().toList());
        model.addAttribute("workflowKeys", workflows.find(null, null).stream().map(Workflow::key).sorted().toList());
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("minGroupSize", pulses.minGroupSize());
        return "insight/pulses";
    }

    private static List<DivideRow> divideRows(ConfidenceDivide divide) {
        return divide.pulses().stream().map(point -> new DivideRow(point, Arrays.stream(Level.values()).map(level ->
                point.levels().stream().filter(s -> s.level().equals(level.name())).findFirst()
                        .map(s -> s.agreeingShare() == null ? "withheld"
                                : Math.round(100 * s.agreeingShare()) + " % of " + s.answers())
                        .orElse("no answers")).toList())).toList();
    }

    @GetMapping("/insight/pulses/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String pulse(@PathVariable long id, Model model) {
        PulseResults results = pulses.results(id);
        model.addAttribute("results", results);
        model.addAttribute("open", results.pulse().openOn(LocalDate.now(clock)));
        model.addAttribute("questions", results.pulse().template().questions());
        return "insight/pulse";
    }

    @PostMapping("/insight/pulses/{id}/links")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    Object links(@PathVariable long id, RedirectAttributes redirect) {
        try {
            var links = pulses.issueLinks(id);
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/pulse/").toUriString();
            try (CsvExport file = CsvExport.create()) {
                file.row("name", "email", "link");
                links.forEach(l -> file.row(l.name(), l.email(), base + l.token()));
                return csv("pulse-" + id + "-links.csv", file.text());
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
            return "redirect:/insight/pulses/" + id;
        }
    }

    @PostMapping("/insight/pulses/{id}/close")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String close(@PathVariable long id, RedirectAttributes redirect) {
        pulses.close(id);
        redirect.addFlashAttribute("flashMessage", "The pulse is closed: it takes no more answers, and its results are shown.");
        return "redirect:/insight/pulses/" + id;
    }

    @GetMapping("/insight/pulses/{id}/answer")
    @PreAuthorize("isAuthenticated()")
    String answerForm(@PathVariable long id, Model model) {
        return answerPage(pulses.get(id), Map.of(), null, model);
    }

    @PostMapping("/insight/pulses/{id}/answer")
    @PreAuthorize("isAuthenticated()")
    String answer(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Pulse pulse = pulses.get(id);
        Map<String, String> values = PulseAnswers.fields(params);
        try {
            pulses.answerAsSignedInPerson(id, values);
            redirect.addFlashAttribute("flashMessage", "Thank you: your answer to '" + pulse.title()
                    + "' was recorded without your name.");
            return "redirect:/insight/pulses";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return answerPage(pulse, values, e, model);
        }
    }

    private String answerPage(Pulse pulse, Map<String, String> values, ProblemException problem, Model model) {
        model.addAttribute("pulse", pulse);
        model.addAttribute("questions", pulse.template().questions());
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        model.addAttribute("action", "/insight/pulses/" + pulse.id() + "/answer");
        return "insight/pulse-answer";
    }

    @GetMapping("/insight/pulses/{id}/results.csv")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    ResponseEntity<String> resultsCsv(@PathVariable long id) {
        PulseResults results = pulses.results(id);
        try (CsvExport file = CsvExport.create()) {
            file.row("pulse", "dimension", "group", "answers", "withheld", "question", "statement", "measure", "value",
                    "minGroupSize");
            if (!results.shown()) {
                file.row(results.pulse().title(), null, null, null, true, null, results.reason(), null, null,
                        results.minGroupSize());
            } else {
                writeGroup(file, results, "all", results.total());
                results.breakdowns().forEach(b -> b.groups().forEach(g -> writeGroup(file, results, b.dimension(), g)));
            }
            return csv("pulse-" + id + "-results.csv", file.text());
        }
    }

    private static void writeGroup(CsvExport file, PulseResults results, String dimension, PulseResults.Group group) {
        if (group.suppressed()) {
            file.row(results.pulse().title(), dimension, group.name(), null, true, null, null, null, null,
                    results.minGroupSize());
            return;
        }
        group.figures().forEach(f -> file.row(results.pulse().title(), dimension, group.name(), group.answers(), false,
                f.question(), f.statement(), f.measure(), f.value(), results.minGroupSize()));
    }

    @GetMapping("/insight/confidence-divide.csv")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    ResponseEntity<String> divideCsv() {
        ConfidenceDivide divide = pulses.divide();
        try (CsvExport file = CsvExport.create()) {
            file.row("pulse", "endedOn", "level", "answers", "agreeingShare", "withheld", "divideExecutivesMinusManagersPoints",
                    "minGroupSize");
            for (ConfidenceDivide.Point point : divide.pulses()) {
                for (ConfidenceDivide.LevelShare share : point.levels()) {
                    file.row(point.title(), point.endedOn(), share.level(), share.answers(), share.agreeingShare(),
                            share.agreeingShare() == null, point.divide(), divide.minGroupSize());
                }
            }
            return csv("confidence-divide.csv", file.text());
        }
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
