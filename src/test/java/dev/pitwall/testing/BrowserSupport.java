package dev.pitwall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

/**
 * Real headless Chromium from Debian's packages, driven through {@code /usr/bin/chromedriver} so
 * Selenium downloads nothing; saves a screenshot to {@code target/screenshots} when a test fails.
 */
public final class BrowserSupport implements AfterTestExecutionCallback, BeforeEachCallback, AfterEachCallback {

    /** What axe-core found on the pages the current test's browsers visited. */
    private static final ThreadLocal<List<String>> ACCESSIBILITY_FINDINGS = ThreadLocal.withInitial(ArrayList::new);

    public static final Path CHROMIUM = Path.of(System.getProperty("pitwall.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("pitwall.test.chromedriver", "/usr/bin/chromedriver"));

    /** Implemented by browser tests so a failure can be photographed before the browser closes. */
    public interface HasBrowser {
        WebDriver browser();
    }

    /** A headless Chromium of the given window size; skips (or fails, in strict runs) without one. */
    public static WebDriver chromium(int width, int height) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && TestDatabases.STRICT) {
            throw new IllegalStateException("Chromium and ChromeDriver are required: install Debian's chromium and "
                    + "chromium-driver (scripts/prepare-test-env.sh does)");
        }
        Assumptions.assumeTrue(installed, "Chromium or ChromeDriver is not installed; run scripts/prepare-test-env.sh");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--force-prefers-reduced-motion", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Every page the test visits is checked by axe-core (WCAG 2.1 AA); see afterEach.
        return new EventFiringDecorator<WebDriver>(new AxeCheck.Listener(driver, ACCESSIBILITY_FINDINGS.get()))
                .decorate(driver);
    }

    /**
     * Opens {@code path} on the server at {@code port}, is sent to the login page, signs in as a
     * demo user (password {@code demo}) and waits until it lands on {@code path}.
     */
    public static WebDriverWait signInAndOpen(WebDriver browser, int port, String user, String path, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        browser.get("http://localhost:" + port + path);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains(path));
        return wait;
    }

    /**
     * Clicks like a user who first brings the element into view: scrolls it to the middle of the
     * window at once (no smooth scrolling, which on a loaded machine is still moving when the click
     * lands and lets another element take it) and retries while something else covers it.
     */
    public static void click(WebDriver driver, By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(ElementClickInterceptedException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(locator);
                    ((JavascriptExecutor) d).executeScript(
                            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
                    element.click();
                    return true;
                });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ACCESSIBILITY_FINDINGS.get().clear();
    }

    /** Fails the test when a page it visited has a serious or critical accessibility violation. */
    @Override
    public void afterEach(ExtensionContext context) {
        List<String> findings = List.copyOf(ACCESSIBILITY_FINDINGS.get());
        ACCESSIBILITY_FINDINGS.get().clear();
        if (!findings.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("axe-core found serious or critical WCAG 2.1 AA violations:\n  "
                    + String.join("\n  ", findings));
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || !(context.getRequiredTestInstance() instanceof HasBrowser test)
                || test.browser() == null) {
            return;
        }
        try {
            Path directory = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = directory.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".png");
            Files.write(file, ((TakesScreenshot) test.browser()).getScreenshotAs(OutputType.BYTES));
            LoggerFactory.getLogger(BrowserSupport.class).warn("Screenshot of the failure: {}", file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
