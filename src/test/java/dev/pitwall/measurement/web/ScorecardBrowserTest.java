package dev.pitwall.measurement.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The scorecards on the demo, in real Chromium: the home dashboard's gauges and ranking, a workflow's
 * waterfall, the drill-down to the people at an adoption level, and the demo's five stories.
 */
class ScorecardBrowserTest extends DemoBrowserTest {

    private Object chart(String selector, String expression) {
        return ((JavascriptExecutor) browser).executeScript("var c = echarts.getInstanceByDom(document.querySelector("
                + "arguments[0])); return c ? " + expression + " : null;", selector);
    }

    private double percent(String figure) {
        String text = browser.findElement(By.cssSelector("[data-figure=" + figure + "] .figure-value")).getText();
        return Double.parseDouble(text.replace("%", "").trim());
    }

    private WebElement row(String workflow) {
        return browser.findElement(By.cssSelector("#ranking-table tr[data-workflow=" + workflow + "]"));
    }

    @Test
    void theHomeDashboardShowsTheImpactGaugeAndTheRankingTellsTheStories() {
        WebDriverWait wait = signInAndOpen("exec", "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-gauge=realization] canvas")));
        Number realization = (Number) chart("[data-gauge=realization]", "c.getOption().series[0].data[0].value");
        assertThat(realization.doubleValue()).isGreaterThan(0).isLessThan(100);
        assertThat(chart("[data-gauge=technicalIndex]", "c.getOption().series[0].data[0].name")).isEqualTo("Technical index");
        assertThat(chart("[data-gauge=workforceIndex]", "c.getOption().series[0].data[0].name")).isEqualTo("Workforce index");
        assertThat(browser.findElement(By.id("home-constrained")).getText()).contains("Invoice exception handling");
        // Everything is set up in the demo, so Home shows no getting-started checklist.
        assertThat(browser.findElements(By.id("getting-started"))).isEmpty();
        // The gauges' values are in the page text, not only drawn.
        assertThat(browser.findElement(By.cssSelector("[data-gauge-value=realization]")).getText())
                .endsWith(Math.round(realization.doubleValue()) + " %");
        assertThat(browser.findElement(By.cssSelector("[data-gauge-value=technicalIndex]")).getText())
                .startsWith("Technical index: ").endsWith(" of 100");

        browser.findElement(By.linkText("The balanced scorecard →")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-table")));
        // About a third of AI users misaligned; builder spend far above integrator spend.
        assertThat(percent("misalignedUserShare")).isBetween(25.0, 45.0);
        long builders = Long.parseLong(browser.findElement(By.cssSelector("#tiers-table tr[data-tier=BUILDER] td:nth-child(2)"))
                .getText().replace(",", ""));
        long integrators = Long.parseLong(browser.findElement(By.cssSelector("#tiers-table tr[data-tier=INTEGRATOR] td:nth-child(2)"))
                .getText().replace(",", ""));
        assertThat(builders).isGreaterThan(3 * integrators);
        // The workflows' stories, from the ranking by binding constraint.
        assertThat(row("invoice-exceptions").getAttribute("data-constraint")).isEqualTo("WORKFORCE");
        assertThat(row("claims-assistant").getAttribute("data-constraint")).isEqualTo("TECHNOLOGY");
        assertThat(row("proposal-drafting").getAttribute("data-constraint")).isEqualTo("OPERATING_MODEL");
        assertThat(row("email-triage").getText()).contains("high performer");
        List<WebElement> stranded = browser.findElements(By.cssSelector("#ranking-table tbody tr td:last-child"));
        long invoice = Long.parseLong(row("invoice-exceptions").findElement(By.cssSelector("td:last-child")).getText()
                .replace(",", ""));
        assertThat(stranded).allSatisfy(cell -> {
            String text = cell.getText().replace(",", "");
            if (!text.equals("—")) {
                assertThat(Long.parseLong(text)).isLessThanOrEqualTo(invoice);
            }
        });
    }

    @Test
    void aWorkflowScorecardRendersTheWaterfallAndDrillsDownToThePeopleAtALevel() {
        WebDriverWait wait = signInAndOpen("owner", "/scorecards/workflows/invoice-exceptions");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waterfall canvas")));
        assertThat(chart("#waterfall", "c.getOption().xAxis[0].data.length")).isEqualTo(6L);
        // Charts drawn on canvas carry the figures they show as their text alternative.
        WebElement waterfall = browser.findElement(By.id("waterfall"));
        assertThat(waterfall.getAttribute("role")).isEqualTo("img");
        assertThat(waterfall.getAttribute("aria-label")).startsWith("Value-capture waterfall: ").contains(" EUR");
        assertThat(browser.findElement(By.id("levels")).getAttribute("aria-label"))
                .startsWith("Intended users by adoption level: level 0");
        assertThat(browser.findElement(By.id("kpi-chart")).getAttribute("aria-label")).contains("baseline");
        // A figure's definition shows on keyboard focus (and a tap), not only on hover.
        WebElement quality = browser.findElement(By.cssSelector("[data-figure=quality]"));
        assertThat(quality.findElement(By.cssSelector(".figure-definition")).isDisplayed()).isFalse();
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", quality);
        assertThat(quality.findElement(By.cssSelector(".figure-definition")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("binding-constraint")).getText()).isEqualTo("WORKFORCE");
        assertThat(percent("quality")).isGreaterThan(98.5);
        assertThat(percent("adoptionDepth")).isBetween(12.0, 28.0);
        assertThat(browser.findElement(By.cssSelector("[data-figure=adoptionDepth]")).getAttribute("title"))
                .contains("level/4");

        WebElement tried = browser.findElement(By.cssSelector("#level-links a[data-level='1']"));
        int count = Integer.parseInt(tried.getText().replaceAll("\\D", ""));
        BrowserSupport.click(browser, By.cssSelector("#level-links a[data-level='1']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("people-table")));
        assertThat(browser.findElement(By.id("level")).getText()).isEqualTo("1 (tried)");
        assertThat(browser.findElements(By.cssSelector("#people-table tbody tr"))).hasSize(count)
                .allSatisfy(r -> assertThat(r.findElement(By.cssSelector("td:last-child")).getText()).isEqualTo("1"));
    }

    @Test
    void theRoutePlanningPilotFailsItsGateOnTheMeasurementContract() {
        WebDriverWait wait = signInAndOpen("viewer", "/scorecards/workflows/route-planning");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gate-checks")));
        assertThat(browser.findElement(By.cssSelector("[data-check=measurement-contract]")).getText())
                .contains("has no baseline");
        assertThat(browser.findElement(By.cssSelector("[data-figure=realizedImpact] .figure-reason")).getText())
                .contains("no baseline");
        // a viewer sees the figures but not who is behind them
        assertThat(browser.findElements(By.cssSelector("#level-links a"))).isEmpty();
    }

    @Test
    void anOwnerFixesTheMeasurementContractInTheUiFromTheGate() {
        WebDriverWait wait = signInAndOpen("owner", "/portfolio/workflows/route-planning");
        // The failed check links to the form that fixes it.
        BrowserSupport.click(browser, By.cssSelector("[data-check=measurement-contract] a.fix-link"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-table")));
        assertThat(browser.getCurrentUrl()).endsWith("/scorecards/workflows/route-planning#kpis");

        BrowserSupport.click(browser, By.id("kpi-add-link"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-edit-form")));
        browser.findElement(By.id("name")).sendKeys("Replans per day");
        browser.findElement(By.id("unit")).sendKeys("replans");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level"))).selectByValue("OPERATIONAL");
        browser.findElement(By.id("target")).sendKeys("twelve");
        BrowserSupport.click(browser, By.cssSelector("#kpi-edit-form button[type=submit]"));
        // Refused: the field is named and everything typed is still there.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-problem [data-field=target]")));
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Replans per day");
        assertThat(browser.findElement(By.id("target")).getAttribute("value")).isEqualTo("twelve");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("OPERATIONAL");
        browser.findElement(By.id("target")).clear();
        browser.findElement(By.id("target")).sendKeys("12");
        BrowserSupport.click(browser, By.cssSelector("#kpi-edit-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-table")));
        WebElement row = browser.findElement(By.xpath("//table[@id='kpi-table']//tr[td/span[text()='Replans per day']]"));
        assertThat(row.getText()).contains("12");

        // Edit it: the target changes; then delete it, and the contract is as before.
        row.findElement(By.cssSelector("a.kpi-edit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-edit-form")));
        assertThat(browser.findElement(By.id("target")).getAttribute("value")).isEqualTo("12");
        browser.findElement(By.id("target")).clear();
        browser.findElement(By.id("target")).sendKeys("9");
        BrowserSupport.click(browser, By.cssSelector("#kpi-edit-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-table")));
        assertThat(browser.findElement(By.xpath("//table[@id='kpi-table']//tr[td/span[text()='Replans per day']]"))
                .findElements(By.cssSelector("td")).get(3).getText()).isEqualTo("9");
        browser.findElement(By.xpath("//table[@id='kpi-table']//tr[td/span[text()='Replans per day']]//a[contains(@class,'kpi-edit')]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-delete")));
        BrowserSupport.click(browser, By.cssSelector("#kpi-delete summary"));
        BrowserSupport.click(browser, By.cssSelector("#kpi-delete-form button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpi-table")));
        assertThat(browser.findElement(By.id("kpi-table")).getText()).doesNotContain("Replans per day");
    }
}
