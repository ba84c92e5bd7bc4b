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
}
