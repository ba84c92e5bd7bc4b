package dev.pitwall.insight.web;

import dev.pitwall.insight.EffectService;
import dev.pitwall.insight.RedesignService;
import dev.pitwall.insight.SkillGapService;
import dev.pitwall.platform.csv.CsvExport;
import dev.pitwall.platform.security.Permission;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The Insight pages and their CSV exports. */
@Controller
class InsightPageController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final EffectService effects;
    private final RedesignService redesign;
    private final SkillGapService gaps;
    private final dev.pitwall.insight.ExpectationService expectations;
    private final dev.pitwall.portfolio.WorkflowService workflows;
    private final dev.pitwall.measurement.KpiService kpis;
    private final dev.pitwall.insight.MisalignedUseService misaligned;

    private final java.time.Clock clock;

    private final int minGroupSize;

    InsightPageController(java.time.Clock clock, dev.pitwall.insight.MisalignedUseService misaligned, EffectService effects, RedesignService redesign, SkillGapService gaps,
            dev.pitwall.insight.ExpectationService expectations, dev.pitwall.portfolio.WorkflowService workflows,
            dev.pitwall.measurement.KpiService kpis, dev.pitwall.platform.privacy.PrivacyProperties privacy) {
        this.minGroupSize = privacy.minGroupSize();
        this.clock = clock;
        this.misaligned = misaligned;
        this.expectations = expectations;
        this.workflows = workflows;
        this.kpis = kpis;
        this.effects = effects;
        this.redesign = redesign;
        this.gaps = gaps;
    }

    @GetMapping("/insight")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String effects(@RequestParam(required = false) LocalDate asOf, Model model) {
        var all = effects.all(asOf);
        model.addAttribute("effects", all);
        model.addAttribute("asOf", all.isEmpty() ? (asOf == null ? LocalDate.now(clock) : asOf) : all.get(0).asOf());
        model.addAttribute("method", EffectService.METHOD);
        return "insight/effects";
    }

    @GetMapping("/insight/redesign")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String redesign(Model model) {
        model.addAttribute("ranking", redesign.rank());
        return "insight/redesign";
    }

    @GetMapping("/insight/skill-gaps")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String skillGaps(@RequestParam(required = false) LocalDate asOf, Model model) {
        model.addAttribute("report", gaps.report(asOf));
        return "insight/skill-gaps";
    }

    @GetMapping("/insight/skills/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String skill(@PathVariable long id, @RequestParam(required = false) LocalDate asOf, Model model) {
        model.addAttribute("view", gaps.skill(id, asOf));
        return "insight/skill";
    }

    /** One row of the expectations page, computed here (templates do not call services). */
    record ExpectationRow(dev.pitwall.insight.Expectation expectation, dev.pitwall.insight.Verdict verdict,
            java.util.List<String[]> record) {
    }

    /** The form's fields, kept when it is refused. */
    record ExpectationForm(String workflow, String kpi, String expectedEffect, String horizonMonths, String note) {
    }

    @GetMapping("/insight/expectations")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String expectations(@RequestParam(required = false) String workflow, Model model) {
        return expectationsPage(new ExpectationForm(workflow, null, null, null, null), null, model);
    }

    @org.springframework.web.bind.annotation.PostMapping("/insight/expectations")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String recordExpectation(ExpectationForm form, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            java.math.BigDecimal effect;
            try {
                effect = form.expectedEffect() == null || form.expectedEffect().isBlank() ? null
                        : new java.math.BigDecimal(form.expectedEffect().trim().replace(",", ""));
            } catch (NumberFormatException e) {
                throw dev.pitwall.platform.web.InvalidInputException.ofField("expectedEffect", "a number, e.g. -500");
            }
            Integer horizon;
            try {
                horizon = form.horizonMonths() == null || form.horizonMonths().isBlank() ? null
                        : Integer.valueOf(form.horizonMonths().trim());
            } catch (NumberFormatException e) {
                throw dev.pitwall.platform.web.InvalidInputException.ofField("horizonMonths", "whole months, 1 to 36");
            }
            if (form.workflow() == null || form.workflow().isBlank()) {
                throw dev.pitwall.platform.web.InvalidInputException.ofField("workflow", "choose the workflow");
            }
            expectations.record(form.workflow(), new dev.pitwall.insight.ExpectationDraft(form.kpi(), effect, horizon,
                    form.note()));
            redirect.addFlashAttribute("flashMessage", "The expectation was recorded; the production gate will judge it.");
            return "redirect:/insight/expectations";
        } catch (dev.pitwall.platform.web.ProblemException e) {
            response.setStatus(e.status().value());
            return expectationsPage(form, e, model);
        }
    }

    private String expectationsPage(ExpectationForm form, dev.pitwall.platform.web.ProblemException problem, Model model) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        var rows = expectations.all().stream().map(e -> new ExpectationRow(e, expectations.verdict(e, null),
                expectations.record(e))).toList();
        var open = workflows.find(null, null).stream()
                .filter(w -> w.stage() == dev.pitwall.portfolio.WorkflowStage.IDEA
                        || w.stage() == dev.pitwall.portfolio.WorkflowStage.PILOT)
                .filter(w -> w.aiGoLive() == null || w.aiGoLive().isAfter(today))
                .sorted(java.util.Comparator.comparing(dev.pitwall.portfolio.Workflow::name)).toList();
        var outcomeKpis = open.stream().flatMap(w -> kpis.ofWorkflow(w.key()).stream()
                .filter(dev.pitwall.measurement.Kpi::isBusinessOutcome).map(dev.pitwall.measurement.Kpi::name))
                .distinct().sorted().toList();
        model.addAttribute("rows", rows);
        model.addAttribute("open", open);
        model.addAttribute("outcomeKpis", outcomeKpis);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "insight/expectations";
    }

    @GetMapping("/insight/misaligned")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    String misaligned(Model model) {
        model.addAttribute("report", misaligned.seenReport());
        model.addAttribute("minGroupSize", minGroupSize);
        return "insight/misaligned";
    }

    @org.springframework.web.bind.annotation.PostMapping("/insight/misaligned/rules")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    String acceptAsRule(@RequestParam String teamName, @RequestParam String systemKey, @RequestParam String workflowKey,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            misaligned.acceptAsRule(teamName, systemKey, workflowKey);
            redirect.addFlashAttribute("flashMessage", "An attribution rule now sends " + teamName + "'s use of " + systemKey
                    + " to " + workflowKey + ". Re-attribute past events on the attribution rules page.");
        } catch (dev.pitwall.platform.web.ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/insight/misaligned";
    }

    @org.springframework.web.bind.annotation.PostMapping("/insight/misaligned/intended-users")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String acceptAsIntendedUsers(@RequestParam String teamName, @RequestParam String workflowKey,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            misaligned.acceptAsIntendedUsers(teamName, workflowKey);
            redirect.addFlashAttribute("flashMessage", teamName + " are now intended users of " + workflowKey + ".");
        } catch (dev.pitwall.platform.web.ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/insight/misaligned";
    }

    @GetMapping("/insight/misaligned.csv")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    ResponseEntity<String> misalignedCsv() {
        var report = misaligned.seenReport();
        try (CsvExport file = CsvExport.create()) {
            file.row("team", "system", "people", "events", "probableWorkflow", "teamMembersIntended", "ruleExists", "from",
                    "asOf");
            for (var g : report.groups()) {
                file.row(g.teamName(), g.systemKey(), g.withheld() ? "fewer than " + minGroupSize : g.people(),
                        g.withheld() ? null : g.events(),
                        g.suggestion() == null ? null : g.suggestion().workflowKey(),
                        g.suggestion() == null ? null : g.suggestion().teamMembersIntended(),
                        g.suggestion() == null ? null : g.suggestion().ruleExists(), report.from(), report.asOf());
            }
            return csv("misaligned-use-" + report.asOf() + ".csv", file.text());
        }
    }

    @GetMapping("/insight/effects.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> effectsCsv(@RequestParam(required = false) LocalDate asOf) {
        var all = effects.all(asOf);
        try (CsvExport file = CsvExport.create()) {
            String currency = all.isEmpty() ? "" : all.get(0).currency();
            file.row("workflow", "kpi", "unit", "cadence", "periodsBefore", "periodsAfter", "effect", "effectLow",
                    "effectHigh", "money (" + currency + " per KPI period)", "moneyLow", "moneyHigh", "verdict",
                    "refusal", "asOf", "method");
            for (var w : all) {
                for (var k : w.kpis()) {
                    file.row(w.workflowKey(), k.kpiName(), k.unit(), k.cadence(), k.periodsBefore(), k.periodsAfter(),
                            k.effect() == null ? null : k.effect().estimate(), k.effect() == null ? null : k.effect().low(),
                            k.effect() == null ? null : k.effect().high(), k.money() == null ? null : k.money().estimate(),
                            k.money() == null ? null : k.money().low(), k.money() == null ? null : k.money().high(),
                            k.verdict(), k.refusal() == null ? w.refusal() : k.refusal(), w.asOf(),
                            "interrupted time series");
                    var t = k.teams();
                    if (t != null) {
                        file.row(w.workflowKey(), k.kpiName(), k.unit(), k.cadence(), null, null,
                                t.effect() == null ? null : t.effect().estimate(), t.effect() == null ? null : t.effect().low(),
                                t.effect() == null ? null : t.effect().high(), t.money() == null ? null : t.money().estimate(),
                                t.money() == null ? null : t.money().low(), t.money() == null ? null : t.money().high(),
                                t.verdict(), t.refusal(), w.asOf(), "difference-in-differences across " + t.teams()
                                        + " teams (" + t.teamsLive() + " live), per team");
                    }
                }
            }
            return csv("effects-" + (all.isEmpty() ? "" : all.get(0).asOf()) + ".csv", file.text());
        }
    }

    @GetMapping("/insight/redesign.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> redesignCsv() {
        var ranking = redesign.rank();
        try (CsvExport file = CsvExport.create()) {
            file.row("workflow", "stage", "potential (" + ranking.currency() + " per KPI period)", "friction",
                    "dataReadiness", "skillCoverage", "readiness", "score", "unranked", "asOf");
            for (var c : ranking.candidates()) {
                file.row(c.workflowKey(), c.stage(), c.potential(), c.friction().total(), c.dataReadiness(),
                        c.skillCoverage(), c.readiness(), c.score(), c.unranked(), ranking.asOf());
            }
            return csv("redesign-" + ranking.asOf() + ".csv", file.text());
        }
    }

    @GetMapping("/insight/skill-gaps.csv")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    ResponseEntity<String> skillGapsCsv(@RequestParam(required = false) LocalDate asOf) {
        var report = gaps.report(asOf);
        try (CsvExport file = CsvExport.create()) {
            file.row("workflow", "skill", "requiredLevel", "members", "below", "trainedShare",
                    "atStake (" + report.currency() + " per KPI period)", "perPersonToTrain", "fundNextRank", "asOf");
            for (var g : report.matrix()) {
                int rank = report.fundNext().indexOf(g);
                file.row(g.workflowKey(), g.skillName(), g.requiredLevel(), g.members(), g.below(), g.trainedShare(),
                        g.atStake(), g.perPersonToTrain(), rank < 0 ? null : rank + 1, report.asOf());
            }
            return csv("skill-gaps-" + report.asOf() + ".csv", file.text());
        }
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
