package dev.pitwall.demo;

import com.google.protobuf.ByteString;
import dev.pitwall.telemetry.TelemetryImports;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Emits the demo's operations as their systems would: OTLP spans (grouped by {@code service.name}
 * into export requests of a few thousand spans, as a collector batches them) and native NDJSON for
 * RouteMind, whose vendor integration posts events; evaluation scores as OTLP evaluation events.
 */
final class NorthwindSpans {

    private static final int SPANS_PER_EXPORT = 2_000;
    private static final String[] OUTCOMES = {"ACCEPTED", "EDITED", "OVERRIDDEN", "REJECTED"};

    private final TelemetryImports imports;
    private final NorthwindExporter exporter;
    private final Random random;
    private final Instant now;
    private final LocalDate today;
    private final Map<String, List<Span>> pending = new LinkedHashMap<>();
    private final StringBuilder nativeLines = new StringBuilder();
    private final Set<NorthwindUsagePlan> plans = new LinkedHashSet<>();
    private int nativeCount;
    private int pendingSpans;
    private long events;
    private long evaluations;

    NorthwindSpans(TelemetryImports imports, NorthwindExporter exporter, Random random, Instant now, LocalDate today) {
        this.imports = imports;
        this.exporter = exporter;
        this.random = random;
        this.now = now;
        this.today = today;
    }

    long events() {
        return events;
    }

    long evaluationCount() {
        return evaluations;
    }

    /** One person's operations of one day with a workflow's AI. */
    void workDay(NorthwindUsagePlan plan, String email, LocalDate day) {
        plans.add(plan);
        int count = plan.minEvents() + random.nextInt(plan.maxEvents() - plan.minEvents() + 1);
        boolean updated = plan.updatedBy(day);
        for (int i = 0; i < count; i++) {
            Instant start = timeOn(day);
            long latency = 400 + random.nextInt(plan.service() == null ? 2500 : 6000);
            String outcome = outcome(updated ? plan.updatedOutcomes() : plan.outcomes());
            String model = updated ? plan.updatedModel() : plan.model();
            long input = 300 + random.nextInt(2500);
            long output = 80 + random.nextInt(600);
            BigDecimal cost = BigDecimal.valueOf((input * 0.0025 + output * 0.01) / 1000).setScale(6, RoundingMode.HALF_UP);
            boolean error = random.nextDouble() < 0.004;
            events++;
            if (plan.service() == null) {
                nativeLine(plan, email, start, latency, outcome, model, input, output, cost, error);
            } else {
                span(plan, email, start, latency, outcome, model, input, output, cost, error);
            }
        }
    }

