package dev.pitwall.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the platform, under {@code pitwall.*}; each can be set by environment variable
 * (e.g. {@code PITWALL_ADMIN_PASSWORD}).
 *
 * @param dataDir directory of the embedded H2 database and other local state
 * @param adminPassword password of the {@code admin} user created on a first start with no users;
 *     when empty a random one is generated and printed once to the log
 * @param tokenLastUsedResolution how stale an API token's last-used time may be before a request
 *     writes it again, so that busy tokens do not cost a database write per request
 * @param defaultPageSize page size of lists when the request names none
 * @param maxPageSize largest page size a request may ask for
 * @param maxRequestSize largest request body of the API (413 above); telemetry ingestion and
 *     multipart uploads have limits of their own
 */
@Validated
@ConfigurationProperties("pitwall")
public record PlatformProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        String adminPassword,
        @NotNull @DefaultValue("1m") Duration tokenLastUsedResolution,
        @Min(1) @Max(1000) @DefaultValue("50") int defaultPageSize,
        @Min(1) @Max(5000) @DefaultValue("500") int maxPageSize,
        @NotNull @DefaultValue("4MB") org.springframework.util.unit.DataSize maxRequestSize) {

    public PlatformProperties {
        if (defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("pitwall.default-page-size must not exceed pitwall.max-page-size");
        }
    }
}
