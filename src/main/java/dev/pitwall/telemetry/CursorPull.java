package dev.pitwall.telemetry;

import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.telemetry.ingest.CursorUsageReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Pulls Cursor team usage itself: with an Admin API key configured, every
 * {@code pitwall.telemetry.cursor.every} it asks Cursor's {@code POST /teams/daily-usage-data} for
 * the last {@code days} days and imports the answer as {@code POST /api/v1/imports/cursor} would
 * (overlapping pulls add nothing twice). Each node pulls; the imports are idempotent.
 */
@Component
@EnableConfigurationProperties(CursorPullProperties.class)
public class CursorPull implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CursorPull.class);
    /** Who the imports are recorded as, in batches and the audit log. */
    static final String ACTOR = "cursor-pull";

    private final CursorPullProperties properties;
    private final CursorUsageReader reader;
    private final CopilotReportImports imports;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cursor-pull");
        thread.setDaemon(true);
        return thread;
    });

    CursorPull(CursorPullProperties properties, CursorUsageReader reader, CopilotReportImports imports, Clock clock) {
        this.properties = properties;
        this.reader = reader;
        this.imports = imports;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Cursor answered something other than the usage data: its status, never the key. */
    public static class CursorUnavailable extends ProblemException {
        CursorUnavailable(String detail) {
            super(HttpStatus.BAD_GATEWAY, "CURSOR_UNAVAILABLE", "Cursor did not answer with usage data", detail, List.of());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.enabled()) {
            long every = properties.every().toMillis();
            worker.scheduleWithFixedDelay(this::pullSafely, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether an Admin API key is configured. */
    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Pulls the last {@code days} days now and imports them.
     *
     * @throws InvalidInputException when no key is configured
     * @throws CursorUnavailable when Cursor cannot be reached or refuses
     */
    public CopilotReportResult pull(String actor) {
        if (!properties.enabled()) {
            throw new InvalidInputException("CURSOR_PULL_NOT_CONFIGURED", "No Cursor Admin API key is configured "
                    + "(pitwall.telemetry.cursor.api-key); import the usage data with POST /api/v1/imports/cursor instead.",
                    List.of());
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long start = today.minusDays(properties.days()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = clock.millis();
        String key = properties.apiKey().trim() + ":";
        HttpRequest request = HttpRequest.newBuilder(endpoint())
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"startDate\":" + start + ",\"endDate\":" + end + "}"))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CursorUnavailable("Cursor's Admin API at " + properties.baseUrl() + " could not be reached: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CursorUnavailable("The pull was interrupted.");
        }
        if (response.statusCode() != 200) {
            throw new CursorUnavailable("Cursor's Admin API answered HTTP " + response.statusCode()
                    + (response.statusCode() == 401 ? ": the API key was refused" : "") + "; nothing was imported.");
        }
        ParsedBatch days = reader.read(response.body(), properties.system());
        if (days.events().isEmpty() && days.rejections().isEmpty() && days.skipped() == 0) {
            // No member used Cursor in the window: nothing to import, and nothing wrong.
            return new CopilotReportResult(new IngestionResult(0, 0, 0, 0, 0, List.of()), null, 0, 0, List.of(), null);
        }
        return imports.importCursor(days, properties.system(), actor);
    }

    private URI endpoint() {
        String base = properties.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/teams/daily-usage-data");
    }

    private void pullSafely() {
        try {
            CopilotReportResult result = SystemActor.runAs(ACTOR, () -> pull(ACTOR));
            log.info("Cursor usage pulled: {} new member-days, {} already imported, {} inactive",
                    result.usage().accepted(), result.usage().duplicates(), result.usage().skipped());
        } catch (RuntimeException e) {
            log.warn("Pulling Cursor usage failed; it is tried again in {}: {}", properties.every(), e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
