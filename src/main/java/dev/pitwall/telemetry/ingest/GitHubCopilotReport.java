package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.OrgMetricDay;
import dev.pitwall.telemetry.ParsedBatch;
import java.util.List;

/**
 * A GitHub Copilot report as read: per-user days (usage events) and organization days (aggregates).
 *
 * @param userDays one activity fact per user and day
 * @param orgDays organization-level daily figures
 * @param orgRejections organization-level items that could not be read
 */
public record GitHubCopilotReport(ParsedBatch userDays, List<OrgMetricDay> orgDays, List<Violation> orgRejections) {
}
