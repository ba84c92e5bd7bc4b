package dev.pitwall.telemetry.github;

import dev.pitwall.platform.web.NotFoundException;

/** No mapping of that GitHub team to a Pitwall team exists. */
public class GitHubTeamNotMapped extends NotFoundException {

    public GitHubTeamNotMapped(String slug) {
        super("GITHUB_TEAM_MAPPING_NOT_FOUND", "GitHub team mapping", slug);
    }
}
