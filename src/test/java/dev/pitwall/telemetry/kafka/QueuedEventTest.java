package dev.pitwall.telemetry.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a node puts on the write path's topic is what a writer stores, field by field. */
class QueuedEventTest {

    @Test
    void everyStoredFieldSurvivesTheTopic() {
        IncomingEvent incoming = new IncomingEvent(7, "ev-1", Instant.parse("2026-10-10T09:00:00.123456789Z"),
                "a@b.test", "sys", new TelemetryIdentity("svc", null, null, "m", null), "wf", "chat", "m1", 120L, 30L,
                new BigDecimal("0.000123456789"), 900L, true, Outcome.EDITED,
                Map.of("ticket", "T-1", "nested", Map.of("n", 3, "list", List.of("x", 1.5)), "big", 12345678901234L));
        ResolvedEvent resolved = new ResolvedEvent(incoming, 11L, "a@b.test", 12L, 13L, Attribution.RULE, 14L);

        QueuedEvent queued = QueuedEvent.of(TelemetrySource.OTLP, TelemetrySource.OTLP, resolved);
        assertThat(queued.key()).isEqualTo("OTLP:ev-1");
        ResolvedEvent back = QueuedEvent.fromJson(queued.toJson()).resolved(3);

        assertThat(back.personId()).isEqualTo(11L);
        assertThat(back.personRef()).isEqualTo("a@b.test");
        assertThat(back.systemId()).isEqualTo(12L);
        assertThat(back.workflowId()).isEqualTo(13L);
        assertThat(back.attribution()).isEqualTo(Attribution.RULE);
        assertThat(back.ruleId()).isEqualTo(14L);
        IncomingEvent e = back.event();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.eventId()).isEqualTo("ev-1");
        assertThat(e.time()).isEqualTo(incoming.time());
        assertThat(e.day()).isEqualTo(incoming.day());
        assertThat(e.operation()).isEqualTo("chat");
        assertThat(e.model()).isEqualTo("m1");
        assertThat(e.inputTokens()).isEqualTo(120L);
        assertThat(e.outputTokens()).isEqualTo(30L);
        assertThat(e.cost()).isEqualByComparingTo("0.000123456789");
        assertThat(e.latencyMs()).isEqualTo(900L);
        assertThat(e.error()).isTrue();
        assertThat(e.outcome()).isEqualTo(Outcome.EDITED);
        assertThat(e.attributes()).containsEntry("ticket", "T-1").containsEntry("big", 12345678901234L)
                .containsEntry("nested", Map.of("n", 3, "list", List.of("x", 1.5)));
    }

    @Test
    void aRecordWithoutItsIdentityIsRefused() {
        assertThatThrownBy(() -> QueuedEvent.fromJson("{\"source\":\"NATIVE\",\"batchSource\":\"NATIVE\",\"error\":false}"))
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> QueuedEvent.fromJson("not json")).isInstanceOf(RuntimeException.class);
    }
}
