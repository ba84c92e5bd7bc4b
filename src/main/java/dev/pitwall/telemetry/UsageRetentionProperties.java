package dev.pitwall.telemetry;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.PeriodStyle;
import org.springframework.validation.annotation.Validated;

/**
 * How long raw usage events are kept, under {@code pitwall.telemetry.retention.*} (docs/privacy.md,
 * docs/scaling.md).
 *
 * @param rawEvents how long raw usage events are kept, a period such as {@code P13M} (the default)
 *        or {@code 400d}; empty or {@code forever} keeps them all. Whole months older than that
 *        are deleted and their daily rollups, which scorecards read, kept
 * @param sources a period per source that replaces {@code rawEvents} for it (e.g.
 *        {@code sources.OTLP=P3M})
 * @param sweep how often the retention is applied
 */
@Validated
@ConfigurationProperties("pitwall.telemetry.retention")
public record UsageRetentionProperties(@DefaultValue("P13M") String rawEvents, Map<TelemetrySource, Period> sources,
        @NotNull @DefaultValue("1h") Duration sweep) {

    public UsageRetentionProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        for (TelemetrySource source : sources.keySet()) {
            if (!source.keepsOwnRawEvents()) {
                throw new IllegalArgumentException("pitwall.telemetry.retention.sources." + source + ": " + source
                        + (source == TelemetrySource.KAFKA ? " records are stored as NATIVE usage events; set sources.NATIVE"
                                : " stores no raw usage events"));
            }
        }
        // Refused at start-up, naming the property, rather than at the first sweep.
        period(rawEvents);
    }

    /** How long raw events are kept unless their source has its own period, or {@code null}: all of them. */
    public Period rawEventsPeriod() {
        return period(rawEvents);
    }

    /** How long the source's raw events are kept, or {@code null}: all of them. */
    public Period of(TelemetrySource source) {
        return sources.getOrDefault(source, rawEventsPeriod());
    }

    /** Whether anything is ever deleted. */
    public boolean any() {
        return rawEventsPeriod() != null || !sources.isEmpty();
    }

    private static Period period(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("forever")) {
            return null;
        }
        try {
            return PeriodStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pitwall.telemetry.retention.raw-events: '" + value
                    + "' is not a period (e.g. P13M or 400d), empty or 'forever'", e);
        }
    }
}
