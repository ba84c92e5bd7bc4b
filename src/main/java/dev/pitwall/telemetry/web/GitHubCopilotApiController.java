package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.telemetry.GitHubPull;
import dev.pitwall.telemetry.github.GitHubTeams;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "GitHub Copilot", description = "GitHub teams, AI adoption phases and pulling GitHub's usage reports")
class GitHubCopilotApiController {

    private final GitHubTeams teams;
    private final GitHubPull pull;
    private final IngestionLimiter limiter;
    private final Clock clock;

    GitHubCopilotApiController(GitHubTeams teams, GitHubPull pull, IngestionLimiter limiter, Clock clock) {
        this.teams = teams;
        this.pull = pull;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GetMapping("/github-copilot/teams")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "GitHub Copilot figures per GitHub team, and people by AI adoption phase",
            description = "The user-teams report joined with the users report on day and user (default: the last 28 "
                    + "days). A user in two teams counts in both. Each GitHub team names the Pitwall team it is "
                    + "(its mapping, else the team whose name it is as a slug); unknownTeams lists the others. Counts "
                    + "of people that would reveal fewer than the minimum group size are null for callers without "
                    + "people:identify, and a team that small has every figure withheld.")
    GitHubTeams.Report report(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return teams.report(from != null ? from : end.minusDays(AiDiscoveryApiController.DEFAULT_DAYS - 1L), end);
    }

    /** The Pitwall team a GitHub team is. */
    record MappingBody(Long teamId) {
    }

    @PutMapping("/github-copilot/teams/{slug}/mapping")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Map a GitHub team to a Pitwall team", description = "For GitHub teams whose slug is not the "
            + "Pitwall team's name; replaces an earlier mapping; audited (GITHUB_TEAM_MAPPING).")
    GitHubTeams.TeamMatch map(@PathVariable String slug, @RequestBody MappingBody body) {
        return teams.map(slug, body == null ? null : body.teamId());
    }

    @DeleteMapping("/github-copilot/teams/{slug}/mapping")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Remove a GitHub team's mapping")
    ResponseEntity<Void> unmap(@PathVariable String slug) {
        teams.unmap(slug);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/imports/github-copilot/pull")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Pull GitHub Copilot usage reports now", description = "With pitwall.telemetry.github.* "
            + "configured (an organization or enterprise, and a token or GitHub App), asks GitHub for the organization, "
            + "users and user-teams reports of each of the last pitwall.telemetry.github.days days and imports them "
            + "(Pitwall also does this every pitwall.telemetry.github.every). 400 GITHUB_PULL_NOT_CONFIGURED when not "
            + "configured; 502 GITHUB_UNAVAILABLE when GitHub cannot be reached, refuses or answers with an "
            + "unreadable report.")
    GitHubPull.PullResult pull() {
        return limiter.run(() -> pull.pull(PitwallPrincipal.currentActorName()));
    }
}
