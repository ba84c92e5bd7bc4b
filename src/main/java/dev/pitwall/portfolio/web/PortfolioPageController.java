package dev.pitwall.portfolio.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.portfolio.DecisionRightsService;
import dev.pitwall.portfolio.PortfolioOverview;
import dev.pitwall.portfolio.StageService;
import dev.pitwall.portfolio.WorkflowStage;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The portfolio overview, the decision-rights heatmap and the list of waivers. */
@Controller
@PreAuthorize(Permission.Checks.PORTFOLIO_READ)
class PortfolioPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PortfolioOverview overview;
    private final DecisionRightsService rights;
    private final StageService stages;
    private final java.time.Clock clock;

    PortfolioPageController(PortfolioOverview overview, DecisionRightsService rights, StageService stages,
            java.time.Clock clock) {
        this.clock = clock;
        this.overview = overview;
        this.rights = rights;
        this.stages = stages;
    }

    @GetMapping("/portfolio")
    String overview(@RequestParam(required = false) WorkflowStage stage, Model model) {
        model.addAttribute("initiatives", overview.initiatives());
        model.addAttribute("workflows", overview.workflows(stage, null));
        model.addAttribute("stage", stage);
        model.addAttribute("stages", WorkflowStage.values());
        return "portfolio/overview";
    }

    @GetMapping("/portfolio/decision-rights")
    String heatmap(Model model) {
        DecisionRightsService.Matrix matrix = rights.matrix();
        model.addAttribute("matrix", matrix);
        model.addAttribute("chart", JSON.writeValueAsString(chart(matrix)));
        return "portfolio/decision-rights";
    }

    @GetMapping("/portfolio/waivers")
    String waivers(Model model) {
        model.addAttribute("waivers", stages.allWaivers());
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "portfolio/waivers";
    }

    /** The heatmap's data: 0 held, 1 held by someone inactive, 2 held by nobody. */
    private static Map<String, Object> chart(DecisionRightsService.Matrix matrix) {
        List<String> workflows = matrix.rows().stream().map(DecisionRightsService.Row::workflowName).toList();
        List<String> keys = matrix.rows().stream().map(DecisionRightsService.Row::workflowKey).toList();
        List<String> rights = matrix.rights().stream().map(Enum::name).toList();
        java.util.ArrayList<List<Object>> cells = new java.util.ArrayList<>();
        for (int y = 0; y < matrix.rows().size(); y++) {
            var row = matrix.rows().get(y);
            for (int x = 0; x < row.rights().size(); x++) {
                var holding = row.rights().get(x);
                int value = switch (holding.status()) {
                    case HELD -> 0;
                    case HOLDER_INACTIVE -> 1;
                    case UNHELD -> 2;
                };
                cells.add(List.of(x, y, value, holding.holderName()));
            }
        }
        return Map.of("workflows", workflows, "keys", keys, "rights", rights, "cells", cells);
    }
}
