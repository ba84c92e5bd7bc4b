package dev.pitwall.people.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A new user on the demo: signs in, opens the directory, filters by team and opens a person. */
class PeopleDirectoryBrowserTest extends DemoBrowserTest {

    private WebDriverWait signIn(int width, int height) {
        browser = BrowserSupport.chromium(width, height);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/people");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("people-table")));
        return wait;
    }

    @Test
    void signsInFiltersTheDirectoryByTeamAndOpensAPerson() {
        WebDriverWait wait = signIn(1366, 900);
        assertThat(browser.findElement(By.id("result-count")).getText()).contains("people");

        new Select(browser.findElement(By.id("team"))).selectByVisibleText("Data & AI");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "35 people"));
        assertThat(browser.getCurrentUrl()).contains("team=");
        assertThat(browser.findElements(By.cssSelector("#people-table tbody tr")))
                .allSatisfy(row -> assertThat(row.getText()).contains("Data & AI"));

        WebElement first = browser.findElement(By.cssSelector("#people-table a.person-link"));
        String name = first.getText();
        first.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-name"), name));
        assertThat(browser.getPageSource()).contains("Current skills", "Data &amp; AI");
    }

    @Test
    void searchNarrowsTheListAsYouType() {
        WebDriverWait wait = signIn(1366, 900);
        browser.findElement(By.id("q")).sendKeys("Machine Learning Engineer");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "8 people"));
    }

    @Test
    void worksOnATabletWithTheNavigationCollapsed() {
        WebDriverWait wait = signIn(800, 1100);
        WebElement toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
        assertThat(toggler.isDisplayed()).isTrue();
        toggler.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Operations")));
        browser.findElement(By.linkText("Operations")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Open incidents"));
    }
}
