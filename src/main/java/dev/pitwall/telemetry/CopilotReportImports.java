package dev.pitwall.telemetry;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.ingest.GitHubCopilotReport;
import dev.pitwall.telemetry.ingest.GitHubCopilotReportReader;
import dev.pitwall.telemetry.ingest.M365CopilotReport;
import dev.pitwall.telemetry.ingest.M365CopilotReportReader;
import dev.pitwall.telemetry.internal.Batches;
import dev.pitwall.telemetry.internal.OrgMetrics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of SaaS Copilot usage reports (Microsoft 365 Copilot, GitHub Copilot). Their per-person
 * facts go through {@link UsageEventIngestion} like any usage events, unknown or anonymized users
 * kept as unattributed; GitHub's organization-level days are stored as figures per day.
 */
@Service
public class CopilotReportImports {

    private final UsageEventIngestion ingestion;
    private final AiSystemService systems;
    private final OrgMetrics orgMetrics;
    private final Batches batches;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final dev.pitwall.platform.audit.AuditLog auditLog;
    private final dev.pitwall.telemetry.github.GitHubTeams githubTeams;

    /** What the audit log records of an organization-level day whose figures a re-import replaced. */
    static final String ORG_METRIC_DAY = "ORG_METRIC_DAY";

    CopilotReportImports(UsageEventIngestion ingestion, AiSystemService systems, OrgMetrics orgMetrics, Batches batches,
            TransactionTemplate transactions, Clock clock, dev.pitwall.platform.audit.AuditLog auditLog,
            dev.pitwall.telemetry.github.GitHubTeams githubTeams) {
        this.githubTeams = githubTeams;
        this.auditLog = auditLog;
        this.ingestion = ingestion;
        this.systems = systems;
        this.orgMetrics = orgMetrics;
        this.batches = batches;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The AI system a report's facts belong to: the one named, else the one with the report's application id. */
    public long systemFor(String systemKey, String applicationId) {
        if (systemKey != null) {
            return systems.findByKey(systemKey).orElseThrow(() -> InvalidInputException.ofField("system",
                    "no AI system has the key '" + systemKey + "'")).id();
        }
        return systems.lookup(new TelemetryIdentity(null, null, null, null, applicationId))
                .map(AiSystemService.AiSystemMatch::systemId)
                .orElseThrow(() -> InvalidInputException.ofField("system", "no AI system has the application id '"
                        + applicationId + "' as telemetry key: register one (Portfolio, AI systems) or name the "
                        + "system's key with ?system="));
    }

    public CopilotReportResult importM365(M365CopilotReport report, String systemKey, String actor) {
        long systemId = systemFor(systemKey, M365CopilotReportReader.APPLICATION_ID);
        if (report.records() == 0) {
            throw new InvalidInputException("EMPTY_REPORT", "The report has no records; nothing was imported.", List.of());
        }
        return importReport(TelemetrySource.M365_COPILOT, report.userDetail(), report.summary(),
                report.summaryRejections(), systemId, actor);
    }

    public CopilotReportResult importGitHub(GitHubCopilotReport report, String systemKey, String actor) {
        long systemId = systemFor(systemKey, GitHubCopilotReportReader.APPLICATION_ID);
        ParsedBatch userDays = report.userDays();
        if (!report.membershipRejections().isEmpty()) {
            throw new InvalidInputException("GITHUB_TEAMS_INVALID", report.membershipRejections().size()
                    + " problem(s) in the user-teams rows; nothing was imported.", report.membershipRejections());
        }
        if (userDays.events().isEmpty() && userDays.rejections().isEmpty() && report.orgDays().isEmpty()
                && report.orgRejections().isEmpty() && report.memberships().isEmpty()) {
            throw new InvalidInputException("EMPTY_REPORT", "The report has no records; nothing was imported.", List.of());
        }
        if (userDays.events().isEmpty() && userDays.rejections().isEmpty() && report.orgDays().isEmpty()
                && report.orgRejections().isEmpty()) {
            // A user-teams report: memberships only, stored all together.
            dev.pitwall.telemetry.github.GitHubTeams.Stored stored = transactions.execute(status ->
                    githubTeams.store(report.memberships()));
            return new CopilotReportResult(new IngestionResult(0, 0, 0, 0, 0, List.of()), null, 0, 0, List.of(), stored);
        }
        CopilotReportResult result = importReport(TelemetrySource.GITHUB_COPILOT, userDays, report.orgDays(),
                report.orgRejections(), systemId, actor);
        if (report.memberships().isEmpty()) {
            return result;
        }
        dev.pitwall.telemetry.github.GitHubTeams.Stored stored = transactions.execute(status ->
                githubTeams.store(report.memberships()));
        return new CopilotReportResult(result.usage(), result.orgBatchId(), result.orgDaysAdded(),
                result.orgDaysReplaced(), result.orgRejections(), stored);
    }

    /**
     * Cursor's daily usage data: all or nothing — a row that cannot be read refuses the whole file
     * with every such row and field named, and nothing is stored.
     */
    public CopilotReportResult importCursor(ParsedBatch days, String systemKey, String actor) {
        systemFor(systemKey, dev.pitwall.telemetry.ingest.CursorUsageReader.APPLICATION_ID);
        if (!days.rejections().isEmpty()) {
            throw new InvalidInputException("CURSOR_REPORT_INVALID", days.rejections().size()
                    + " row(s) of the Cursor report cannot be read; nothing was imported.", days.rejections());
        }
        if (days.events().isEmpty() && days.skipped() == 0) {
            throw new InvalidInputException("EMPTY_REPORT", "The report has no rows; nothing was imported.", List.of());
        }
        return importReport(TelemetrySource.CURSOR, days, List.of(), List.of(), 0, actor);
    }

    /** Stores a report's per-person facts as usage events and its organization-level days as figures. */
    private CopilotReportResult importReport(TelemetrySource source, ParsedBatch facts, List<OrgMetricDay> orgDays,
            List<Violation> orgRejections, long systemId, String actor) {
        if (facts.events().isEmpty() && facts.rejections().isEmpty() && orgDays.isEmpty() && !orgRejections.isEmpty()) {
            throw new InvalidInputException("No record of the report could be read; nothing was imported.", orgRejections);
        }
        IngestionResult usage = new IngestionResult(0, 0, 0, 0, 0, List.of());
        if (!facts.events().isEmpty() || !facts.rejections().isEmpty()) {
            try {
                usage = ingestion.ingest(source, facts, false, actor);
            } catch (IngestionRejected e) {
                if (orgDays.isEmpty()) {
                    throw e;
                }
                usage = e.result();
            }
        }
        long[] counts = storeOrgDays(source, orgDays, orgRejections, systemId, actor);
        return new CopilotReportResult(usage, counts[2] == 0 ? null : counts[2], (int) counts[0], (int) counts[1],
                orgRejections, null);
    }

    /**
     * Stores the organization-level days in one ingestion batch of their own. A day stored before is
     * replaced, and the audit log records its figures before and after, so a re-import that changes
     * reported figures is traceable.
     *
     * @return days added, days replaced, and the batch's id (0 when there were no days)
     */
    private long[] storeOrgDays(TelemetrySource source, List<OrgMetricDay> orgDays, List<Violation> orgRejections,
            long systemId, String actor) {
        if (orgDays.isEmpty()) {
            return new long[] {0, 0, 0};
        }
        return transactions.execute(status -> {
            int added = 0;
            int replaced = 0;
            long batchId = batches.insert(source, actor, 0, 0, orgRejections.size(), 0, orgRejections, clock.instant(),
                    false);
            List<dev.pitwall.platform.audit.AuditRecord> changes = new java.util.ArrayList<>();
            for (OrgMetricDay day : orgDays) {
                java.util.Map<String, java.math.BigDecimal> before = orgMetrics.replaceDay(source, day, systemId, batchId);
                if (before.isEmpty()) {
                    added++;
                    continue;
                }
                replaced++;
                java.util.Map<String, java.math.BigDecimal> after = new java.util.TreeMap<>();
                day.metrics().forEach((name, value) -> after.put(name, value.stripTrailingZeros()));
                java.util.Map<String, java.math.BigDecimal> previous = new java.util.TreeMap<>();
                before.forEach((name, value) -> previous.put(name, value.stripTrailingZeros()));
                changes.add(dev.pitwall.platform.audit.AuditRecord.updated(ORG_METRIC_DAY,
                        source + "/" + day.scope() + "/" + day.day(), previous, after));
            }
            batches.updateAccounting(batchId, added, replaced);
            auditLog.appendAll(changes);
            return new long[] {added, replaced, batchId};
        });
    }

    public List<OrgMetric> orgMetrics(TelemetrySource source, String scope, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("from and to are required, to not before from",
                    List.of(Violation.ofField("to", "must not be before from")));
        }
        return orgMetrics.find(source, scope, from, to);
    }
}
