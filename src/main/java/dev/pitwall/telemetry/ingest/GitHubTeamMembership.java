package dev.pitwall.telemetry.ingest;

import java.time.LocalDate;

/**
 * One row of GitHub's user-teams report: a user was a member of a team on a day. GitHub leaves
 * teams with fewer than five Copilot-licensed members out of the report.
 *
 * @param line where it was in the file
 * @param scope the organization or enterprise the team belongs to ({@code org:<id>}, {@code enterprise:<id>})
 * @param day the day of the membership
 * @param teamId GitHub's id of the team
 * @param slug the team's slug, e.g. {@code claims-platform}
 * @param userId GitHub's id of the user ({@code null} if only the login was given)
 * @param login the user's GitHub login ({@code null} if only the id was given)
 */
public record GitHubTeamMembership(int line, String scope, LocalDate day, String teamId, String slug, String userId,
        String login) {
}
