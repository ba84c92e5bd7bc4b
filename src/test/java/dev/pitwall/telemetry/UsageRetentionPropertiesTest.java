package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code pitwall.telemetry.retention.*} binds: 13 months unless set, empty keeps all, periods per source. */
class UsageRetentionPropertiesTest {

    @Test
    void thirteenMonthsUnlessSet() {
        UsageRetentionProperties properties = bind(Map.of("pitwall.telemetry.retention.sweep", "1h"));
        assertThat(properties.rawEventsPeriod()).isEqualTo(Period.ofMonths(13));
        assertThat(properties.of(TelemetrySource.OTLP)).isEqualTo(Period.ofMonths(13));
        assertThat(properties.any()).isTrue();
    }

    @Test
    void emptyOrForeverKeepsEverything() {
        for (String value : new String[] {"", "forever", " Forever "}) {
            UsageRetentionProperties properties = bind(Map.of("pitwall.telemetry.retention.raw-events", value));
            assertThat(properties.rawEventsPeriod()).as(value).isNull();
            assertThat(properties.of(TelemetrySource.NATIVE)).isNull();
            assertThat(properties.any()).isFalse();
        }
    }

    @Test
    void otherStylesOfPeriodAndNonsense() {
        assertThat(bind(Map.of("pitwall.telemetry.retention.raw-events", "400d")).rawEventsPeriod())
                .isEqualTo(Period.ofDays(400));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("pitwall.telemetry.retention.raw-events",
                "thirteen months"))).hasStackTraceContaining("pitwall.telemetry.retention.raw-events: 'thirteen months'");
    }

    @Test
    void aSourceMayHaveItsOwnPeriod() {
        UsageRetentionProperties properties = bind(Map.of("pitwall.telemetry.retention.sources.OTLP", "P3M",
                "pitwall.telemetry.retention.sources.proxy-log", "P6M"));
        assertThat(properties.of(TelemetrySource.OTLP)).isEqualTo(Period.ofMonths(3));
        assertThat(properties.of(TelemetrySource.PROXY_LOG)).isEqualTo(Period.ofMonths(6));
        assertThat(properties.of(TelemetrySource.NATIVE)).isEqualTo(Period.ofMonths(13));
    }

    @Test
    void aSourceWithoutRawEventsIsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("pitwall.telemetry.retention.sources.KAFKA",
                "P1M"))).hasStackTraceContaining("pitwall.telemetry.retention.sources.KAFKA: KAFKA records are stored as "
                        + "NATIVE usage events");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("pitwall.telemetry.retention.sources.XAPI",
                "P1M"))).hasStackTraceContaining("sources.XAPI: XAPI stores no raw usage events");
    }

    private static UsageRetentionProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("pitwall.telemetry.retention", UsageRetentionProperties.class);
    }
}
