package dev.pitwall.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * WCAG 2.1 A and AA checks by axe-core, run inside the page in the browser. {@link Listener}
 * checks every page a browser test visits: before the test first touches a page (a new address,
 * fully loaded) and before the browser closes, so a test that never asks still has its pages
 * checked. Only serious and critical violations count.
 */
public final class AxeCheck {

    private static final String AXE = load();
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
              .then(function (r) {
                done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                  .map(function (v) {
                    return v.impact + ' ' + v.id + ' (' + v.help + ', ' + v.nodes.length + ' elements): '
                      + v.nodes.slice(0, 3).map(function (n) {
                          return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                        }).join(' | ');
                  }));
              })
              .catch(function (e) { done(['axe failed: ' + e]); });
            """;

    private AxeCheck() {
    }

    /** The serious and critical violations on the page the browser shows now. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            js.executeScript(AXE);
        }
        return new ArrayList<>((List<String>) js.executeAsyncScript(RUN));
    }

    private static String load() {
        try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks each page once, when the test first works with it, and the last page before quitting. */
    static final class Listener implements WebDriverListener {

        private final WebDriver original;
        private final List<String> findings;
        private String lastChecked;
        private boolean checking;

        Listener(WebDriver original, List<String> findings) {
            this.original = original;
            this.findings = findings;
        }

        @Override
        public void beforeAnyWebDriverCall(WebDriver driver, Method method, Object[] args) {
            check();
        }

        @Override
        public void beforeAnyWebElementCall(WebElement element, Method method, Object[] args) {
            check();
        }

        private void check() {
            if (checking) {
                return;
            }
            checking = true;
            try {
                String url = original.getCurrentUrl();
                if (url == null || url.equals(lastChecked) || !url.startsWith("http") || url.contains("/swagger-ui")
                        || url.contains("/v3/api-docs") || url.contains(".csv") || url.contains("/api/")) {
                    return;
                }
                if (!"complete".equals(((JavascriptExecutor) original).executeScript("return document.readyState"))) {
                    return;
                }
                lastChecked = url;
                seriousViolations(original).forEach(v -> findings.add(url + " → " + v));
            } catch (WebDriverException e) {
                // The page is navigating away; the next call checks the page that replaces it.
            } finally {
                checking = false;
            }
        }
    }
}
