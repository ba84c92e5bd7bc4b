package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.Evaluation;
import dev.pitwall.telemetry.EvaluationService;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageEventQuery;
import dev.pitwall.telemetry.UsageEventService;
import dev.pitwall.testing.DatabaseAvailability;
import dev.pitwall.testing.TestUsers;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real OpenTelemetry Java SDK, configured only as its documentation says
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT=http://host:port/otlp}, a bearer token header, gzip), exports
 * GenAI spans to a running Pitwall; they come back through the API as usage events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class OpenTelemetrySdkExportTest {

    @LocalServerPort
    int port;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    AiSystemService systems;
    @Autowired
    WorkflowService workflows;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UsageEventService events;
    @Autowired
    EvaluationService evaluations;

    private OpenTelemetrySdk sdk(String token, String serviceName, String protocolCompression) {
        Map<String, String> config = new HashMap<>();
        config.put("otel.exporter.otlp.endpoint", "http://localhost:" + port + "/otlp");
        config.put("otel.exporter.otlp.protocol", "http/protobuf");
        config.put("otel.exporter.otlp.headers", "Authorization=Bearer " + token);
        config.put("otel.exporter.otlp.compression", protocolCompression);
        config.put("otel.service.name", serviceName);
        config.put("otel.traces.exporter", "otlp");
        config.put("otel.metrics.exporter", "none");
        config.put("otel.logs.exporter", "otlp");
        config.put("otel.blrp.schedule.delay", "100");
        config.put("otel.bsp.schedule.delay", "100");
        return AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> config).disableShutdownHook()
                .build().getOpenTelemetrySdk();
    }

    @Test
    void genAiSpansExportedByTheSdkBecomeUsageEvents() {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        var contributor = TestUsers.create(users, Role.CONTRIBUTOR);
        String token = tokens.issue(contributor.id(), new NewApiToken("otel-" + fx.suffix, Set.of("ingest"), null)).secret();

        try (OpenTelemetrySdk sdk = sdk(token, fx.serviceName, "gzip")) {
            Tracer tracer = sdk.getTracer("pitwall-test");
            Span chat = tracer.spanBuilder("chat m1").startSpan();
            chat.setAttribute("gen_ai.operation.name", "chat");
            chat.setAttribute("gen_ai.provider.name", "acme");
            chat.setAttribute("gen_ai.request.model", "m1");
            chat.setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 1200L);
            chat.setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), 300L);
            chat.setAttribute("user.id", fx.member.email());
            chat.setAttribute("pitwall.workflow", fx.workflow);
            chat.setAttribute("pitwall.outcome", "edited");
            chat.setAttribute("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"content\":\"secret\"}]}]");
            chat.end();

            Span failed = tracer.spanBuilder("chat m1").startSpan();
            failed.setAttribute("gen_ai.operation.name", "chat");
            failed.setAttribute("gen_ai.system", "acme");
            failed.setAttribute(AttributeKey.longKey("gen_ai.usage.prompt_tokens"), 50L);
            failed.setAttribute("enduser.id", fx.outsider.externalId());
            failed.setAttribute("error.type", "timeout");
            failed.setStatus(StatusCode.ERROR);
            failed.end();

            Span http = tracer.spanBuilder("GET /health").startSpan();
            http.setAttribute("http.request.method", "GET");
            http.end();

            CompletableResultCode flushed = sdk.getSdkTracerProvider().forceFlush().join(20, TimeUnit.SECONDS);
            assertThat(flushed.isSuccess()).as("the exporter got a success response").isTrue();
            // The evaluation is emitted once its span is stored, so it finds the span's AI system and
            // workflow (emitted earlier, the log processor's own timer may export it first).
            sdk.getSdkLoggerProvider().get("pitwall-test").logRecordBuilder()
                    .setEventName("gen_ai.evaluation.result")
                    .setContext(Context.root().with(chat))
                    .setAttribute(AttributeKey.stringKey("gen_ai.evaluation.name"), "relevance")
                    .setAttribute(AttributeKey.doubleKey("gen_ai.evaluation.score.value"), 0.8)
                    .setAttribute(AttributeKey.stringKey("gen_ai.evaluation.score.label"), "relevant")
                    .emit();

            assertThat(sdk.getSdkLoggerProvider().forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        }

        List<UsageEvent> stored = events.find(new UsageEventQuery(null, fx.system, null, null, null, null, null, null),
                new PageQuery(0, 10)).content().stream().sorted(Comparator.comparing(UsageEvent::inputTokens)).toList();
        assertThat(stored).hasSize(2);
        UsageEvent failedEvent = stored.get(0);
        assertThat(failedEvent.personId()).isEqualTo(fx.outsider.id());
        assertThat(failedEvent.inputTokens()).isEqualTo(50);
        assertThat(failedEvent.error()).isTrue();
        assertThat(failedEvent.attribution()).isEqualTo(Attribution.NONE);
        UsageEvent chatEvent = stored.get(1);
        assertThat(chatEvent.personId()).isEqualTo(fx.member.id());
        assertThat(chatEvent.systemKey()).isEqualTo(fx.system);
        assertThat(chatEvent.workflowKey()).isEqualTo(fx.workflow);
        assertThat(chatEvent.attribution()).isEqualTo(Attribution.EXPLICIT);
        assertThat(chatEvent.outputTokens()).isEqualTo(300);
        assertThat(chatEvent.model()).isEqualTo("m1");
        assertThat(chatEvent.outcome().name()).isEqualTo("EDITED");
        assertThat(chatEvent.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(chatEvent.id()).matches("[0-9a-f]{32}-[0-9a-f]{16}");
        assertThat(chatEvent.attributes()).contains("gen_ai.provider.name").doesNotContain("secret");

        List<Evaluation> scores = evaluations.find(fx.system, null, null, new PageQuery(0, 10)).content();
        assertThat(scores).singleElement().satisfies(score -> {
            assertThat(score.name()).isEqualTo("relevance");
            assertThat(score.scoreValue()).isEqualTo(0.8);
            assertThat(score.scoreLabel()).isEqualTo("relevant");
            assertThat(score.eventRef()).isEqualTo(chatEvent.id());
            assertThat(score.workflowKey()).isEqualTo(fx.workflow);
        });
    }

    @Test
    void aTokenWithoutTheIngestScopeIsRefusedAndTheExporterSeesTheFailure() {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        var contributor = TestUsers.create(users, Role.CONTRIBUTOR);
        String readOnly = tokens.issue(contributor.id(), new NewApiToken("ro-" + fx.suffix, Set.of("read"), null)).secret();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint("http://localhost:" + port + "/otlp/v1/traces")
                .addHeader("Authorization", "Bearer " + readOnly).build();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.builder().put("service.name", fx.serviceName).build()))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Span chat = provider.get("pitwall-test").spanBuilder("chat").startSpan();
            chat.setAttribute("gen_ai.operation.name", "chat");
            chat.end();
            CompletableResultCode flushed = provider.forceFlush().join(20, TimeUnit.SECONDS);
            assertThat(flushed.isSuccess()).as("a 403 is a failed export").isFalse();
        }
        assertThat(events.find(new UsageEventQuery(null, fx.system, null, null, null, null, null, null),
                new PageQuery(0, 10)).totalElements()).isZero();
    }
}
