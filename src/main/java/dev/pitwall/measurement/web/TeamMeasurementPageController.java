package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.measurement.TeamGoLive;
import dev.pitwall.measurement.TeamMeasurement;
import dev.pitwall.measurement.TeamMeasurementService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workflow measured per team: the day AI went live for each team, and each KPI's values per team,
 * both entered as CSV text (pasted from a spreadsheet) and kept as typed when refused.
 */
@Controller
class TeamMeasurementPageController {

    /** Periods shown in the table of values, the latest ones. */
    private static final int PERIODS_SHOWN = 12;

    private final TeamMeasurementService teamMeasurements;
    private final KpiService kpis;
    private final WorkflowService workflows;

    TeamMeasurementPageController(TeamMeasurementService teamMeasurements, KpiService kpis, WorkflowService workflows) {
        this.teamMeasurements = teamMeasurements;
        this.kpis = kpis;
        this.workflows = workflows;
    }

    /** One team's row of the table: a value per period shown ("" when not measured). */
    record TeamRow(String team, List<String> values) {
    }

    @GetMapping("/scorecards/workflows/{key}/teams")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String page(@PathVariable String key, @RequestParam(required = false) Long kpiId, Model model) {
        return page(key, kpiId, null, null, null, model);
    }

    @PostMapping("/scorecards/workflows/{key}/team-go-lives")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    String goLives(@PathVariable String key, @RequestParam(required = false) String text, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            List<TeamGoLive> saved = teamMeasurements.importGoLivesCsv(key, text);
            redirect.addFlashAttribute("flashMessage", "Saved the go-live day of " + saved.size() + " teams.");
            return "redirect:/scorecards/workflows/" + key + "/teams";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(key, null, text, null, e, model);
        }
    }

    @PostMapping("/scorecards/workflows/{key}/team-measurements")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    String measurements(@PathVariable String key, @RequestParam long kpiId, @RequestParam(required = false) String text,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Kpi kpi = kpis.get(kpiId);
        if (!kpi.workflowKey().equals(key)) {
            redirect.addFlashAttribute("actionError", "That KPI belongs to another workflow.");
            return "redirect:/scorecards/workflows/" + key + "/teams";
        }
        try {
            TeamMeasurementService.Recorded recorded = teamMeasurements.importCsv(kpiId, text);
            redirect.addFlashAttribute("flashMessage", "Recorded " + recorded.rows() + " values of " + kpi.name() + " ("
                    + recorded.created() + " new, " + recorded.replaced() + " replaced).");
            return "redirect:/scorecards/workflows/" + key + "/teams?kpiId=" + kpiId;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return page(key, kpiId, null, text, e, model);
        }
    }

    private String page(String key, Long kpiId, String goLiveText, String measurementText, ProblemException problem,
            Model model) {
        Workflow workflow = workflows.get(key);
        List<Kpi> all = kpis.ofWorkflow(key);
        Kpi selected = all.stream().filter(k -> kpiId != null && k.id() == kpiId).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        List<TeamGoLive> goLives = teamMeasurements.goLives(key);
        StringBuilder current = new StringBuilder("team,live_on\n");
        goLives.forEach(g -> current.append(csvCell(g.team())).append(',').append(g.liveOn()).append('\n'));
        model.addAttribute("workflow", workflow);
        model.addAttribute("kpis", all);
        model.addAttribute("selected", selected);
        model.addAttribute("goLives", goLives);
        model.addAttribute("goLiveText", goLiveText != null ? goLiveText : current.toString());
        model.addAttribute("measurementText", measurementText != null ? measurementText : "team,period_end,value\n");
        model.addAttribute("problem", problem);
        model.addAttribute("problemForm", problem == null ? null : goLiveText != null ? "go-lives" : "measurements");
        List<TeamMeasurement> values = selected == null ? List.of() : teamMeasurements.find(selected.id(), null);
        TreeSet<LocalDate> periods = new TreeSet<>();
        values.forEach(v -> periods.add(v.periodEnd()));
        List<LocalDate> shown = new ArrayList<>(periods.descendingSet()).subList(0, Math.min(PERIODS_SHOWN, periods.size()));
        java.util.Collections.reverse(shown);
        Map<String, Map<LocalDate, String>> byTeam = new TreeMap<>();
        values.forEach(v -> byTeam.computeIfAbsent(v.teamName() == null ? "(team removed)" : v.teamName(),
                t -> new TreeMap<>()).put(v.periodEnd(), v.value().stripTrailingZeros().toPlainString()));
        List<TeamRow> rows = new ArrayList<>();
        byTeam.forEach((team, byPeriod) -> rows.add(new TeamRow(team, shown.stream()
                .map(p -> byPeriod.getOrDefault(p, "")).toList())));
        model.addAttribute("periods", shown);
        model.addAttribute("rows", rows);
        return "scorecards/teams";
    }

    private static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