    private void span(NorthwindUsagePlan plan, String email, Instant start, long latencyMs, String outcome, String model,
            long input, long output, BigDecimal cost, boolean error) {
        Span.Builder span = Span.newBuilder().setTraceId(timedId(start, 16)).setSpanId(bytes(8))
                .setName((plan.agent() != null ? "invoke_agent " + plan.agent() : "chat " + model))
                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(nanos(start)).setEndTimeUnixNano(nanos(start) + latencyMs * 1_000_000L)
                .addAttributes(text("gen_ai.operation.name", plan.agent() != null ? "invoke_agent" : "chat"))
                .addAttributes(text("gen_ai.provider.name", plan.provider()))
                .addAttributes(text("gen_ai.request.model", model))
                .addAttributes(integer("gen_ai.usage.input_tokens", input))
                .addAttributes(integer("gen_ai.usage.output_tokens", output))
                .addAttributes(KeyValue.newBuilder().setKey("pitwall.cost")
                        .setValue(AnyValue.newBuilder().setDoubleValue(cost.doubleValue())))
                .addAttributes(text("user.id", email))
                .addAttributes(text("pitwall.outcome", outcome));
        if (plan.agent() != null) {
            span.addAttributes(text("gen_ai.agent.name", plan.agent()));
        }
        if (plan.explicit()) {
            span.addAttributes(text("pitwall.workflow", plan.workflow()));
        }
        if (error) {
            span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR));
            span.addAttributes(text("error.type", "timeout"));
        }
        pending.computeIfAbsent(plan.service(), s -> new ArrayList<>()).add(span.build());
        if (++pendingSpans >= SPANS_PER_EXPORT) {
            flushSpans();
        }
    }

    private void nativeLine(NorthwindUsagePlan plan, String email, Instant start, long latencyMs, String outcome,
            String model, long input, long output, BigDecimal cost, boolean error) {
        nativeLines.append("{\"id\":\"rm-").append(hex(timedId(start, 12))).append("\",\"time\":\"").append(start)
                .append("\",\"person\":\"").append(email).append("\",\"system\":\"routemind\",\"workflow\":\"")
                .append(plan.workflow()).append("\",\"operation\":\"plan_route\",\"model\":\"").append(model)
                .append("\",\"inputTokens\":").append(input).append(",\"outputTokens\":").append(output)
                .append(",\"cost\":").append(cost.toPlainString()).append(",\"latencyMs\":").append(latencyMs)
                .append(",\"error\":").append(error).append(",\"outcome\":\"").append(outcome).append("\"}\n");
        if (++nativeCount >= SPANS_PER_EXPORT) {
            flushNative();
        }
    }

    /** Daily evaluation scores of each system, around its quality (lower after a model update). */
    void evaluations(LocalDate first) {
        Map<String, List<LogRecord>> records = new LinkedHashMap<>();
        for (NorthwindUsagePlan plan : plans) {
            String system = plan.service() == null ? "routemind" : plan.service();
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                double mean = plan.updatedBy(day) ? plan.updatedQuality() : plan.quality();
                for (int i = 0; i < 4; i++) {
                    double score = Math.max(0, Math.min(1, mean + random.nextGaussian() * 0.01));
                    records.computeIfAbsent(system, s -> new ArrayList<>()).add(LogRecord.newBuilder()
                            .setEventName("gen_ai.evaluation.result").setTimeUnixNano(nanos(timeOn(day)))
                            .addAttributes(text("gen_ai.evaluation.name", plan.agent() == null ? "accuracy" : "faithfulness"))
                            .addAttributes(KeyValue.newBuilder().setKey("gen_ai.evaluation.score.value")
                                    .setValue(AnyValue.newBuilder().setDoubleValue(Math.round(score * 1000) / 1000.0)))
                            .addAttributes(text("pitwall.system", system))
                            .addAttributes(text("pitwall.workflow", plan.workflow())).build());
                    evaluations++;
                }
            }
        }
        ExportLogsServiceRequest.Builder export = ExportLogsServiceRequest.newBuilder();
        records.forEach((system, list) -> export.addResourceLogs(ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(text("service.name", system + "-evaluator")))
                .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(list))));
        imports.otlpLogs(export.build(), NorthwindTelemetry.ACTOR);
    }

    void flush() {
        flushSpans();
        flushNative();
    }

    private void flushSpans() {
        if (pendingSpans == 0) {
            return;
        }
        ExportTraceServiceRequest.Builder export = ExportTraceServiceRequest.newBuilder();
        pending.forEach((service, spans) -> export.addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(text("service.name", service)))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(spans))));
        ExportTraceServiceRequest request = export.build();
        exporter.send(() -> imports.otlpTraces(request, NorthwindTelemetry.ACTOR).accepted());
        pending.clear();
        pendingSpans = 0;
    }

    private void flushNative() {
        if (nativeCount == 0) {
            return;
        }
        byte[] lines = nativeLines.toString().getBytes(StandardCharsets.UTF_8);
        exporter.send(() -> imports.nativeNdjson(lines, NorthwindTelemetry.ACTOR).accepted());
        nativeLines.setLength(0);
        nativeCount = 0;
    }

    /** Working hours (08:00–18:00 UTC); today, not after now. */
    private Instant timeOn(LocalDate day) {
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
        long span = 10 * 3600;
        if (day.equals(today)) {
            span = Math.max(1, Math.min(span, now.getEpochSecond() - start.getEpochSecond() - 60));
            if (now.isBefore(start.plusSeconds(120))) {
                start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                span = Math.max(1, now.getEpochSecond() - start.getEpochSecond() - 60);
            }
        }
        return start.plusSeconds((long) (random.nextDouble() * span));
    }

    private String outcome(double[] shares) {
        double draw = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (draw < cumulative) {
                return OUTCOMES[i];
            }
        }
        return "UNKNOWN";
    }

    /**
     * An id that begins with its time (epoch seconds, as AWS X-Ray's trace ids do), the rest
     * random: ids of later operations sort after earlier ones, which stores index cheaply.
     */
    private ByteString timedId(Instant time, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        java.nio.ByteBuffer.wrap(bytes).putInt((int) time.getEpochSecond());
        return ByteString.copyFrom(bytes);
    }

    private ByteString bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] |= 1;
        return ByteString.copyFrom(bytes);
    }

    private static String hex(ByteString bytes) {
        return java.util.HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue integer(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }
}
