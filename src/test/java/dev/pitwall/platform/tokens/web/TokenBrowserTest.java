package dev.pitwall.platform.tokens.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A contributor creates an ingest token on the Account page and gets, once, the token with a copy
 * button, a ready-to-paste curl and the OpenTelemetry variables; the token shown works.
 */
class TokenBrowserTest extends DemoBrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aNewTokenComesWithACopyButtonACurlAndTheOtlpVariables() throws Exception {
        WebDriverWait wait = signInAndOpen("contributor", "/account");
        browser.findElement(By.id("token-name")).sendKeys("Route planner");
        BrowserSupport.click(browser, By.id("scope-read"));
        BrowserSupport.click(browser, By.id("scope-ingest"));
        BrowserSupport.click(browser, By.cssSelector("form[action$='/account/tokens'] button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-secret")));

        String secret = browser.findElement(By.id("token-secret")).getText().trim();
        assertThat(secret).startsWith("pwt_");
        String base = "http://localhost:" + port;
        assertThat(browser.findElement(By.id("token-curl")).getText())
                .contains("Authorization: Bearer " + secret)
                .contains("Content-Type: application/x-ndjson")
                .contains(base + "/api/v1/usage-events");
        assertThat(browser.findElement(By.id("token-otlp")).getText())
                .contains("OTEL_EXPORTER_OTLP_ENDPOINT=" + base + "/otlp")
                .contains("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20" + secret)
                .contains("OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
        BrowserSupport.click(browser, By.id("copy-token"));
        wait.until(d -> !d.findElement(By.cssSelector("[data-copy-status='#token-secret']")).getText().isBlank());

        // The token on the page is the token that works: the command's request is accepted.
        String person = jdbc.sql("SELECT email FROM people_person WHERE active ORDER BY id").query(String.class).list().get(0);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/usage-events"))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"token-browser-1\",\"time\":\"2026-01-05T09:30:00Z\",\"person\":\"" + person + "\"}\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"accepted\":1");
    }
}
