package dev.pitwall.board.web;

import dev.pitwall.board.BoardPack;
import dev.pitwall.board.BoardPackContent;
import dev.pitwall.board.BoardPackPeriod;
import dev.pitwall.board.BoardPackService;
import dev.pitwall.board.BoardSubscriptionService;
import dev.pitwall.board.SavedViewService;
import dev.pitwall.board.internal.PackChart;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The board pages: packs (make, read, download, verify, compare), subscriptions and saved views. */
@Controller
class BoardPageController {

    private final BoardPackService packs;
    private final BoardSubscriptionService subscriptions;
    private final SavedViewService views;
    private final Clock clock;

    BoardPageController(BoardPackService packs, BoardSubscriptionService subscriptions, SavedViewService views,
            Clock clock) {
        this.packs = packs;
        this.subscriptions = subscriptions;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/board")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String board(Model model) {
        return boardPage(null, null, null, model);
    }

    @PostMapping("/board/packs")
    @PreAuthorize(Permission.Checks.BOARD_PUBLISH)
    String generate(@RequestParam(required = false) String period, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            BoardPack pack = packs.generate(period);
            redirect.addFlashAttribute("flashMessage", "The board pack for " + pack.period() + " was made and stored.");
            return "redirect:/board/packs/" + pack.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return boardPage(e, period, "pack", model);
        }
    }

    @PostMapping("/board/subscriptions")
    @PreAuthorize(Permission.Checks.BOARD_PUBLISH)
    String subscribe(@RequestParam(required = false) String cadence, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            subscriptions.subscribe(cadence);
            redirect.addFlashAttribute("flashMessage", "You will receive the " + cadence.toLowerCase(java.util.Locale.ROOT)
                    + " board pack by email once each period ends.");
            return "redirect:/board#subscriptions";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return boardPage(e, cadence, "subscription", model);
        }
    }

    @PostMapping("/board/subscriptions/{id}/delete")
    @PreAuthorize(Permission.Checks.BOARD_PUBLISH)
    String unsubscribe(@PathVariable long id, RedirectAttributes redirect) {
        subscriptions.unsubscribe(id);
        redirect.addFlashAttribute("flashMessage", "The subscription was ended.");
        return "redirect:/board#subscriptions";
    }

    private String boardPage(ProblemException problem, String typed, String form, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("packs", packs.list());
        model.addAttribute("periods", BoardPackPeriod.recent(today, 12).stream().map(BoardPackPeriod::label).toList());
        model.addAttribute("defaultPeriod", BoardPackPeriod.latestEnded(BoardPackPeriod.Cadence.QUARTERLY, today).label());
        model.addAttribute("subscriptions", subscriptions.mine());
        model.addAttribute("emailConfigured", subscriptions.emailConfigured());
        model.addAttribute("views", views.mine());
        model.addAttribute("problem", problem);
        model.addAttribute("problemForm", form);
        model.addAttribute("typed", typed);
        return "board/board";
    }

    @GetMapping("/board/packs/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String pack(@PathVariable long id, Model model) {
        BoardPack pack = packs.get(id);
        model.addAttribute("pack", pack);
        model.addAttribute("charts", charts(pack.content()));
        return "board/pack";
    }

    @GetMapping("/board/packs/{id}/pdf")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return BoardPackApiController.pdfResponse(packs.get(id), packs.pdf(id));
    }

    @GetMapping("/board/packs/{id}/verification")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String verification(@PathVariable long id, Model model) {
        model.addAttribute("pack", packs.get(id));
        model.addAttribute("verification", packs.verify(id));
        return "board/verification";
    }

    @GetMapping("/board/compare")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String compare(@RequestParam long left, @RequestParam long right, Model model) {
        model.addAttribute("comparison", packs.compare(left, right));
        return "board/compare";
    }

    /** Each section's chart laid out, by section id. */
    private static Map<String, PackChart> charts(BoardPackContent content) {
        Map<String, PackChart> charts = new HashMap<>();
        for (BoardPackContent.Section s : content.sections()) {
            PackChart chart = PackChart.of(s.chart(), content);
            if (chart != null) {
                charts.put(s.id(), chart);
            }
        }
        return charts;
    }

}
