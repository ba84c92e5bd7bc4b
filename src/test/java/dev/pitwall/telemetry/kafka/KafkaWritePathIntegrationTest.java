package dev.pitwall.telemetry.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.DailyUsage;
import dev.pitwall.telemetry.IngestionBatch;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageEventIngestion;
import dev.pitwall.telemetry.UsageEventQuery;
import dev.pitwall.telemetry.UsageEventService;
import dev.pitwall.telemetry.UsageRollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Kafka write path on a real (in-JVM) broker with two store writers in one consumer group: this
 * context's writer and a second "node" built the same way. The second stores a batch and then
 * stops answering before it commits the batch's offsets (as a node killed at that moment); the
 * group gives its partitions to the first, which reads the batch again. Every event a request was
 * acknowledged for is stored exactly once, and counted once in the daily rollups.
 */
@PitwallIntegrationTest
@TestPropertySource(properties = {
    "pitwall.telemetry.write-path=kafka",
    "pitwall.telemetry.kafka.writer.max-poll-records=40",
    "pitwall.telemetry.kafka.writer.partitions=4",
    "pitwall.telemetry.kafka.retry-backoff=200ms",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 4, topics = {"pitwall.accepted-usage-events", "pitwall.accepted-usage-events.dlt"})
// The broker stops with this context, right after the class, not at JVM exit (where its shutdown stalls).
@DirtiesContext
class KafkaWritePathIntegrationTest {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int REQUESTS = 30;
    static final int EVENTS_PER_REQUEST = 50;

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
    UsageEventService events;
    @Autowired
    UsageRollupService usage;
    @Autowired
    UsageEventIngestion ingestion;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    TelemetryProperties telemetry;
    @Autowired
    KafkaTemplate<String, String> acceptedEventsProducer;
    @Autowired
    ConcurrentMessageListenerContainer<String, String> storeWriters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.kafka.test.EmbeddedKafkaBroker broker;
    @Autowired
    dev.pitwall.telemetry.internal.AcceptedEventQueue queue;
    @Autowired
    dev.pitwall.people.PersonalDataService erasure;

    @Test
    void everyAcknowledgedEventIsStoredExactlyOnceWhenAWriterDiesMidStream() throws Exception {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        RequestPostProcessor contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(),
                TestUsers.PASSWORD);

        // The second node: a real store writer that, on its third batch, stores it and then hangs
        // until after the test, never committing; past max.poll.interval.ms it leaves the group.
        AtomicInteger batchesOfTheDyingNode = new AtomicInteger();
        AtomicInteger storedByTheDyingNode = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        StoreWriter real = new StoreWriter(ingestion, acceptedEventsProducer, telemetry.kafka().writer().deadLetterTopic(),
                telemetry.kafka().writer().groupId());
        BatchMessageListener<String, String> dying = (List<ConsumerRecord<String, String>> records) -> {
            real.onMessage(records);
            if (batchesOfTheDyingNode.incrementAndGet() == 3) {
                storedByTheDyingNode.set(records.size());
                try {
                    released.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("this node is dead");
            }
        };
        ConcurrentMessageListenerContainer<String, String> secondNode = KafkaWritePathConfiguration.container(kafka,
                telemetry, dying, Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 4000,
                        ConsumerConfig.CLIENT_ID_CONFIG, "second-node"));
        secondNode.setBeanName("second-node");
        secondNode.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !secondNode.getAssignedPartitions().isEmpty()
                    && !storeWriters.getAssignedPartitions().isEmpty());

            int acknowledged = 0;
            String retried = null;
            for (int r = 0; r < REQUESTS; r++) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                    body.append(fx.event("r" + r + "-" + i, "2026-10-1" + (i % 3) + "T09:00:00Z", fx.member.email(),
                            "\"inputTokens\":" + i)).append('\n');
                }
                if (r == 5) {
                    retried = body.toString();
                }
                String answer = mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON)
                                .content(body.toString()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.queued").value(true))
                        .andExpect(jsonPath("$.accepted").value(EVENTS_PER_REQUEST))
                        .andReturn().getResponse().getContentAsString();
                assertThat(answer).contains("\"batchId\"");
                acknowledged += EVENTS_PER_REQUEST;
                if (r == 10) {
                    // A client that did not see its answer sends a request again: same ids.
                    mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(retried))
                            .andExpect(status().isOk()).andExpect(jsonPath("$.queued").value(true));
                }
            }
            int expected = acknowledged;

            // The second node stored its third batch and died; the first one takes over its partitions.
            await().atMost(Duration.ofSeconds(60)).until(() -> storedByTheDyingNode.get() > 0);
            await().atMost(Duration.ofSeconds(90)).until(() -> storedOf(fx) == expected
                    && rolledUp(fx).stream().mapToLong(DailyUsage::events).sum() == expected);
            assertThat(storedOf(fx)).isEqualTo(REQUESTS * EVENTS_PER_REQUEST);
            List<String> ids = storedEvents(fx).stream().map(UsageEvent::id).toList();
            assertThat(ids).hasSize(expected).doesNotHaveDuplicates();

            // The batch the dead node stored was read again and found stored: duplicates, with the
            // retried request's fifty, in the writers' batches.
            List<IngestionBatch> writerBatches = writerBatches();
            int duplicates = writerBatches.stream().mapToInt(IngestionBatch::duplicates).sum();
            assertThat(duplicates).isGreaterThanOrEqualTo(EVENTS_PER_REQUEST + storedByTheDyingNode.get());

            // Counted once in the daily rollups, tokens summed once.
            List<DailyUsage> daily = rolledUp(fx);
            assertThat(daily.stream().mapToLong(DailyUsage::events).sum()).isEqualTo(expected);
            long tokens = 0;
            for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                tokens += (long) i * REQUESTS;
            }
            assertThat(daily.stream().mapToLong(DailyUsage::inputTokens).sum()).isEqualTo(tokens);
        } finally {
            released.countDown();
            secondNode.stop();
        }
    }

    @Test
    void openTelemetrySpansTakeTheWritePathAndAreStoredAsTheDirectPathStoresThem() throws Exception {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        RequestPostProcessor contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(),
                TestUsers.PASSWORD);
        String trace = fx.suffix.repeat(4);
        String body = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},
                 "scopeSpans":[{"scope":{"name":"test"},"spans":[
                  {"traceId":"%s","spanId":"00000000000000A1","name":"chat","kind":3,
                   "startTimeUnixNano":"1764000000000000000","endTimeUnixNano":"1764000000800000000",
                   "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                                 {"key":"gen_ai.request.model","value":{"stringValue":"m1"}},
                                 {"key":"gen_ai.usage.input_tokens","value":{"intValue":"42"}},
                                 {"key":"gen_ai.usage.output_tokens","value":{"intValue":"7"}},
                                 {"key":"user.id","value":{"stringValue":"%s"}}],
                   "status":{"code":2}},
                  {"traceId":"%s","spanId":"00000000000000A2","name":"chat","startTimeUnixNano":"1764000000000000000",
                   "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                                 {"key":"gen_ai.usage.input_tokens","value":{"stringValue":"lots"}}]}
                 ]}]}]}""".formatted(fx.serviceName, trace, fx.member.email(), trace);
        mvc.perform(post("/otlp/v1/traces").with(contributor).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partialSuccess.rejectedSpans").value("1"));
        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(fx) == 1);
        UsageEvent span = storedEvents(fx).get(0);
        assertThat(span.source()).isEqualTo(TelemetrySource.OTLP);
        assertThat(span.systemKey()).isEqualTo(fx.system);
        assertThat(span.operation()).isEqualTo("chat");
        assertThat(span.model()).isEqualTo("m1");
        assertThat(span.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(span.personId()).isEqualTo(fx.member.id());
        assertThat(span.inputTokens()).isEqualTo(42);
        assertThat(span.outputTokens()).isEqualTo(7);
        assertThat(span.latencyMs()).isEqualTo(800);
        assertThat(span.error()).isTrue();
        // The request's own batch says what it queued and refused; the writer's what it stored.
        IngestionBatch request = events.batches(new PageQuery(0, 100)).content().stream()
                .filter(b -> b.queued() == 1 && b.rejected() == 1).findFirst().orElseThrow();
        assertThat(request.accepted()).isZero();
        assertThat(request.rolledUp()).isTrue();
        mvc.perform(get("/telemetry/batches/{id}", request.id()).with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 queued for the store")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"queued-note\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Events stored by this batch"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("0 accepted"))));
    }

    @Test
    void recordsThatAreNotAcceptedEventsAreDeadLetteredAndTheRestOfTheirPollStored() throws Exception {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        java.util.function.BiFunction<String, String, String> event = (id, model) -> QueuedEvent.of(
                dev.pitwall.telemetry.TelemetrySource.NATIVE, dev.pitwall.telemetry.TelemetrySource.NATIVE,
                new dev.pitwall.telemetry.internal.ResolvedEvent(new dev.pitwall.telemetry.IncomingEvent(1,
                        id + "-" + fx.suffix, java.time.Instant.parse("2026-10-10T09:00:00Z"), fx.member.email(), null,
                        null, null, "chat", model, 5L, 1L, null, null, false, dev.pitwall.telemetry.Outcome.UNKNOWN,
                        Map.of()), fx.member.id(), fx.member.email(), null, null,
                        dev.pitwall.telemetry.Attribution.NONE, null)).toJson();
        String topic = telemetry.kafka().writer().topic();
        acceptedEventsProducer.send(topic, fx.suffix, event.apply("good", "m1"));
        acceptedEventsProducer.send(topic, fx.suffix, event.apply("nul", "m\u0000"));
        acceptedEventsProducer.send(topic, fx.suffix, "{not json");
        acceptedEventsProducer.flush();

        // These events name no AI system: counted by their person.
        await().atMost(Duration.ofSeconds(60)).until(() -> events.find(new UsageEventQuery(fx.member.email(), null, null,
                null, null, null, null, null), new PageQuery(0, 1)).totalElements() == 1);
        Map<String, Object> consumerConfig = new java.util.HashMap<>(org.springframework.kafka.test.utils.KafkaTestUtils
                .consumerProps(broker, "dlt-reader-" + fx.suffix, false));
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (org.apache.kafka.clients.consumer.Consumer<String, String> dlt =
                new org.springframework.kafka.core.DefaultKafkaConsumerFactory<>(consumerConfig,
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.StringDeserializer()).createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(dlt, telemetry.kafka().writer().deadLetterTopic());
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                org.springframework.kafka.test.utils.KafkaTestUtils.getRecords(dlt, Duration.ofSeconds(1))
                        .forEach(dead::add);
                return dead.stream().filter(r -> fx.suffix.equals(r.key())).count() >= 2;
            });
            Map<String, String> reasons = new java.util.HashMap<>();
            dead.stream().filter(r -> fx.suffix.equals(r.key())).forEach(r -> reasons.put(r.value(), new String(
                    r.headers().lastHeader(KafkaUsageEventsListener.REJECTION_HEADER).value(),
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(reasons).hasSize(2).containsKey("{not json");
            assertThat(reasons.get(event.apply("nul", "m\u0000"))).startsWith("model");
        }
    }

    @Test
    void theBacklogIsWhatTheBrokersAcknowledgedAndTheWritersHaveNotStored() throws Exception {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        RequestPostProcessor contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(),
                TestUsers.PASSWORD);
        RequestPostProcessor admin = httpBasic("admin", "test-admin-password");
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.backlog().orElse(-1) == 0);
        storeWriters.stop();
        try {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 25; i++) {
                body.append(fx.event("b" + i, "2026-10-10T09:00:00Z", fx.member.email(), null)).append('\n');
            }
            mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body.toString()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(25));
            assertThat(queue.backlog()).hasValue(25);
            assertThat(storedOf(fx)).isZero();
            mvc.perform(get("/telemetry").with(admin)).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Acknowledged, not yet stored")))
                    .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                            "(?s).*id=\"write-path-backlog\">25<.*")));
        } finally {
            storeWriters.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(fx) == 25 && queue.backlog().orElse(-1) == 0);
    }

    @Test
    void eventsOfAPersonErasedWhileTheyWereQueuedAreStoredPseudonymised() throws Exception {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        RequestPostProcessor contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(),
                TestUsers.PASSWORD);
        String email = fx.member.email();
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.backlog().orElse(-1) == 0);
        storeWriters.stop();
        try {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                body.append(fx.event("e" + i, "2026-10-10T09:00:00Z", email,
                        "\"inputTokens\":10,\"attributes\":{\"requestedBy\":\"" + email + "\"}")).append('\n');
            }
            mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body.toString()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(3));
            erasure.erase(fx.member.id(), email);
        } finally {
            storeWriters.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(fx) == 3);
        List<UsageEvent> stored = storedEvents(fx);
        assertThat(stored).hasSize(3).allSatisfy(e -> {
            assertThat(e.personRef()).endsWith("@" + dev.pitwall.people.PersonalDataService.ERASED_DOMAIN);
            assertThat(e.attributes()).isNull();
        });
        assertThat(stored.stream().mapToLong(UsageEvent::inputTokens).sum()).isEqualTo(30);
    }

    /** Counted through the event list: the same on every event store. */
    private long storedOf(TelemetryFixture fx) {
        return events.find(ofSystem(fx), new PageQuery(0, 1)).totalElements();
    }

    /** Every stored event of the fixture's AI system, page by page (each stored event once). */
    private List<UsageEvent> storedEvents(TelemetryFixture fx) {
        List<UsageEvent> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<UsageEvent> content = events.find(ofSystem(fx), new PageQuery(page, 200)).content();
            all.addAll(content);
            if (content.size() < 200) {
                return all;
            }
        }
    }

    private static UsageEventQuery ofSystem(TelemetryFixture fx) {
        return new UsageEventQuery(null, fx.system, null, null, null, null, null, null);
    }

    private List<DailyUsage> rolledUp(TelemetryFixture fx) {
        return usage.daily(LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-12"), fx.system, null);
    }

    private List<IngestionBatch> writerBatches() {
        List<IngestionBatch> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<IngestionBatch> content = events.batches(new PageQuery(page, 100)).content();
            content.stream().filter(b -> b.actor().startsWith("kafka-writer:")).forEach(found::add);
            if (content.size() < 100) {
                return found;
            }
        }
    }
}
