package dev.pitwall.telemetry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class OtlpSpanReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OtlpSpanReader reader = new OtlpSpanReader(new TelemetryProperties(DataSize.ofMegabytes(1), 1000, 1,
            Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(1),
                    TelemetryProperties.WritePath.DIRECT,
                    new TelemetryProperties.Kafka(false, "t", "t.dlt", "g", 1000, Duration.ofSeconds(5),
                            new TelemetryProperties.Writer("w", "w.dlt", true, "wg", 5000, 12, 2, Duration.ofSeconds(30))),
                    TelemetryProperties.Store.DATABASE, new TelemetryProperties.ClickHouse("http://127.0.0.1:8123",
                            "pitwall", "default", "", Duration.ofSeconds(60))));

    static byte[] sample(String path) throws IOException {
        try (InputStream in = OtlpSpanReaderTest.class.getResourceAsStream("/samples/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theOfficialOtlpJsonExampleHasOneSpanAndItIsNotGenAi() throws IOException {
        ExportTraceServiceRequest request = OtlpJson.parse(sample("otlp/otlp-proto-v1.11.0-trace.json"),
                ExportTraceServiceRequest.newBuilder()).build();
        assertThat(request.getResourceSpans(0).getScopeSpans(0).getSpans(0).getTraceId())
                .isEqualTo(ByteString.copyFrom(HexFormat.of().parseHex("5B8EFFF798038103D269B633813FC60C")));
        ParsedBatch batch = reader.read(request);
        assertThat(batch.events()).isEmpty();
        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.skipped()).isEqualTo(1);
    }

    /**
     * Real agent traces (Langfuse exports of OpenTelemetry spans, attributes as the frameworks set
     * them) replayed as OTLP: expected figures counted by hand from each file.
     */
    @ParameterizedTest
    @CsvSource({
        "claude-agent-2025-12-22.trace.json, 7, 0, 0, 0",
        "csharp-agent-with-gemini-2026-03-09.trace.json, 7, 1, 16094, 828",
        "google-adk-2025-08-28.trace.json, 3, 2, 67, 9",
        "koog-2025-08-26.trace.json, 11, 0, 0, 0",
        "microsoft-agent-2025-12-17.trace.json, 4, 0, 293, 106",
        "openai-agents-2025-09-30.trace.json, 0, 5, 0, 0",
        "pydantic-ai-tools-2025-12-04.trace.json, 10, 2, 2630, 418",
        "pydantic-ai-with-gemini-2025-12-24.trace.json, 1, 0, 40, 159",
        "vercel-aisdk-2025-11-17.trace.json, 1, 2, 62, 85"})
    void realAgentTracesBecomeUsageEvents(String file, int genAi, int skipped, long inputTokens, long outputTokens)
            throws IOException {
        ParsedBatch batch = reader.read(LangfuseReplay.toOtlp(JSON.readTree(sample("langfuse/" + file))));
        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.events()).hasSize(genAi);
        assertThat(batch.skipped()).isEqualTo(skipped);
        assertThat(batch.events().stream().mapToLong(e -> e.inputTokens() == null ? 0 : e.inputTokens()).sum())
                .isEqualTo(inputTokens);
        assertThat(batch.events().stream().mapToLong(e -> e.outputTokens() == null ? 0 : e.outputTokens()).sum())
                .isEqualTo(outputTokens);
        assertThat(batch.events()).allSatisfy(e -> {
            assertThat(e.eventId()).matches("[0-9a-f]{32}-[0-9a-f]{16}");
            assertThat(e.attributes().keySet()).noneMatch(GenAiAttributes.CONTENT::contains);
        });
    }

    @Test
    void theGoogleAdkTraceNamesItsUserAndProvider() throws IOException {
        ParsedBatch batch = reader.read(LangfuseReplay.toOtlp(JSON.readTree(sample("langfuse/google-adk-2025-08-28.trace.json"))));
        assertThat(batch.events()).allSatisfy(e -> {
            assertThat(e.person()).isEqualTo("demo-user");
            assertThat(e.identity().providerName()).isEqualTo("gcp.vertex.agent");
        });
    }

    private static Span.Builder span(int n) {
        return Span.newBuilder().setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
                .setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) n})).setName("s" + n)
                .setStartTimeUnixNano(1_764_000_000_000_000_000L).setEndTimeUnixNano(1_764_000_000_250_000_000L);
    }

    private static KeyValue attr(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static AnyValue str(String value) {
        return AnyValue.newBuilder().setStringValue(value).build();
    }

    private static ExportTraceServiceRequest request(Span.Builder... spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (Span.Builder span : spans) {
            scope.addSpans(span);
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                        .addAttributes(attr("service.name", str("svc"))).addAttributes(attr("user.id", str("r@x.y"))))
                .addScopeSpans(scope)).build();
    }

    @Test
    void readsCurrentAndDeprecatedNamesLatencyErrorsAndTheResourceUser() {
        ParsedBatch batch = reader.read(request(
                span(1).addAttributes(attr("gen_ai.operation.name", str("chat")))
                        .addAttributes(attr("gen_ai.system", str("openai")))
                        .addAttributes(attr("gen_ai.request.model", str("gpt-4o")))
                        .addAttributes(attr("gen_ai.usage.prompt_tokens", AnyValue.newBuilder().setIntValue(10).build()))
                        .addAttributes(attr("gen_ai.usage.completion_tokens", AnyValue.newBuilder().setDoubleValue(4.0).build()))
                        .addAttributes(attr("error.type", str("rate_limited"))),
                span(2).addAttributes(attr("gen_ai.provider.name", str("anthropic")))
                        .addAttributes(attr("user.id", str("span@x.y")))
                        .addAttributes(attr("pitwall.cost", AnyValue.newBuilder().setDoubleValue(0.5).build()))));
        assertThat(batch.rejections()).isEmpty();
        IncomingEvent first = batch.events().get(0);
        assertThat(first.inputTokens()).isEqualTo(10);
        assertThat(first.outputTokens()).isEqualTo(4);
        assertThat(first.identity().providerName()).isEqualTo("openai");
        assertThat(first.identity().serviceName()).isEqualTo("svc");
        assertThat(first.model()).isEqualTo("gpt-4o");
        assertThat(first.error()).isTrue();
        assertThat(first.latencyMs()).isEqualTo(250);
        assertThat(first.time()).isEqualTo(Instant.ofEpochSecond(1_764_000_000L));
        assertThat(first.person()).isEqualTo("r@x.y");
        IncomingEvent second = batch.events().get(1);
        assertThat(second.person()).isEqualTo("span@x.y");
        assertThat(second.cost()).isEqualByComparingTo("0.5");
        assertThat(second.error()).isFalse();
    }

    @Test
    void aBadSpanIsRejectedAloneWithItsNumberIdsAndAttribute() {
        ParsedBatch batch = reader.read(request(
                span(1).addAttributes(attr("gen_ai.operation.name", str("chat"))),
                span(2).addAttributes(attr("gen_ai.usage.input_tokens", str("lots"))),
                span(3).setSpanId(ByteString.copyFrom(new byte[3])).addAttributes(attr("gen_ai.operation.name", str("chat"))),
                span(4).setEndTimeUnixNano(1).addAttributes(attr("gen_ai.operation.name", str("chat"))),
                span(5).addAttributes(attr("http.route", str("/")))));
        assertThat(batch.events()).extracting(IncomingEvent::line).containsExactly(1);
        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(batch.rejections()).extracting(Violation::line, Violation::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "gen_ai.usage.input_tokens"),
                org.assertj.core.groups.Tuple.tuple(3, "spanId"),
                org.assertj.core.groups.Tuple.tuple(4, "endTimeUnixNano"));
        assertThat(batch.rejections().get(0).reason()).contains("0102030405060708090a0b0c0d0e0f10").contains("'lots'");
    }

    @Test
    void tooManySpansIsTooLargeAndJsonThatIsNotOtlpIsMalformed() {
        Span.Builder[] many = new Span.Builder[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = span(1);
        }
        assertThatThrownBy(() -> reader.read(request(many))).isInstanceOf(IngestionTooLarge.class);
        assertThatThrownBy(() -> OtlpJson.parse("{\"resourceSpans\":{\"x\":1}}".getBytes(), ExportTraceServiceRequest.newBuilder()))
                .isInstanceOf(MalformedBody.class);
        assertThatThrownBy(() -> OtlpJson.parse("[1]".getBytes(), ExportTraceServiceRequest.newBuilder()))
                .isInstanceOf(MalformedBody.class);
        assertThat(OtlpJson.parse("{\"resourceSpans\":[],\"futureField\":{\"a\":1}}".getBytes(),
                ExportTraceServiceRequest.newBuilder()).getResourceSpansCount()).isZero();
    }
}
