package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.OrgMetricDay;
import dev.pitwall.telemetry.ParsedBatch;
import java.util.List;

/**
 * A GitHub Copilot report as read: per-user days (usage events), organization days (aggregates) and
 * the rows of a user-teams report (who was in which GitHub team that day).
 *
 * @param userDays one activity fact per user and day
 * @param orgDays organization-level daily figures
 * @param orgRejections organization-level items that could not be read
 * @param memberships user-team pairs of the user-teams report
 * @param membershipRejections user-teams rows that could not be read; any refuses the whole file
 */
public record GitHubCopilotReport(ParsedBatch userDays, List<OrgMetricDay> orgDays, List<Violation> orgRejections,
        List<GitHubTeamMembership> memberships, List<Violation> membershipRejections) {

    public GitHubCopilotReport {
        memberships = List.copyOf(memberships);
        membershipRejections = List.copyOf(membershipRejections);
    }
}
