package dev.pitwall.board.web;

import dev.pitwall.board.SavedView;
import dev.pitwall.board.SavedViewService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saving a scorecard view from its page, and opening a view by its link (a redirect to the page
 * with its filters, so the address a view opens is always the scorecard's own).
 */
@Controller
class SavedViewController {

    private final SavedViewService views;

    SavedViewController(SavedViewService views) {
        this.views = views;
    }

    @PostMapping("/board/views")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String save(@RequestParam(required = false) String name, @RequestParam(required = false) String path,
            @RequestParam(required = false) String query, RedirectAttributes redirect) {
        String back = back(path, query);
        try {
            SavedView view = views.save(name, path, query);
            redirect.addFlashAttribute("flashMessage", "The view '" + view.name() + "' was saved. Its link: /board/views/"
                    + view.id());
        } catch (ProblemException e) {
            // The scorecard page shows the refusal and keeps the typed name in its form.
            redirect.addFlashAttribute("viewErrors", e.violations().isEmpty() ? java.util.List.of(e.getMessage())
                    : e.violations().stream().map(v -> v.field() + " " + v.reason()).toList());
            redirect.addFlashAttribute("viewName", name);
        }
        return "redirect:" + back;
    }

    /** Back to the page the view was saved from, or the scorecards when that is not a scorecard page. */
    private static String back(String path, String query) {
        if (path == null || !path.matches("/scorecards(/[A-Za-z0-9._-]+){0,2}")) {
            return "/scorecards";
        }
        List<dev.pitwall.platform.web.Violation> ignored = new java.util.ArrayList<>();
        String canonical = SavedViewService.canonicalQuery(query, ignored);
        return ignored.isEmpty() && !canonical.isEmpty() ? path + "?" + canonical : path;
    }

    @GetMapping("/board/views/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<Void> open(@PathVariable long id) {
        SavedView view = views.get(id);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(UriComponentsBuilder.fromPath(view.path()).query(view.query()).build(true).toUri()).build();
    }

    @PostMapping("/board/views/{id}/delete")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        SavedView view = views.delete(id);
        redirect.addFlashAttribute("flashMessage", "The view '" + view.name() + "' was deleted.");
        return "redirect:/board#views";
    }
}
