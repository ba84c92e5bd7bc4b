package dev.pitwall.telemetry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class NativeEventsReaderTest {

    private final NativeEventsReader reader = new NativeEventsReader(
            new TelemetryProperties(DataSize.ofMegabytes(1), 5, 1, Duration.ofSeconds(1), Duration.ofHours(1),
                    Duration.ofSeconds(30), Duration.ofSeconds(1),
                    TelemetryProperties.WritePath.DIRECT,
                    new TelemetryProperties.Kafka(false, "t", "t.dlt", "g", 1000, Duration.ofSeconds(5),
                            new TelemetryProperties.Writer("w", "w.dlt", true, "wg", 5000, 12, 2, Duration.ofSeconds(30))),
                    TelemetryProperties.Store.DATABASE, new TelemetryProperties.ClickHouse("http://127.0.0.1:8123",
                            "pitwall", "default", "", Duration.ofSeconds(60))));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryFieldWithItsType() {
        ParsedBatch batch = reader.readNdjson(bytes("""
                {"id":"e1","time":"2026-11-24T10:00:00+01:00","person":"a@b.c","system":"s","workflow":"w","operation":"chat","model":"m","inputTokens":10,"outputTokens":5,"cost":0.125,"latencyMs":300,"error":true,"outcome":"edited","attributes":{"k":[1,2]}}
                """));
        assertThat(batch.rejections()).isEmpty();
        assertThat(batch.events()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.eventId()).isEqualTo("e1");
            assertThat(e.time()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
            assertThat(e.person()).isEqualTo("a@b.c");
            assertThat(e.systemKey()).isEqualTo("s");
            assertThat(e.workflowKey()).isEqualTo("w");
            assertThat(e.inputTokens()).isEqualTo(10);
            assertThat(e.cost()).isEqualByComparingTo(new BigDecimal("0.125"));
            assertThat(e.error()).isTrue();
            assertThat(e.outcome()).isEqualTo(Outcome.EDITED);
            assertThat(e.attributes()).containsKey("k");
        });
    }

    @Test
    void aBrokenLineRejectsOnlyThatLineAndLinesKeepTheirNumbers() {
        ParsedBatch batch = reader.readNdjson(bytes("{\"id\":\"a\",\"time\":\"2026-11-24T10:00:00Z\"}\r\n\n"
                + "{\"id\":\"b\" \"time\"}\n[1]\n{\"id\":\"c\",\"time\":\"2026-11-24T10:00:00Z\"} {\"id\":\"d\"}\n"));
        assertThat(batch.events()).extracting(e -> e.eventId()).containsExactly("a");
        assertThat(batch.rejections()).extracting(Violation::line).containsExactly(3, 4, 5);
        assertThat(batch.rejections().get(0).reason()).startsWith("is not valid JSON");
        assertThat(batch.rejections().get(1).reason()).isEqualTo("must be a JSON object");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamed() {
        ParsedBatch batch = reader.readNdjson(bytes("""
                {"id":"x","time":"2026-13-01","inputTokens":1.5,"cost":"free","error":"yes","outcome":"MAYBE","attributes":[],"prompt_tokens":3}
                """));
        assertThat(batch.events()).isEmpty();
        assertThat(batch.rejections()).extracting(Violation::field).containsExactlyInAnyOrder("time", "inputTokens",
                "cost", "error", "outcome", "attributes", "prompt_tokens");
    }

    @Test
    void anArrayIsNumberedByPositionAndOneObjectIsOneEvent() {
        ParsedBatch array = reader.readJson(bytes("[{\"id\":\"a\"},\n\n{\"id\":\"b\",\"latencyMs\":-1}, 7]"));
        assertThat(array.events()).hasSize(2);
        assertThat(array.rejections()).extracting(Violation::line).containsExactly(3);
        assertThat(reader.readJson(bytes("{\"id\":\"only\"}")).events()).hasSize(1);
    }

    @Test
    void brokenJsonOrAnotherShapeRefusesTheWholeBody() {
        assertThatThrownBy(() -> reader.readJson(bytes("[{\"id\":\"a\"},\n{")))
                .isInstanceOf(MalformedBody.class)
                .satisfies(e -> assertThat(((MalformedBody) e).violations()).extracting(Violation::line).containsExactly(2));
        assertThatThrownBy(() -> reader.readJson(bytes("\"text\""))).isInstanceOf(MalformedBody.class);
        assertThatThrownBy(() -> reader.readJson(bytes("[] []"))).isInstanceOf(MalformedBody.class);
    }

    @Test
    void moreEventsThanAllowedIsTooLarge() {
        assertThatThrownBy(() -> reader.readNdjson(bytes("{}\n{}\n{}\n{}\n{}\n{}\n"))).isInstanceOf(IngestionTooLarge.class);
        assertThatThrownBy(() -> reader.readJson(bytes("[{},{},{},{},{},{}]"))).isInstanceOf(IngestionTooLarge.class);
        assertThat(reader.readNdjson(bytes("{}\n\n{}\n{}\n\n{}\n{}\n")).rejections()).isEmpty();
    }
}
