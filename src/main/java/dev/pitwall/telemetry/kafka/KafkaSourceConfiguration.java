package dev.pitwall.telemetry.kafka;

import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.UsageEventIngestion;
import dev.pitwall.telemetry.ingest.NativeEventsReader;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
 * The Kafka source, only when {@code pitwall.telemetry.kafka.enabled=true}: every node joins the
 * same consumer group, so partitions spread over the nodes. Offsets are committed by the
 * container after a batch is stored (and its rejects dead-lettered), never automatically.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("pitwall.telemetry.kafka.enabled")
class KafkaSourceConfiguration {

    @Bean
    KafkaTemplate<String, String> usageEventsDeadLetters(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, String> usageEventsContainer(KafkaProperties kafka,
            TelemetryProperties telemetry, UsageEventIngestion ingestion, NativeEventsReader reader,
            KafkaTemplate<String, String> usageEventsDeadLetters) {
        TelemetryProperties.Kafka source = telemetry.kafka();
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, source.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, source.maxPollRecords());
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        ContainerProperties container = new ContainerProperties(source.topic());
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(new KafkaUsageEventsListener(ingestion, reader, usageEventsDeadLetters, source));
        ConcurrentMessageListenerContainer<String, String> listener = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config), container);
        // Storing failed (e.g. the database is restarting): read the same batch again, forever;
        // data errors never get here, they are dead-lettered by the listener.
        listener.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(source.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        return listener;
    }
}
