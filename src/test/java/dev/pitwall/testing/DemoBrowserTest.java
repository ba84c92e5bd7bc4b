package dev.pitwall.testing;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A browser test on the demo organization: the application on a random port with the demo
 * profile, one headless Chromium per test (closed after it, with a screenshot on failure through
 * {@link BrowserSupport}), and sign-in as a demo user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Tag("db")
@Tag("browser")
@ExtendWith({DatabaseAvailability.class, BrowserSupport.class})
public abstract class DemoBrowserTest implements BrowserSupport.HasBrowser {

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    @Override
    public WebDriver browser() {
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A new 1400 × 1000 browser, signed in as {@code user} (password {@code demo}), on {@code path}. */
    protected WebDriverWait signInAndOpen(String user, String path) {
        browser = BrowserSupport.chromium(1400, 1000);
        return BrowserSupport.signInAndOpen(browser, port, user, path, Duration.ofSeconds(20));
    }
}
