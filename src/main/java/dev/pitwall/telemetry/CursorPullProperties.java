package dev.pitwall.telemetry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Pulling Cursor team usage from Cursor's Admin API, under {@code pitwall.telemetry.cursor.*}
 * (docs/telemetry.md, "Cursor team usage").
 *
 * @param apiKey a Cursor Admin API key of the team; empty switches pulling off (never logged)
 * @param baseUrl where the Admin API answers
 * @param system the AI system's key the usage belongs to (empty: the one with application id {@code cursor})
 * @param every how often Pitwall pulls
 * @param days how many days back each pull asks for (Cursor answers at most 90); overlapping pulls
 *        add nothing twice
 * @param timeout how long a pull may take
 */
@Validated
@ConfigurationProperties("pitwall.telemetry.cursor")
public record CursorPullProperties(String apiKey, @NotNull @DefaultValue("https://api.cursor.com") URI baseUrl,
        String system, @NotNull @DefaultValue("6h") Duration every, @Min(1) @Max(90) @DefaultValue("3") int days,
        @NotNull @DefaultValue("30s") Duration timeout) {

    public boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        // The key is a secret: it stays out of logs and error messages that print the properties.
        return "CursorPullProperties[baseUrl=" + baseUrl + ", system=" + system + ", every=" + every + ", days=" + days
                + ", apiKey=" + (enabled() ? "(set)" : "(none)") + "]";
    }
}
