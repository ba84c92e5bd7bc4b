package dev.pitwall.telemetry.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.IngestionBatch;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEventQuery;
import dev.pitwall.telemetry.UsageEventService;
import dev.pitwall.testing.DatabaseAvailability;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Native events through a real (in-JVM) Kafka broker: valid records are stored once, with the same
 * ids as HTTP; invalid ones land on the dead-letter topic with their reason.
 */
@SpringBootTest(properties = {
    "pitwall.telemetry.kafka.enabled=true",
    "pitwall.telemetry.kafka.retry-backoff=200ms",
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 2, topics = {"pitwall.usage-events", "pitwall.usage-events.dlt"})
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
// The broker stops with this context, right after the class, not at JVM exit (where its shutdown stalls).
@DirtiesContext
class KafkaSourceIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    AiSystemService systems;
    @Autowired
    WorkflowService workflows;
    @Autowired
    UsageEventService events;

    @Test
    void validRecordsAreStoredOnceAndInvalidOnesAreDeadLettered() throws Exception {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        Map<String, Object> producerConfig = new HashMap<>(KafkaTestUtils.producerProps(broker));
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        KafkaTemplate<String, String> producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(fx.event("k" + i, "2026-10-10T09:00:00Z", fx.member.email(), "\"inputTokens\":" + i));
        }
        values.add(fx.event("k3", "2026-10-10T09:00:00Z", fx.member.email(), "\"inputTokens\":3"));
        values.add("{not json");
        values.add(fx.event("ghost", "2026-10-10T09:00:00Z", "ghost@kafka.test", null));
        for (String value : values) {
            producer.send("pitwall.usage-events", fx.suffix, value);
        }
        producer.flush();

        UsageEventQuery ofSystem = new UsageEventQuery(null, fx.system, null, null, null, null, null, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.find(ofSystem, new PageQuery(0, 1)).totalElements() == 20);

        Map<String, Object> consumerConfig = new HashMap<>(KafkaTestUtils.consumerProps(broker, "dlt-reader-" + fx.suffix, false));
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> dlt = new DefaultKafkaConsumerFactory<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(dlt, "pitwall.usage-events.dlt");
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(dlt, Duration.ofSeconds(1)).forEach(dead::add);
                return dead.stream().filter(r -> fx.suffix.equals(r.key())).count() >= 2;
            });
            assertThat(dead).filteredOn(r -> fx.suffix.equals(r.key())).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("{not json", values.get(22));
            ConsumerRecord<String, String> ghost = dead.stream().filter(r -> r.value().contains("ghost")).findFirst().orElseThrow();
            assertThat(new String(ghost.headers().lastHeader(KafkaUsageEventsListener.REJECTION_HEADER).value(),
                    StandardCharsets.UTF_8)).contains("person").contains("ghost@kafka.test");
            assertThat(ghost.headers().lastHeader(KafkaUsageEventsListener.ORIGIN_TOPIC_HEADER)).isNotNull();
        }

        assertThat(events.find(ofSystem, new PageQuery(0, 100)).content())
                .allSatisfy(e -> assertThat(e.source()).isEqualTo(TelemetrySource.NATIVE));
        List<IngestionBatch> batches = events.batches(new PageQuery(0, 50)).content().stream()
                .filter(b -> b.source() == TelemetrySource.KAFKA).toList();
        assertThat(batches.stream().mapToInt(IngestionBatch::accepted).sum()).isEqualTo(20);
        assertThat(batches.stream().mapToInt(IngestionBatch::duplicates).sum()).isEqualTo(1);
        assertThat(batches.stream().mapToInt(IngestionBatch::rejected).sum()).isEqualTo(2);
    }
}
