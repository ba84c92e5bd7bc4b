package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The ingestion page, the events explorer and the attribution rules on the demo, in real Chromium. */
class TelemetryBrowserTest extends DemoBrowserTest {

    @Test
    void theIngestionPageShowsSourcesBatchesAndUnattributedCopilotUse() {
        WebDriverWait wait = signInAndOpen("admin", "/telemetry");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sources-table")));
        String stored = browser.findElement(By.id("events-stored")).getText().replace(",", "");
        assertThat(Long.parseLong(stored)).isGreaterThan(200_000);
        List<WebElement> copilot = browser.findElements(By.xpath(
                "//table[@id='unattributed-table']//tr[td//code[text()='microsoft-365-copilot']]/td"));
        assertThat(copilot.get(4).getText()).endsWith("%");
        assertThat(Double.parseDouble(copilot.get(4).getText().replace("%", ""))).isGreaterThan(80);
        browser.get(browser.findElement(By.cssSelector("#batches-table tbody tr a")).getAttribute("href"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("events-table")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Batch #");
    }

    @Test
    void theEventsExplorerFiltersByWorkflowAndAttribution() {
        WebDriverWait wait = signInAndOpen("admin", "/telemetry/events");
        browser.findElement(By.id("f-system")).sendKeys("microsoft-365-copilot");
        new Select(browser.findElement(By.id("f-attribution"))).selectByValue("RULE");
        BrowserSupport.click(browser, By.cssSelector("#event-filters button"));
        wait.until(ExpectedConditions.urlContains("attribution=RULE"));
        List<WebElement> workflows = browser.findElements(By.cssSelector("#events-table tbody tr td:nth-child(5)"));
        assertThat(workflows).isNotEmpty().allSatisfy(cell -> assertThat(cell.getText())
                .matches("(proposal-drafting|account-research) RULE"));
    }

    @Test
    void anOwnerAddsARuleAndAViewerCannotSeeTelemetry() {
        WebDriverWait wait = signInAndOpen("owner", "/telemetry/rules");
        browser.findElement(By.id("r-name")).sendKeys("Procurement chat");
        new Select(browser.findElement(By.id("r-system"))).selectByValue("microsoft-365-copilot");
        new Select(browser.findElement(By.id("r-team"))).selectByValue("Procurement");
        new Select(browser.findElement(By.id("r-workflow"))).selectByValue("vendor-onboarding");
        BrowserSupport.click(browser, By.cssSelector("#rule-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-table"), "Procurement chat"));
        browser.quit();

        browser = BrowserSupport.chromium(1400, 1000);
        WebDriverWait viewer = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        viewer.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".navbar")));
        assertThat(browser.findElements(By.linkText("Telemetry"))).as("neither in the navigation nor on the home page")
                .isEmpty();
        assertThat(browser.findElements(By.linkText("Portfolio"))).isNotEmpty();
    }
}
