package dev.pitwall.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.AxeCheck;
import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board view as an executive meets it, in real Chromium on the demo: filter the scorecard to
 * the production workflows held back by the workforce, save that view, open it by its link (also
 * as someone else), then make the quarter's board pack and download its PDF.
 */
class BoardBrowserTest extends DemoBrowserTest {

    @Test
    void aViewIsSavedAndOpenedByItsLinkAndAPackDownloaded() {
        WebDriverWait wait = signInAndOpen("exec", "/scorecards");
        new Select(browser.findElement(By.id("f-stage"))).selectByValue("PRODUCTION");
        new Select(browser.findElement(By.id("f-constraint"))).selectByValue("WORKFORCE");
        BrowserSupport.click(browser, By.cssSelector("#filters button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("constraint=WORKFORCE"));
        assertThat(browser.getCurrentUrl()).contains("stage=PRODUCTION");
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking-table tbody tr[data-workflow]"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getAttribute("data-constraint")).isEqualTo("WORKFORCE"));
        assertThat(browser.findElement(By.id("filter-totals")).getText()).contains(rows.size() + " workflow");

        // Refused without a name, then saved.
        BrowserSupport.click(browser, By.cssSelector("#save-view button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("view-problem")));
        assertThat(browser.findElement(By.id("view-problem")).getText()).contains("name");
        assertThat(browser.getCurrentUrl()).contains("constraint=WORKFORCE");
        browser.findElement(By.id("view-name")).sendKeys("Held back by the workforce");
        BrowserSupport.click(browser, By.cssSelector("#save-view button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        String link = browser.findElement(By.id("flash")).getText().replaceAll(".*(/board/views/\\d+).*", "$1");
        assertThat(link).matches("/board/views/\\d+");

        // On the board page, then by its link: the same filtered scorecard.
        browser.get("http://localhost:" + port + "/board");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-views")));
        BrowserSupport.click(browser, By.linkText("Held back by the workforce"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-table")));
        assertThat(browser.getCurrentUrl()).contains("/scorecards?").contains("constraint=WORKFORCE").contains("stage=PRODUCTION");
        assertThat(new Select(browser.findElement(By.id("f-constraint"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("WORKFORCE");
        assertThat(browser.findElements(By.cssSelector("#ranking-table tbody tr[data-workflow]"))).hasSize(rows.size());
        browser.quit();
        wait = signInAndOpen("viewer", "/board");
        browser.get("http://localhost:" + port + link);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-table")));
        assertThat(browser.getCurrentUrl()).contains("constraint=WORKFORCE");
        assertThat(browser.findElements(By.cssSelector("#ranking-table tbody tr[data-workflow]"))).hasSize(rows.size());
        browser.quit();

        // The quarter's pack: made, read, downloaded.
        wait = signInAndOpen("exec", "/board");
        assertThat(AxeCheck.seriousViolations(browser)).isEmpty();
        // The demo sends no email: the page says why subscriptions cannot be emailed yet.
        assertThat(browser.findElement(By.id("email-not-configured")).getText()).contains("spring.mail.host");
        BrowserSupport.click(browser, By.cssSelector("#pack-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download-pdf")));
        assertThat(browser.findElement(By.id("board-question")).getText()).startsWith("Workforce gets");
        assertThat(browser.findElement(By.id("section-waterfall")).getText()).contains("Where the value goes");
        assertThat(AxeCheck.seriousViolations(browser)).isEmpty();
        String href = browser.findElement(By.id("download-pdf")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status,
                    type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                    head: String.fromCharCode(...new Uint8Array(b.slice(0, 5))), size: b.byteLength})));""", href);
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat((String) download.get("type")).isEqualTo("application/pdf");
        assertThat((String) download.get("disposition")).contains("attachment").contains(".pdf");
        assertThat(download.get("head")).isEqualTo("%PDF-");
        assertThat(((Number) download.get("size")).longValue()).isGreaterThan(2000);
        BrowserSupport.click(browser, By.id("verify"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("verification-summary")));
        assertThat(browser.findElement(By.id("verification-summary")).getText()).startsWith("Reproduced");
    }
}
