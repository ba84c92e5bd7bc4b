package dev.pitwall.people.web;

import dev.pitwall.people.Team;
import dev.pitwall.people.TeamDraft;
import dev.pitwall.people.TeamService;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "The team hierarchy")
class TeamApiController {

    private final TeamService teams;

    TeamApiController(TeamService teams) {
        this.teams = teams;
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "List teams", description = "Each with its parent and active headcount.")
    List<Team> list() {
        return teams.findAll();
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "Get a team")
    Team get(@PathVariable long id) {
        return teams.get(id);
    }

    @PostMapping
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Create a team", description = "409 TEAM_NAME_TAKEN when the name exists (case-insensitive).")
    ResponseEntity<Team> create(@RequestBody TeamDraft draft) {
        Team created = teams.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Rename, move or describe a team")
    Team update(@PathVariable long id, @RequestBody TeamDraft draft) {
        return teams.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Delete an empty team", description = "409 TEAM_IN_USE while it has members or sub-teams.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        teams.delete(id);
        return ResponseEntity.noContent().build();
    }
}
