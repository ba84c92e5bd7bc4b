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

    InsightPageController(EffectService effects, RedesignService redesign, SkillGapService gaps) {
        this.effects = effects;
        this.redesign = redesign;
        this.gaps = gaps;
    }

    @GetMapping("/insight")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String effects(@RequestParam(required = false) LocalDate asOf, Model model) {
        var all = effects.all(asOf);
        model.addAttribute("effects", all);
        model.addAttribute("asOf", all.isEmpty() ? (asOf == null ? LocalDate.now() : asOf) : all.get(0).asOf());
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

    @GetMapping("/insight/effects.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> effectsCsv(@RequestParam(required = false) LocalDate asOf) {
        var all = effects.all(asOf);
        try (CsvExport file = CsvExport.create()) {
            String currency = all.isEmpty() ? "" : all.get(0).currency();
            file.row("workflow", "kpi", "unit", "cadence", "periodsBefore", "periodsAfter", "effect", "effectLow",
                    "effectHigh", "money (" + currency + " per KPI period)", "moneyLow", "moneyHigh", "verdict",
                    "refusal", "asOf");
            for (var w : all) {
                for (var k : w.kpis()) {
                    file.row(w.workflowKey(), k.kpiName(), k.unit(), k.cadence(), k.periodsBefore(), k.periodsAfter(),
                            k.effect() == null ? null : k.effect().estimate(), k.effect() == null ? null : k.effect().low(),
                            k.effect() == null ? null : k.effect().high(), k.money() == null ? null : k.money().estimate(),
                            k.money() == null ? null : k.money().low(), k.money() == null ? null : k.money().high(),
                            k.verdict(), k.refusal() == null ? w.refusal() : k.refusal(), w.asOf());
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
