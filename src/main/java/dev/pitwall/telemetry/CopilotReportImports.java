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
        if (userDays.events().isEmpty() && userDays.rejections().isEmpty() && report.orgDays().isEmpty()
                && report.orgRejections().isEmpty()) {
            throw new InvalidInputException("EMPTY_REPORT", "The report has no records; nothing was imported.", List.of());
        }
        return importReport(TelemetrySource.GITHUB_COPILOT, userDays, report.orgDays(), report.orgRejections(), systemId,
                actor);
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
        int[] counts = storeOrgDays(source, orgDays, orgRejections, systemId, actor);
        return new CopilotReportResult(usage, counts[0], counts[1], orgRejections);
    }

    private int[] storeOrgDays(TelemetrySource source, List<OrgMetricDay> orgDays, List<Violation> orgRejections,
            long systemId, String actor) {
        if (orgDays.isEmpty()) {
            return new int[] {0, 0};
        }
        return transactions.execute(status -> {
            int added = 0;
            int replaced = 0;
            long batchId = batches.insert(source, actor, 0, 0, orgRejections.size(), 0, orgRejections, clock.instant(),
                    false);
            for (OrgMetricDay day : orgDays) {
                if (orgMetrics.replaceDay(source, day, systemId, batchId)) {
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
