package dev.pitwall.telemetry;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.ingest.GitHubCopilotReport;
import dev.pitwall.telemetry.ingest.GitHubCopilotReportReader;
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

    CopilotReportImports(UsageEventIngestion ingestion, AiSystemService systems, OrgMetrics orgMetrics, Batches batches,
            TransactionTemplate transactions, Clock clock) {
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

    public IngestionResult importM365(ParsedBatch report, String systemKey, String actor) {
        systemFor(systemKey, M365CopilotReportReader.APPLICATION_ID);
        return ingestion.ingest(TelemetrySource.M365_COPILOT, report, false, actor);
    }

    public CopilotReportResult importGitHub(GitHubCopilotReport report, String systemKey, String actor) {
        long systemId = systemFor(systemKey, GitHubCopilotReportReader.APPLICATION_ID);
        ParsedBatch userDays = report.userDays();
        boolean hasUserItems = !userDays.events().isEmpty() || !userDays.rejections().isEmpty();
        if (!hasUserItems && report.orgDays().isEmpty()) {
            if (report.orgRejections().isEmpty()) {
                throw new InvalidInputException("EMPTY_REPORT", "The report has no records; nothing was imported.", List.of());
            }
            throw new InvalidInputException("No record of the report could be read; nothing was imported.",
                    report.orgRejections());
        }
        IngestionResult usage = null;
        if (hasUserItems) {
            try {
                usage = ingestion.ingest(TelemetrySource.GITHUB_COPILOT, userDays, false, actor);
            } catch (IngestionRejected e) {
                if (report.orgDays().isEmpty()) {
                    throw e;
                }
                usage = e.result();
            }
        }
        int[] counts = storeOrgDays(report, systemId, actor);
        return new CopilotReportResult(usage == null ? new IngestionResult(0, 0, 0, 0, 0, List.of()) : usage, counts[0],
                counts[1], report.orgRejections());
    }

    private int[] storeOrgDays(GitHubCopilotReport report, long systemId, String actor) {
        if (report.orgDays().isEmpty()) {
            return new int[] {0, 0};
        }
        return transactions.execute(status -> {
            int added = 0;
            int replaced = 0;
            long batchId = batches.insert(TelemetrySource.GITHUB_COPILOT, actor, 0, 0, report.orgRejections().size(), 0,
                    report.orgRejections(), clock.instant(), false);
            for (OrgMetricDay day : report.orgDays()) {
                if (orgMetrics.replaceDay(TelemetrySource.GITHUB_COPILOT, day, systemId, batchId)) {
                    replaced++;
                } else {
                    added++;
                }
            }
            batches.updateAccounting(batchId, added, replaced);
            return new int[] {added, replaced};
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
