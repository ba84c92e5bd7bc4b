package dev.pitwall.telemetry;

import dev.pitwall.platform.web.Violation;
import java.util.List;

/**
 * What importing a Copilot usage report did.
 *
 * @param usage the per-person activity facts, as for any usage events
 * @param orgBatchId the ingestion batch of the organization-level days ({@code null} when the report had none)
 * @param orgDaysAdded organization-level days not stored before
 * @param orgDaysReplaced organization-level days stored before, whose figures were replaced (each
 *     replacement is in the audit log with the figures before and after)
 * @param orgRejections organization-level items refused, by line
 * @param teams what a GitHub user-teams report stored, with its GitHub teams that are no Pitwall team
 *     ({@code null} for other reports)
 */
public record CopilotReportResult(IngestionResult usage, Long orgBatchId, int orgDaysAdded, int orgDaysReplaced,
        List<Violation> orgRejections, dev.pitwall.telemetry.github.GitHubTeams.Stored teams) {
}
