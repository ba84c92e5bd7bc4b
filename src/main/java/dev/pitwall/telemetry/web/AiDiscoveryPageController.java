package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.telemetry.discovery.AiDiscovery;
import dev.pitwall.telemetry.discovery.ProxyLogFormat;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Shadow AI discovery: what proxy logs show of AI services, and what the organization decided about them. */
@Controller
class AiDiscoveryPageController {

    private final AiDiscovery discovery;
    private final IngestionLimiter limiter;
    private final Clock clock;

    AiDiscoveryPageController(AiDiscovery discovery, IngestionLimiter limiter, Clock clock) {
        this.discovery = discovery;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GetMapping("/telemetry/discovery")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    String page(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(AiDiscoveryApiController.DEFAULT_DAYS - 1L);
        try {
            model.addAttribute("report", discovery.report(start, end));
        } catch (ProblemException e) {
            model.addAttribute("rangeError", e.describe());
            end = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            start = end.minusDays(AiDiscoveryApiController.DEFAULT_DAYS - 1L);
            model.addAttribute("report", discovery.report(start, end));
        }
        model.addAttribute("from", from != null ? from : start);
        model.addAttribute("to", to != null ? to : end);
        model.addAttribute("formats", ProxyLogFormat.values());
        if (!model.containsAttribute("importFormat")) {
            model.addAttribute("importFormat", "SQUID");
        }
        return "telemetry/discovery";
    }

    @PostMapping("/telemetry/discovery/import")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    String importLog(@RequestParam(required = false) String format, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        redirect.addFlashAttribute("importFormat", format);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importError", "Choose a log file to import.");
            return "redirect:/telemetry/discovery#import";
        }
        try {
            byte[] body = file.getBytes();
            AiDiscovery.ImportResult result = limiter.run(() -> discovery.importLog(
                    AiDiscoveryApiController.format(format), body, PitwallPrincipal.currentActorName()));
            redirect.addFlashAttribute("flashMessage", "Imported " + result.lines() + " requests of "
                    + file.getOriginalFilename() + ": " + result.aiRequests() + " to AI services (" + result.stored()
                    + " new, " + result.duplicates() + " imported before), " + result.otherRequests()
                    + " to other hosts (not kept).");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("importError", e.violations().isEmpty() ? e.getMessage()
                    : e.getMessage() + " " + e.violations().stream().limit(10).map(AiDiscoveryPageController::describe)
                            .collect(Collectors.joining("; ")));
        }
        return "redirect:/telemetry/discovery#import";
    }

    @PostMapping("/telemetry/discovery/services/{key}/register")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String register(@PathVariable String key, @RequestParam(required = false) String systemKey,
            @RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            AiSystem system = discovery.register(key, systemKey, name);
            redirect.addFlashAttribute("flashMessage", "Registered '" + system.name() + "' as the AI system '"
                    + system.key() + "': its use in proxy logs imported from now on is its usage.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("serviceError", key);
            redirect.addFlashAttribute("serviceErrorText", e.describe());
            redirect.addFlashAttribute("registerSystemKey", systemKey);
            redirect.addFlashAttribute("registerName", name);
        }
        return "redirect:/telemetry/discovery#service-" + key;
    }

    @PostMapping("/telemetry/discovery/services/{key}/block")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    String block(@PathVariable String key, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            discovery.block(key, note, PitwallPrincipal.currentActorName());
            redirect.addFlashAttribute("flashMessage", "Marked '" + key + "' as blocked: its use from now on is a "
                    + "governance finding.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("serviceError", key);
            redirect.addFlashAttribute("serviceErrorText", e.describe());
            redirect.addFlashAttribute("blockNote", note);
        }
        return "redirect:/telemetry/discovery#service-" + key;
    }

    @PostMapping("/telemetry/discovery/services/{key}/unblock")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    String unblock(@PathVariable String key, RedirectAttributes redirect) {
        try {
            discovery.unblock(key);
            redirect.addFlashAttribute("flashMessage", "Lifted the block of '" + key + "'.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("serviceError", key);
            redirect.addFlashAttribute("serviceErrorText", e.describe());
        }
        return "redirect:/telemetry/discovery#service-" + key;
    }

    private static String describe(Violation violation) {
        return (violation.line() == null ? "" : "line " + violation.line() + " ")
                + (violation.field() == null ? "" : violation.field() + ": ") + violation.reason();
    }
}
