package dev.pitwall.telemetry;

import dev.pitwall.telemetry.ingest.GitHubCopilotReportReader;
import dev.pitwall.telemetry.ingest.M365CopilotReportReader;
import dev.pitwall.telemetry.ingest.NativeEventsReader;
import dev.pitwall.telemetry.ingest.OtlpLogReader;
import dev.pitwall.telemetry.ingest.OtlpSpanReader;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import org.springframework.stereotype.Service;

/**
 * Every ingestion path as one API, from the bytes or messages a source sends to the stored result:
 * what the HTTP endpoints, the demo generator and the benchmarks call. Each method reads with the
 * source's reader and stores through {@link UsageEventIngestion} (or the evaluation and report
 * services), so all of them validate, deduplicate and account alike.
 */
@Service
public class TelemetryImports {

    private final UsageEventIngestion ingestion;
    private final EvaluationService evaluations;
    private final CopilotReportImports reports;
    private final NativeEventsReader nativeEvents;
    private final OtlpSpanReader spans;
    private final OtlpLogReader logs;
    private final M365CopilotReportReader m365;
    private final GitHubCopilotReportReader github;
    private final dev.pitwall.telemetry.ingest.CursorUsageReader cursor;

    TelemetryImports(UsageEventIngestion ingestion, EvaluationService evaluations, CopilotReportImports reports,
            NativeEventsReader nativeEvents, OtlpSpanReader spans, OtlpLogReader logs, M365CopilotReportReader m365,
            GitHubCopilotReportReader github, dev.pitwall.telemetry.ingest.CursorUsageReader cursor) {
        this.cursor = cursor;
        this.ingestion = ingestion;
        this.evaluations = evaluations;
        this.reports = reports;
        this.nativeEvents = nativeEvents;
        this.spans = spans;
        this.logs = logs;
        this.m365 = m365;
        this.github = github;
    }

    /** Native events, NDJSON. @throws IngestionRejected when no line is valid */
    public IngestionResult nativeNdjson(byte[] body, String actor) {
        return ingestion.ingest(TelemetrySource.NATIVE, nativeEvents.readNdjson(body), true, actor);
    }

    /** Native events, a JSON array or one object. @throws IngestionRejected when no element is valid */
    public IngestionResult nativeJson(byte[] body, String actor) {
        return ingestion.ingest(TelemetrySource.NATIVE, nativeEvents.readJson(body), true, actor);
    }

    /** OTLP spans; spans that cannot be stored are counted as rejected (OTLP partial success), never thrown. */
    public IngestionResult otlpTraces(ExportTraceServiceRequest export, String actor) {
        try {
            return ingestion.ingest(TelemetrySource.OTLP, spans.read(export), false, actor);
        } catch (IngestionRejected e) {
            return e.result();
        }
    }

    /**
     * Evaluation scores posted as a JSON array; all-invalid answers 400 EVALUATIONS_REJECTED, otherwise
     * the valid ones are stored and the others named.
     */
    public IngestionResult evaluationsJson(byte[] body, String actor) {
        IngestionResult result = evaluations.ingest(TelemetrySource.EVALUATION_API,
                new dev.pitwall.telemetry.ingest.EvaluationJsonReader().read(body), actor);
        if (result.accepted() == 0 && result.duplicates() == 0 && result.rejected() > 0) {
            throw new EvaluationsRejected(result);
        }
        return result;
    }

    /** OTLP logs: evaluation events; others are skipped. */
    public IngestionResult otlpLogs(ExportLogsServiceRequest export, String actor) {
        return evaluations.ingest(logs.read(export), actor);
    }

    /** A Microsoft 365 Copilot report (usage user detail or user count summary), Graph v1.0 CSV. */
    public CopilotReportResult m365Csv(byte[] body, String systemKey, String actor) {
        return reports.importM365(m365.readCsv(body, systemKey), systemKey, actor);
    }

    /** A Microsoft 365 Copilot report (usage user detail or user count summary), Graph beta JSON. */
    public CopilotReportResult m365Json(byte[] body, String systemKey, String actor) {
        return reports.importM365(m365.readJson(body, systemKey), systemKey, actor);
    }

    /** GitHub Copilot user-level records, NDJSON. */
    public CopilotReportResult githubNdjson(byte[] body, String systemKey, String scope, String actor) {
        return reports.importGitHub(github.readNdjson(body, systemKey, scope), systemKey, actor);
    }

    /** A GitHub Copilot report in JSON (user records or organization days). */
    public CopilotReportResult githubJson(byte[] body, String systemKey, String scope, String actor) {
        return reports.importGitHub(github.readJson(body, systemKey, scope), systemKey, actor);
    }

    /** Cursor's daily usage data (Admin API JSON). */
    public CopilotReportResult cursorJson(byte[] body, String systemKey, String actor) {
        return reports.importCursor(cursor.read(body, systemKey), systemKey, actor);
    }
}
