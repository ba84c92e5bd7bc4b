package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.protobuf.ByteString;
import com.google.rpc.Status;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** OTLP/HTTP as the specification describes it: success, partial success and each failure status. */
@PitwallIntegrationTest
class OtlpTracesIntegrationTest {

    static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");

    @Autowired
    dev.pitwall.telemetry.UsageEventService usageEvents;
    @Autowired
    MockMvc mvc;
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
    IngestionLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    TelemetryFixture fx;
    RequestPostProcessor contributor;

    @BeforeEach
    void organization() {
        fx = new TelemetryFixture(people, teams, systems, workflows);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    private String genAiJson(String tokens) {
        String trace = fx.suffix.repeat(4);
        return """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},
                 "scopeSpans":[{"scope":{"name":"test"},"spans":[
                  {"traceId":"%s","spanId":"00000000000000A1","name":"chat","kind":3,
                   "startTimeUnixNano":"1764000000000000000","endTimeUnixNano":"1764000000800000000",
                   "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                                 {"key":"gen_ai.usage.input_tokens","value":{"intValue":"42"}},
                                 {"key":"user.id","value":{"stringValue":"%s"}}],
                   "status":{"code":1}},
                  {"traceId":"%s","spanId":"00000000000000A2","name":"chat","startTimeUnixNano":"1764000000000000000",
                   "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                                 {"key":"gen_ai.usage.input_tokens","value":%s}]},
                  {"traceId":"%s","spanId":"00000000000000A3","name":"GET /","startTimeUnixNano":"1764000000000000000"}
                 ]}]}]}""".formatted(fx.serviceName, trace, fx.member.email(), trace, tokens, trace);
    }

    /** Events stored for the AI system, counted through the event list (whichever store keeps them). */
    private long stored() {
        return usageEvents.find(new dev.pitwall.telemetry.UsageEventQuery(null, fx.system, null, null, null, null, null, null),
                new dev.pitwall.platform.web.PageQuery(0, 1)).totalElements();
    }

    @Test
    void theOfficialExampleIsAcceptedWithAnEmptyResponseAndStoresNothing() throws Exception {
        byte[] example;
        try (InputStream in = getClass().getResourceAsStream("/samples/otlp/otlp-proto-v1.11.0-trace.json")) {
            example = in.readAllBytes();
        }
        mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(MediaType.APPLICATION_JSON).content(example))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("{}"));
    }

    @Test
    void invalidSpansArePartialSuccessAndRetriesStoreNothingTwice() throws Exception {
        String body = genAiJson("{\"stringValue\":\"lots\"}");
        mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partialSuccess.rejectedSpans").value("1"))
                .andExpect(jsonPath("$.partialSuccess.errorMessage").value(
                        org.hamcrest.Matchers.containsString("gen_ai.usage.input_tokens")));
        assertThat(stored()).isEqualTo(1);
        mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void whenEverySpanIsInvalidItIsStillPartialSuccessNotAFailedRequest() throws Exception {
        Span bad = Span.newBuilder().setTraceId(ByteString.copyFrom(new byte[16])).setSpanId(ByteString.copyFrom(new byte[8]))
                .setStartTimeUnixNano(1).addAttributes(KeyValue.newBuilder().setKey("gen_ai.operation.name")
                        .setValue(AnyValue.newBuilder().setStringValue("chat"))).build();
        ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(bad))).build();
        byte[] response = mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(PROTOBUF)
                        .content(request.toByteArray()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(PROTOBUF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(ExportTraceServiceResponse.parseFrom(response).getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    }

    @Test
    void undecodableBodiesAre400WithAStatusInTheRequestsEncoding() throws Exception {
        mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resourceSpans\": [ {"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(3))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("not valid JSON")));
        byte[] body = mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(PROTOBUF)
                        .content(new byte[] {0x0a, 0x7f, 0x01}))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Status.parseFrom(body).getCode()).isEqualTo(3);
        mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resourceSpans\": 5}"))
                .andExpect(status().isBadRequest());
        assertThat(stored()).isZero();
    }

    @Test
    void overTheSpanLimitIs413AndABusyNodeIs429WithRetryAfter() throws Exception {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        Span span = Span.newBuilder().setName("x").build();
        for (int i = 0; i <= 50_000; i++) {
            scope.addSpans(span);
        }
        byte[] many = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
                .build().toByteArray();
        byte[] status413 = mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(PROTOBUF).content(many))
                .andExpect(status().isPayloadTooLarge()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Status.parseFrom(status413).getCode()).isEqualTo(com.google.rpc.Code.RESOURCE_EXHAUSTED_VALUE);

        CountDownLatch holding = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> limiter.run(() -> {
                    holding.countDown();
                    release.await();
                    return null;
                }));
            }
            holding.await();
            mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(MediaType.APPLICATION_JSON)
                            .content(genAiJson("{\"intValue\":\"1\"}")))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.code").value(com.google.rpc.Code.RESOURCE_EXHAUSTED_VALUE));
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertThat(stored()).isZero();
    }

    @Test
    void otherRolesMayNotExport() throws Exception {
        RequestPostProcessor viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        mvc.perform(post("/otlp/v1/traces").with(viewer).contentType(MediaType.APPLICATION_JSON)
                        .content(genAiJson("{\"intValue\":\"1\"}")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value(7));
        mvc.perform(post("/otlp/v1/traces").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        assertThat(stored()).isZero();
    }
}
