package dev.pitwall.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.TelemetryProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class RequestBodiesTest {

    private final RequestBodies bodies = new RequestBodies(new TelemetryProperties(DataSize.ofKilobytes(1), 100, 1,
            Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(1),
                    TelemetryProperties.WritePath.DIRECT,
                    new TelemetryProperties.Kafka(false, "t", "t.dlt", "g", 1000, Duration.ofSeconds(5),
                            new TelemetryProperties.Writer("w", "w.dlt", true, "wg", 5000, 12, 2, Duration.ofSeconds(30))),
                    TelemetryProperties.Store.DATABASE, new TelemetryProperties.ClickHouse("http://127.0.0.1:8123",
                            "pitwall", "default", "", Duration.ofSeconds(60))));

    private static MockHttpServletRequest request(byte[] body, String encoding) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/usage-events");
        request.setContent(body);
        if (encoding != null) {
            request.addHeader("Content-Encoding", encoding);
        }
        return request;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void readsPlainAndGzipBodiesUpToTheLimit() throws IOException {
        byte[] exactly = new byte[1024];
        assertThat(bodies.read(request(exactly, null))).hasSize(1024);
        assertThat(bodies.read(request(gzip(exactly), "gzip"))).hasSize(1024);
        assertThat(bodies.read(request(exactly, "identity"))).hasSize(1024);
    }

    @Test
    void refusesBodiesOverTheLimitEvenWhenTheyArriveCompressed() throws IOException {
        assertThatThrownBy(() -> bodies.read(request(new byte[1025], null))).isInstanceOf(IngestionTooLarge.class);
        byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 20);
        assertThatThrownBy(() -> bodies.read(request(bomb, "gzip"))).isInstanceOf(IngestionTooLarge.class);
    }

    @Test
    void refusesBrokenGzip() throws IOException {
        byte[] truncated = gzip(new byte[500]);
        byte[] half = java.util.Arrays.copyOf(truncated, truncated.length / 2);
        assertThatThrownBy(() -> bodies.read(request("not gzip".getBytes(), "gzip"))).isInstanceOf(MalformedBody.class);
        assertThatThrownBy(() -> bodies.read(request(half, "gzip"))).isInstanceOf(MalformedBody.class);
    }
}
