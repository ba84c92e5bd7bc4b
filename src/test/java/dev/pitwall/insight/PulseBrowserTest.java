package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.people.Level;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.testing.AxeCheck;
import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pulse as its people meet it, in real Chromium on the demo: HR sends it to one team, invitees
 * answer through their one-time links without signing in (a refused answer keeps what was ticked),
 * HR closes it, and the confidence divide shows its levels.
 */
class PulseBrowserTest extends DemoBrowserTest {

    @Autowired
    PulseService pulses;
    @Autowired
    PersonService people;

    @Test
    void aPulseIsAnsweredThroughItsLinksAndTheDivideRead() {
        WebDriverWait wait = signInAndOpen("contributor", "/insight/pulses");
        // The demo's divide: executives far more confident than managers.
        WebDriver b = browser;
        String divide = b.findElement(By.id("confidence-divide")).getText();
        assertThat(divide).contains("AI operating pulse, autumn").contains("points");

        b.findElement(By.id("title")).sendKeys("Legal pulse");
        new Select(b.findElement(By.id("template"))).selectByValue("CONFIDENCE_CHECK");
        new Select(b.findElement(By.id("teams"))).selectByVisibleText("Legal & Compliance");
        BrowserSupport.click(b, By.cssSelector("#pulse-send-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pulse-title")));
        assertThat(b.findElement(By.id("pulse-title")).getText()).isEqualTo("Legal pulse");
        long id = Long.parseLong(b.getCurrentUrl().replaceAll(".*/insight/pulses/(\\d+).*", "$1"));

        // The links HR would mail: taken from the service, as the CSV the button downloads holds them.
        List<PulseService.PulseLink> links = SystemActor.runAs("pulse-browser-test", () -> pulses.issueLinks(id));
        List<PulseService.PulseLink> practitioners = links.stream()
                .filter(l -> people.findByEmail(l.email()).orElseThrow().level() == Level.PRACTITIONER).limit(6).toList();
        assertThat(practitioners).hasSize(6);

        b.manage().deleteAllCookies();
        for (int i = 0; i < practitioners.size(); i++) {
            b.get("http://localhost:" + port + "/pulse/" + practitioners.get(i).token());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pulse-form")));
            assertThat(b.getPageSource()).doesNotContain(practitioners.get(i).email());
            if (i == 0) {
                assertThat(AxeCheck.seriousViolations(b)).isEmpty();
                // Only the second question ticked: refused, the tick kept.
                BrowserSupport.click(b, By.id("roleClarity-4"));
                BrowserSupport.click(b, By.cssSelector("#pulse-form button[type=submit]"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-problem")));
                assertThat(b.findElement(By.id("answer-problem")).getText()).contains("confidence");
                assertThat(b.findElement(By.id("roleClarity-4")).isSelected()).isTrue();
            }
            BrowserSupport.click(b, By.id("confidence-" + (i < 4 ? 5 : 2)));
            BrowserSupport.click(b, By.id("roleClarity-4"));
            BrowserSupport.click(b, By.cssSelector("#pulse-form button[type=submit]"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-answered")));
        }
        // A used link cannot be answered again.
        b.get("http://localhost:" + port + "/pulse/" + practitioners.get(0).token());
        new WebDriverWait(b, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("link-unusable")));

        browser.quit();
        wait = signInAndOpen("contributor", "/insight/pulses/" + id);
        BrowserSupport.click(browser, By.id("close-pulse"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results-level")));
        browser.get("http://localhost:" + port + "/insight/pulses");
        String row = browser.findElement(By.cssSelector("#confidence-divide tr[data-pulse='" + id + "']")).getText();
        // 4 of the 6 practitioners agree; no other level answered, so there is no divide.
        assertThat(row).contains("Legal pulse").contains("67 % of 6").contains("not available");
    }
}
