package dev.pitwall.telemetry.ingest;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the OTLP spans of a Langfuse trace export: each observation was one span, its
 * {@code metadata.attributes} the span's attributes (as the framework set them: mostly strings) and
 * {@code metadata.resourceAttributes} its resource. Nested values, which OpenTelemetry attributes
 * cannot hold, become JSON strings, as the frameworks' exporters write them.
 */
public final class LangfuseReplay {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LangfuseReplay() {
    }

    public static ExportTraceServiceRequest toOtlp(JsonNode export) {
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        for (JsonNode observation : export.get("observations")) {
            JsonNode metadata = observation.get("metadata");
            if (metadata != null && metadata.isString()) {
                metadata = JSON.readTree(metadata.stringValue());
            }
            Resource.Builder resource = Resource.newBuilder();
            Span.Builder span = Span.newBuilder()
                    .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(observation.get("traceId").stringValue())))
                    .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(observation.get("id").stringValue())))
                    .setName(observation.get("name").asString())
                    .setStartTimeUnixNano(nanos(observation.get("startTime")));
            if (observation.hasNonNull("endTime")) {
                span.setEndTimeUnixNano(nanos(observation.get("endTime")));
            }
            if (metadata != null && metadata.isObject()) {
                attributes(metadata.get("attributes"), span::addAttributes);
                attributes(metadata.get("resourceAttributes"), resource::addAttributes);
            }
            request.addResourceSpans(ResourceSpans.newBuilder().setResource(resource)
                    .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)));
        }
        return request.build();
    }

    private static long nanos(JsonNode time) {
        Instant instant = Instant.parse(time.stringValue());
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static void attributes(JsonNode object, java.util.function.Consumer<KeyValue> add) {
        if (object == null || !object.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            AnyValue.Builder any = AnyValue.newBuilder();
            if (value.isString()) {
                any.setStringValue(value.stringValue());
            } else if (value.isIntegralNumber()) {
                any.setIntValue(value.longValue());
            } else if (value.isNumber()) {
                any.setDoubleValue(value.doubleValue());
            } else if (value.isBoolean()) {
                any.setBoolValue(value.booleanValue());
            } else if (value.isNull()) {
                continue;
            } else {
                any.setStringValue(value.toString());
            }
            add.accept(KeyValue.newBuilder().setKey(entry.getKey()).setValue(any).build());
        }
    }
}
