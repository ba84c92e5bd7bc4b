package dev.pitwall.telemetry.web;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IngestionResult;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.TelemetryImports;
import dev.pitwall.telemetry.ingest.OtlpJson;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.telemetry.internal.RequestBodies;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * OTLP/HTTP receiver: an OpenTelemetry exporter with {@code OTEL_EXPORTER_OTLP_ENDPOINT=http://host:8080/otlp}
 * and an {@code Authorization: Bearer} header sends here unchanged. Binary protobuf and JSON, gzip
 * or not; the response is encoded as the request was. Not a {@code @RestController}: its errors are
 * {@code google.rpc.Status} bodies ({@link OtlpExceptionHandler}), as the OTLP specification asks.
 */
@Controller
@ResponseBody
@Tag(name = "OpenTelemetry (OTLP/HTTP)", description = "GenAI spans become usage events; evaluation events become scores")
class OtlpController {

    static final String PROTOBUF = "application/x-protobuf";
    /** How many rejections the partial-success message names; the batch keeps the first 100. */
    static final int NAMED_REJECTIONS = 5;

    private final TelemetryImports imports;
    private final RequestBodies bodies;
    private final IngestionLimiter limiter;

    OtlpController(TelemetryImports imports, RequestBodies bodies, IngestionLimiter limiter) {
        this.imports = imports;
        this.bodies = bodies;
        this.limiter = limiter;
    }

    @PostMapping(path = "/otlp/v1/logs", consumes = PROTOBUF)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Export logs (OTLP protobuf)", description = "gen_ai.evaluation.result events become evaluation "
            + "scores of AI systems; other log records are skipped. Invalid ones are partial success (rejected_log_records).")
    ResponseEntity<byte[]> logsProtobuf(HttpServletRequest request) throws IOException {
        ExportLogsServiceResponse response = limiter.run(() -> {
            byte[] body = bodies.read(request);
            ExportLogsServiceRequest export;
            try {
                export = ExportLogsServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                throw new MalformedBody("The body is not an OTLP ExportLogsServiceRequest: " + e.getMessage());
            }
            return logs(export);
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PROTOBUF)).body(response.toByteArray());
    }

    @PostMapping(path = "/otlp/v1/logs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Export logs (OTLP JSON)")
    ResponseEntity<String> logsJson(HttpServletRequest request) throws IOException {
        ExportLogsServiceResponse response = limiter.run(() -> logs(
                OtlpJson.parse(bodies.read(request), ExportLogsServiceRequest.newBuilder()).build()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OtlpJson.print(response));
    }

    private ExportLogsServiceResponse logs(ExportLogsServiceRequest export) {
        IngestionResult result = imports.otlpLogs(export, PitwallPrincipal.currentActorName());
        ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
        if (result.rejected() > 0) {
            response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(result.rejected())
                    .setErrorMessage(summary(result.rejected(), result.rejections(), "log record")));
        }
        return response.build();
    }

    @PostMapping(path = "/otlp/v1/traces", consumes = PROTOBUF)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Export traces (OTLP protobuf)", description = "GenAI spans are stored as usage events, other "
            + "spans are skipped. Invalid spans are reported as partial success (rejected_spans).")
    ResponseEntity<byte[]> tracesProtobuf(HttpServletRequest request) throws IOException {
        ExportTraceServiceResponse response = limiter.run(() -> {
            byte[] body = bodies.read(request);
            ExportTraceServiceRequest export;
            try {
                export = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                throw new MalformedBody("The body is not an OTLP ExportTraceServiceRequest: " + e.getMessage());
            }
            return traces(export);
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PROTOBUF)).body(response.toByteArray());
    }

    @PostMapping(path = "/otlp/v1/traces", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Export traces (OTLP JSON)", description = "As for protobuf; trace and span ids in hex.")
    ResponseEntity<String> tracesJson(HttpServletRequest request) throws IOException {
        ExportTraceServiceResponse response = limiter.run(() -> traces(
                OtlpJson.parse(bodies.read(request), ExportTraceServiceRequest.newBuilder()).build()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OtlpJson.print(response));
    }

    private ExportTraceServiceResponse traces(ExportTraceServiceRequest export) {
        // OTLP reports spans it refuses as partial success, not as a failed request.
        IngestionResult result = imports.otlpTraces(export, PitwallPrincipal.currentActorName());
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (result.rejected() > 0) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(result.rejected())
                    .setErrorMessage(summary(result.rejected(), result.rejections(), "span")));
        }
        return response.build();
    }

    static String summary(int rejected, List<Violation> rejections, String item) {
        String named = rejections.stream().limit(NAMED_REJECTIONS)
                .map(v -> "#" + v.line() + " " + (v.field() == null ? "" : v.field() + ": ") + v.reason())
                .collect(Collectors.joining("; "));
        return rejected + " " + item + "(s) rejected: " + named + (rejections.size() > NAMED_REJECTIONS ? "; …" : "");
    }
}
