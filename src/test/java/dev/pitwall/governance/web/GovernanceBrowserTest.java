package dev.pitwall.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Governance on the demo, in real Chromium: the portfolio heatmap of workflows × controls (every
 * cell, the hiring screening gaps), the click through to a workflow, and putting a control in
 * place from its page with an uploaded file.
 */
class GovernanceBrowserTest extends DemoBrowserTest {

    private Object chart(String expression) {
        return ((JavascriptExecutor) browser).executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById('controls-heatmap')); return " + expression + ";");
    }

    @Test
    void theHeatmapShowsEveryWorkflowAndControlWithTheHiringScreeningGaps() {
        WebDriverWait wait = signInAndOpen("exec", "/governance");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#controls-heatmap canvas")));
        int rows = browser.findElements(By.cssSelector("#controls-table tbody tr")).size();
        int columns = browser.findElements(By.cssSelector("#controls-table thead th[data-control]")).size();
        assertThat(rows).isEqualTo(14);
        assertThat(columns).isGreaterThanOrEqualTo(13);
        assertThat((Long) chart("c.getOption().series[0].data.length")).isEqualTo((long) rows * columns);
        // Cells at level 1 are required controls that are missing: the table marks the same cells.
        Long missing = (Long) chart("c.getOption().series[0].data.filter(function (d) { return d[2] === 1; }).length");
        assertThat(missing).isEqualTo(browser.findElements(By.cssSelector(
                "#controls-table td[data-status=MISSING][data-required=true]")).size()).isPositive();
        assertThat(browser.findElement(By.cssSelector(
                "#controls-table tr[data-workflow=hiring-screening] td[data-control=human-oversight]")).getAttribute("data-status"))
                .isEqualTo("PLANNED");
        assertThat(browser.findElement(By.cssSelector("[data-framework=NIST_AI_RMF] .covered")).getText()).matches("\\d+");

        BrowserSupport.click(browser, By.xpath("//details[.//table[@id='controls-table']]/summary"));
        BrowserSupport.click(browser, By.cssSelector("#controls-table tr[data-workflow=hiring-screening] a"));
        wait.until(ExpectedConditions.textToBe(By.id("eu-category"), "EU AI Act: HIGH_RISK"));
        assertThat(browser.findElement(By.id("risk-reasons")).getText()).contains("Annex III point 4(a)");
    }

    @Test
    void anOwnerPutsAControlInPlaceWithAnUploadedFile() throws Exception {
        Path file = Files.createTempFile("runbook", ".txt");
        Files.writeString(file, "Fallback runbook: route applications to recruiters by hand.\n");
        WebDriverWait wait = signInAndOpen("admin", "/governance/workflows/hiring-screening");
        By row = By.cssSelector("#control-fallback-path");
        assertThat(browser.findElement(row).getAttribute("data-status")).isEqualTo("MISSING");

        var details = browser.findElement(By.xpath("//tr[@id='control-fallback-path']/following-sibling::tr[1]//details"));
        BrowserSupport.click(browser, By.xpath("//tr[@id='control-fallback-path']/following-sibling::tr[1]//summary"));
        details.findElement(By.name("title")).sendKeys("Fallback runbook");
        details.findElement(By.name("file")).sendKeys(file.toString());
        details.findElement(By.cssSelector("form[enctype] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Evidence added"));
        assertThat(browser.findElement(row).getText()).contains("Fallback runbook");

        var again = browser.findElement(By.xpath("//tr[@id='control-fallback-path']/following-sibling::tr[1]//details"));
        BrowserSupport.click(browser, By.xpath("//tr[@id='control-fallback-path']/following-sibling::tr[1]//summary"));
        new Select(again.findElement(By.name("status"))).selectByVisibleText("IMPLEMENTED");
        again.findElement(By.cssSelector("form:not([enctype]) button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "is now IMPLEMENTED"));
        assertThat(browser.findElement(row).getAttribute("data-status")).isEqualTo("IMPLEMENTED");
        assertThat(browser.findElement(row).getAttribute("class")).doesNotContain("table-danger");
    }
}
