package dev.pitwall.telemetry.web;

import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.telemetry.CopilotReportImports;
import dev.pitwall.telemetry.GitHubPull;
import dev.pitwall.telemetry.OrgMetric;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.github.AdoptionPhase;
import dev.pitwall.telemetry.github.GitHubTeams;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** GitHub Copilot: figures per GitHub team, their mapping to Pitwall teams, and AI adoption phases. */
@Controller
class GitHubCopilotPageController {

    private final GitHubTeams teams;
    private final TeamService pitwallTeams;
    private final CopilotReportImports reports;
    private final GitHubPull pull;
    private final IngestionLimiter limiter;
    private final dev.pitwall.telemetry.TelemetryImports imports;
    private final dev.pitwall.portfolio.AiSystemService systems;
    private final Clock clock;

    GitHubCopilotPageController(GitHubTeams teams, TeamService pitwallTeams, CopilotReportImports reports,
            GitHubPull pull, IngestionLimiter limiter, Clock clock, dev.pitwall.telemetry.TelemetryImports imports,
            dev.pitwall.portfolio.AiSystemService systems) {
        this.imports = imports;
        this.systems = systems;
        this.teams = teams;
        this.pitwallTeams = pitwallTeams;
        this.reports = reports;
        this.pull = pull;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * GitHub's own figures of a phase on the latest day of the range that has them.
     *
     * @param engagedUsers the phase's engaged users (2 days in 28)
     * @param averages the per-user averages GitHub reports for the phase, by figure
     */
    record PhaseFigures(String label, int number, BigDecimal engagedUsers, Map<String, BigDecimal> averages) {
    }

    @GetMapping("/telemetry/github-copilot")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    String page(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(AiDiscoveryApiController.DEFAULT_DAYS - 1L);
        GitHubTeams.Report report;
        try {
            report = teams.report(start, end);
        } catch (ProblemException e) {
            model.addAttribute("rangeError", e.describe());
            end = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            start = end.minusDays(AiDiscoveryApiController.DEFAULT_DAYS - 1L);
            report = teams.report(start, end);
        }
        model.addAttribute("report", report);
        model.addAttribute("from", from != null ? from : start);
        model.addAttribute("to", to != null ? to : end);
        model.addAttribute("pitwallTeams", pitwallTeams.findAll());
        model.addAttribute("pullEnabled", pull.enabled());
        model.addAttribute("systems", systems.findAll());
        List<OrgMetric> metrics = reports.orgMetrics(TelemetrySource.GITHUB_COPILOT, null, start, end).stream()
                .filter(m -> m.metric().startsWith("ai_adoption_phase_")).toList();
        // The latest day of one organization (or enterprise): averages of different ones do not add up.
        Optional<OrgMetric> newest = metrics.stream().max(Comparator.comparing(OrgMetric::day)
                .thenComparing(OrgMetric::scope, Comparator.reverseOrder()));
        Optional<LocalDate> latest = newest.map(OrgMetric::day);
        List<PhaseFigures> phases = new ArrayList<>();
        if (newest.isPresent()) {
            model.addAttribute("orgPhaseScope", newest.get().scope());
            Map<String, BigDecimal> day = metrics.stream().filter(m -> m.day().equals(latest.get())
                            && m.scope().equals(newest.get().scope()))
                    .collect(Collectors.toMap(OrgMetric::metric, OrgMetric::value, (a, b) -> b));
            for (AdoptionPhase phase : AdoptionPhase.all()) {
                String prefix = "ai_adoption_phase_" + phase.number() + "_";
                Map<String, BigDecimal> averages = new java.util.TreeMap<>();
                day.forEach((name, value) -> {
                    if (name.startsWith(prefix + "avg_")) {
                        averages.put(name.substring(prefix.length() + 4).replace('_', ' '), value);
                    }
                });
                phases.add(new PhaseFigures(phase.label(), phase.number(), day.get(prefix + "total_engaged_users"),
                        averages));
            }
        }
        model.addAttribute("orgPhaseDay", latest.orElse(null));
        model.addAttribute("orgPhases", phases);
        return "telemetry/github";
    }

    @PostMapping("/telemetry/github-copilot/teams/{slug}/mapping")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String map(@PathVariable String slug, @RequestParam(required = false) Long teamId, RedirectAttributes redirect) {
        try {
            GitHubTeams.TeamMatch match = teams.map(slug, teamId);
            redirect.addFlashAttribute("flashMessage", "The GitHub team '" + slug + "' is now the team '"
                    + match.teamName() + "'.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("mappingError", slug);
            redirect.addFlashAttribute("mappingErrorText", e.describe());
        }
        return "redirect:/telemetry/github-copilot#teams";
    }

    @PostMapping("/telemetry/github-copilot/teams/{slug}/unmap")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String unmap(@PathVariable String slug, RedirectAttributes redirect) {
        try {
            teams.unmap(slug);
            redirect.addFlashAttribute("flashMessage", "Removed the mapping of the GitHub team '" + slug + "'.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("mappingError", slug);
            redirect.addFlashAttribute("mappingErrorText", e.describe());
        }
        return "redirect:/telemetry/github-copilot#teams";
    }

    @PostMapping("/telemetry/github-copilot/import")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    String importReport(@RequestParam(required = false) String system,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) throws java.io.IOException {
        String systemKey = system == null || system.isBlank() ? null : system.trim();
        redirect.addFlashAttribute("importSystem", systemKey);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importError", "Choose a GitHub Copilot report file to import.");
            return "redirect:/telemetry/github-copilot#import";
        }
        byte[] body = file.getBytes();
        String actor = PitwallPrincipal.currentActorName();
        try {
            dev.pitwall.telemetry.CopilotReportResult result = limiter.run(() -> GitHubPull.ndjson(body)
                    ? imports.githubNdjson(body, systemKey, "organization", actor)
                    : imports.githubJson(body, systemKey, "organization", actor));
            StringBuilder message = new StringBuilder("Imported " + file.getOriginalFilename() + ": ")
                    .append(result.usage().accepted()).append(" new user-days (").append(result.usage().duplicates())
                    .append(" imported before, ").append(result.usage().rejected()).append(" refused), ")
                    .append(result.orgDaysAdded() + result.orgDaysReplaced()).append(" organization days");
            if (result.teams() != null) {
                message.append(", ").append(result.teams().memberships()).append(" team memberships");
                if (!result.teams().unknownTeams().isEmpty()) {
                    message.append(" (GitHub teams that are no Pitwall team: ")
                            .append(String.join(", ", result.teams().unknownTeams())).append(')');
                }
            }
            redirect.addFlashAttribute("flashMessage", message.append('.').toString());
            if (!result.usage().rejections().isEmpty()) {
                redirect.addFlashAttribute("importError", "Refused lines: " + result.usage().rejections().stream()
                        .limit(10).map(GitHubCopilotPageController::describe).collect(Collectors.joining("; ")));
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("importError", e.violations().isEmpty() ? e.getMessage()
                    : e.getMessage() + " " + e.violations().stream().limit(10).map(GitHubCopilotPageController::describe)
                            .collect(Collectors.joining("; ")));
        }
        return "redirect:/telemetry/github-copilot#import";
    }

    private static String describe(dev.pitwall.platform.web.Violation violation) {
        return (violation.line() == null ? "" : "line " + violation.line() + " ")
                + (violation.field() == null ? "" : violation.field() + ": ") + violation.reason();
    }

    @PostMapping("/telemetry/github-copilot/pull")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    String pullNow(RedirectAttributes redirect) {
        try {
            GitHubPull.PullResult result = limiter.run(() -> pull.pull(PitwallPrincipal.currentActorName()));
            long imported = result.reports().stream().filter(r -> r.status().equals("imported")).count();
            redirect.addFlashAttribute("flashMessage", "Pulled " + imported + " of " + result.reports().size()
                    + " reports from GitHub (the others are not available yet): "
                    + result.reports().stream().mapToInt(GitHubPull.PulledReport::userDaysAccepted).sum()
                    + " new user-days, " + result.reports().stream().mapToInt(GitHubPull.PulledReport::teamMemberships)
                    .sum() + " team memberships.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("pullError", e.describe());
        }
        return "redirect:/telemetry/github-copilot";
    }
}
