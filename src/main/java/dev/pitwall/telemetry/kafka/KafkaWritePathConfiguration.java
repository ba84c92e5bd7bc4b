package dev.pitwall.telemetry.kafka;

import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.UsageEventIngestion;
import dev.pitwall.telemetry.internal.AcceptedEventQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka write path, only when {@code pitwall.telemetry.write-path=kafka}: every node sends the
 * native and OTLP events it accepts to the topic, and the nodes with
 * {@code pitwall.telemetry.kafka.writer.enabled} (all, unless turned off) share a consumer group
 * that stores them in large batches.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pitwall.telemetry.write-path", havingValue = "kafka")
class KafkaWritePathConfiguration {

    @Bean
    KafkaTemplate<String, String> acceptedEventsProducer(KafkaProperties kafka, TelemetryProperties telemetry) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // Acknowledged means on every in-sync replica, and a producer's retries are not written twice.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // send() waits this long at most for the brokers' metadata, so a request never hangs longer.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) telemetry.kafka().writer().sendTimeout().toMillis());
        // Records of concurrent requests travel together.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    AcceptedEventQueue acceptedEventQueue(KafkaTemplate<String, String> acceptedEventsProducer,
            TelemetryProperties telemetry, KafkaProperties kafka) {
        return new KafkaAcceptedEventQueue(acceptedEventsProducer, telemetry, () -> {
            Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
            // The page that shows the backlog waits a few seconds at most.
            config.putIfAbsent(org.apache.kafka.clients.admin.AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            config.putIfAbsent(org.apache.kafka.clients.admin.AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            return org.apache.kafka.clients.admin.Admin.create(config);
        });
    }

    /** Created by Spring's Kafka admin when missing: partitions bound how many writers share the work. */
    @Bean
    NewTopic acceptedEventsTopic(TelemetryProperties telemetry) {
        return new NewTopic(telemetry.kafka().writer().topic(), Optional.of(telemetry.kafka().writer().partitions()),
                Optional.empty());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "pitwall.telemetry.kafka.writer.enabled", matchIfMissing = true)
    ConcurrentMessageListenerContainer<String, String> storeWriters(KafkaProperties kafka,
            TelemetryProperties telemetry, UsageEventIngestion ingestion,
            KafkaTemplate<String, String> acceptedEventsProducer) {
        return container(kafka, telemetry, new StoreWriter(ingestion, acceptedEventsProducer,
                telemetry.kafka().writer().deadLetterTopic(), telemetry.kafka().writer().groupId()), Map.of());
    }

    /**
     * A store writer's container. Offsets are committed after each stored batch, never
     * automatically; a failure to store reads the same batch again, forever.
     */
    static ConcurrentMessageListenerContainer<String, String> container(KafkaProperties kafka,
            TelemetryProperties telemetry, org.springframework.kafka.listener.BatchMessageListener<String, String> writer,
            Map<String, Object> overrides) {
        TelemetryProperties.Writer settings = telemetry.kafka().writer();
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.putAll(overrides);
        ContainerProperties container = new ContainerProperties(settings.topic());
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(writer);
        ConcurrentMessageListenerContainer<String, String> listener = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config), container);
        listener.setConcurrency(settings.concurrency());
        listener.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(telemetry.kafka().retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        return listener;
    }
}
