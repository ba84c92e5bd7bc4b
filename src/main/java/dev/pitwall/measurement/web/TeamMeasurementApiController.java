package dev.pitwall.measurement.web;

import dev.pitwall.measurement.NewTeamMeasurement;
import dev.pitwall.measurement.TeamGoLive;
import dev.pitwall.measurement.TeamMeasurement;
import dev.pitwall.measurement.TeamMeasurementService;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** KPIs measured per team, and a workflow's go-live day per team. */
@RestController
@Tag(name = "Measurement")
class TeamMeasurementApiController {

    private final TeamMeasurementService teamMeasurements;

    TeamMeasurementApiController(TeamMeasurementService teamMeasurements) {
        this.teamMeasurements = teamMeasurements;
    }

    @GetMapping("/api/v1/kpis/{id}/team-measurements")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A KPI's values per team", description = "By team, then period; up to ?to= when given.")
    List<TeamMeasurement> find(@PathVariable long id, @RequestParam(required = false) LocalDate to) {
        return teamMeasurements.find(id, to);
    }

    @PostMapping("/api/v1/kpis/{id}/team-measurements")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    @Operation(summary = "Record a KPI's values per team", description = "A JSON array of {\"team\":\"Dispatch North\","
            + "\"periodEnd\":\"2026-10-31\",\"value\":41.5,\"note\":\"…\"}; all or nothing, each invalid item named as "
            + "[i].field. A team's period measured again gets the new value.")
    TeamMeasurementService.Recorded record(@PathVariable long id, @RequestBody List<NewTeamMeasurement> batch) {
        return teamMeasurements.recordAll(id, batch);
    }

    @DeleteMapping("/api/v1/kpis/{id}/team-measurements")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    @Operation(summary = "Delete a team's value recorded by mistake", description = "?team=…&periodEnd=…")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam String team, @RequestParam LocalDate periodEnd) {
        teamMeasurements.delete(id, team, periodEnd);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/workflows/{key}/team-go-lives")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The day AI went live for each team", description = "Teams not listed have not gone live.")
    List<TeamGoLive> goLives(@PathVariable String key) {
        return teamMeasurements.goLives(key);
    }

    @PutMapping("/api/v1/workflows/{key}/team-go-lives")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    @Operation(summary = "Set the day AI went live for each team", description = "A JSON array of {\"team\":\"Dispatch "
            + "North\",\"liveOn\":\"2026-06-01\"}; replaces the list. A team left out has not gone live.")
    List<TeamGoLive> setGoLives(@PathVariable String key, @RequestBody List<TeamGoLive> goLives) {
        return teamMeasurements.setGoLives(key, goLives);
    }
}
