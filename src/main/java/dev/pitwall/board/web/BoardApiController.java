package dev.pitwall.board.web;

import dev.pitwall.board.BoardSubscription;
import dev.pitwall.board.BoardSubscriptionService;
import dev.pitwall.board.SavedView;
import dev.pitwall.board.SavedViewService;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Saved scorecard views and board pack subscriptions of the signed-in user. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Board packs", description = "Reproducible, verifiable board packs for a month or a quarter")
class BoardApiController {

    private final SavedViewService views;
    private final BoardSubscriptionService subscriptions;

    BoardApiController(SavedViewService views, BoardSubscriptionService subscriptions) {
        this.views = views;
        this.subscriptions = subscriptions;
    }

    /** @param query the scorecard's filters, e.g. {@code stage=PRODUCTION&constraint=WORKFORCE} */
    record NewView(String name, String path, String query) {
    }

    record NewSubscription(String cadence) {
    }

    @GetMapping("/saved-views")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The signed-in user's saved scorecard views")
    List<SavedView> views() {
        return views.mine();
    }

    @PostMapping("/saved-views")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Save a scorecard view", description = "{\"name\":\"Workforce-bound production\",\"path\":"
            + "\"/scorecards\",\"query\":\"stage=PRODUCTION&constraint=WORKFORCE\"}: anyone who may read scorecards "
            + "opens it at /board/views/{id}.")
    ResponseEntity<SavedView> save(@RequestBody NewView view) {
        SavedView saved = views.save(view == null ? null : view.name(), view == null ? null : view.path(),
                view == null ? null : view.query());
        return ResponseEntity.created(URI.create("/api/v1/saved-views/" + saved.id())).body(saved);
    }

    @GetMapping("/saved-views/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "One saved view, by its link")
    SavedView view(@PathVariable long id) {
        return views.get(id);
    }

    @DeleteMapping("/saved-views/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Delete a saved view (its owner, or an administrator)")
    ResponseEntity<Void> deleteView(@PathVariable long id) {
        views.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/board-pack-subscriptions")
    @PreAuthorize(Permission.Checks.BOARD_PUBLISH)
    @Operation(summary = "The signed-in user's board pack subscriptions")
    List<BoardSubscription> subscriptions() {
        return subscriptions.mine();
    }

    @PostMapping("/board-pack-subscriptions")
    @PreAuthorize(Permission.Checks.BOARD_PUBLISH)
    @Operation(summary = "Receive the monthly or quarterly pack by email", description = "{\"cadence\":\"QUARTERLY\"}: "
            + "sent to the account's email address once each period ends; needs email configured (spring.mail.host).")
    ResponseEntity<BoardSubscription> subscribe(@RequestBody NewSubscription request) {
        BoardSubscription s = subscriptions.subscribe(request == null ? null : request.cadence());
        return ResponseEntity.created(URI.create("/api/v1/board-pack-subscriptions/" + s.id())).body(s);
    }

    @DeleteMapping("/board-pack-subscriptions/{id}")
    @PreAuthorize(Permission.Checks.BOARD_PUBLISH)
    @Operation(summary = "End a subscription")
    ResponseEntity<Void> unsubscribe(@PathVariable long id) {
        subscriptions.unsubscribe(id);
        return ResponseEntity.noContent().build();
    }
}
