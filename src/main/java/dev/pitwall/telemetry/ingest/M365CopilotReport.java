package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.OrgMetricDay;
import dev.pitwall.telemetry.ParsedBatch;
import java.util.List;

/**
 * A Microsoft 365 Copilot report as read: the usage user detail's activity facts, or the user
 * count summary's tenant-level figures.
 *
 * @param userDetail the activity facts (empty for a summary)
 * @param summary the tenant's enabled and active users per app and day (empty for a user detail)
 * @param summaryRejections summary records that could not be read
 * @param records records the report holds (a user detail's users, a summary's periods)
 */
public record M365CopilotReport(ParsedBatch userDetail, List<OrgMetricDay> summary, List<Violation> summaryRejections,
        int records) {
}
