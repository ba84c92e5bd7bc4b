package dev.pitwall.operations.web;

import dev.pitwall.operations.Incident;
import dev.pitwall.operations.MyWork;
import dev.pitwall.operations.MyWorkService;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** "My work": what waits for the signed-in user, as a page and through the API. */
@Controller
@Tag(name = "Operations")
class MyWorkController {

    private final MyWorkService work;
    private final Clock clock;

    MyWorkController(MyWorkService work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    @GetMapping("/my-work")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String page(Model model) {
        MyWork mine = work.current();
        model.addAttribute("work", mine);
        model.addAttribute("clocks", mine.incidents().stream().collect(Collectors.toMap(Incident::id,
                i -> OperationsPageController.clock(i.acknowledgeBy(), clock.instant()))));
        model.addAttribute("today", java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        return "operations/my-work";
    }

    @GetMapping("/api/v1/me/work")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @ResponseBody
    @Operation(summary = "What waits for the signed-in user", description = "Incidents routed to them, drills of the "
            + "fallbacks they own due within 30 days or overdue, controls they own whose evidence expires within 30 days.")
    MyWork api() {
        return work.current();
    }
}
