package dev.pitwall.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.testing.AxeCheck;
import dev.pitwall.testing.DemoBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operations tasks in real Chromium on the demo: an owner opens an incident, acknowledges and
 * resolves it from its page; an owner creates a monitor, is refused a window of 0 with what was typed
 * kept, and changes its threshold.
 */
class OperationsBrowserTest extends DemoBrowserTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    MonitorService monitors;

    @Test
    void anOwnerAcknowledgesAndResolvesAnIncidentFromItsPage() {
        WebDriverWait wait = signInAndOpen("owner", "/operations/incidents/new");
        // The status is read while the page reloads after each action.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.findElement(By.id("title")).sendKeys("Triage reply promised a refund");
        new Select(browser.findElement(By.id("target"))).selectByValue("workflow:email-triage");
        new Select(browser.findElement(By.id("severity"))).selectByValue("SEV2");
        browser.findElement(By.cssSelector("#incident-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-status")));
        assertThat(browser.findElement(By.id("incident-status")).getText()).isEqualTo("OPEN");
        assertThat(browser.findElement(By.id("incident-assignee")).getText()).contains("QUALITY_MONITOR");
        assertThat(AxeCheck.seriousViolations(browser)).isEmpty();
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/incidents/(\\d+).*", "$1"));

        browser.findElement(By.id("acknowledge")).click();
        wait.until(d -> d.findElement(By.id("incident-status")).getText().equals("ACKNOWLEDGED"));
        assertThat(browser.findElement(By.id("incident-clock")).getText()).startsWith("by owner");
        browser.findElement(By.id("resolve-note")).sendKeys("Reply template fixed");
        browser.findElement(By.id("resolve")).click();
        wait.until(d -> d.findElement(By.id("incident-status")).getText().equals("RESOLVED"));
        assertThat(browser.findElements(By.id("incident-actions"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline li")).stream().map(e -> e.getAttribute("data-kind")))
                .contains("OPENED", "ROUTED", "ACKNOWLEDGED", "RESOLVED");
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-kind=RESOLVED]")).getText())
                .contains("Reply template fixed");
        Incident stored = SystemActor.runAs("test", () -> incidents.get(id));
        assertThat(stored.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(stored.acknowledgedBy()).isEqualTo("owner");
    }

    @Test
    void anOwnerCreatesAMonitorIsRefusedABadWindowAndChangesItsThreshold() {
        WebDriverWait wait = signInAndOpen("owner", "/operations/monitors/new");
        // The summary is read while the page reloads after saving.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.findElement(By.id("name")).sendKeys("Claims overrides");
        new Select(browser.findElement(By.id("target"))).selectByValue("workflow:claims-assistant");
        new Select(browser.findElement(By.id("signal"))).selectByValue("overrideRate");
        new Select(browser.findElement(By.id("comparator"))).selectByValue("GT");
        browser.findElement(By.id("threshold")).sendKeys("0.2");
        WebElement window = browser.findElement(By.id("windowDays"));
        window.clear();
        window.sendKeys("0");
        browser.findElement(By.id("save-monitor")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-problem")));
        assertThat(browser.findElement(By.cssSelector("#form-problem li[data-field=windowDays]")).getText()).contains("windowDays");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Claims overrides");
        assertThat(browser.findElement(By.id("threshold")).getAttribute("value")).isEqualTo("0.2");

        window = browser.findElement(By.id("windowDays"));
        window.clear();
        window.sendKeys("7");
        browser.findElement(By.id("save-monitor")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("monitor-history")));
        assertThat(browser.findElement(By.id("history-summary")).getText()).contains("of the 90 days shown");
        assertThat(AxeCheck.seriousViolations(browser)).isEmpty();
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/monitors/(\\d+).*", "$1"));

        WebElement threshold = browser.findElement(By.id("threshold"));
        threshold.clear();
        threshold.sendKeys("0.15");
        browser.findElement(By.id("save-monitor")).click();
        wait.until(d -> d.findElement(By.id("monitor-summary")).getText().contains("0.15"));
        Monitor stored = monitors.get(id);
        assertThat(stored.threshold()).isEqualTo(0.15);
        assertThat(stored.windowDays()).isEqualTo(7);
        assertThat(stored.signal()).isEqualTo(MonitorSignal.OVERRIDE_RATE);
    }
}
