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

        String form = "//details[@data-control-form='fallback-path']";
        BrowserSupport.click(browser, By.xpath(form + "/summary"));
        // A refused change comes back with everything typed (the file must be chosen again).
        new Select(browser.findElement(By.id("status-fallback-path"))).selectByVisibleText("IMPLEMENTED");
        browser.findElement(By.id("owner-fallback-path")).sendKeys("nobody@nowhere.example");
        browser.findElement(By.id("review-fallback-path")).sendKeys("03032027");
        browser.findElement(By.id("etitle-fallback-path")).sendKeys("Fallback runbook");
        browser.findElement(By.id("efile-fallback-path")).sendKeys(file.toString());
        BrowserSupport.click(browser, By.xpath(form + "//button[@type='submit']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-error"), "ownerEmail"));
        assertThat(browser.findElement(By.xpath(form)).getAttribute("open")).isNotNull();
        assertThat(browser.findElement(By.id("owner-fallback-path")).getAttribute("value")).isEqualTo("nobody@nowhere.example");
        assertThat(browser.findElement(By.id("review-fallback-path")).getAttribute("value")).isEqualTo("2027-03-03");
        assertThat(browser.findElement(By.id("etitle-fallback-path")).getAttribute("value")).isEqualTo("Fallback runbook");
        assertThat(new Select(browser.findElement(By.id("status-fallback-path"))).getFirstSelectedOption().getText())
                .isEqualTo("IMPLEMENTED");
        assertThat(browser.findElement(By.xpath(form)).getText()).contains("Choose " + file.getFileName() + " again");
        // Nothing of the refused change was kept: no evidence, still missing.
        assertThat(browser.findElement(row).getAttribute("data-status")).isEqualTo("MISSING");
        assertThat(browser.findElement(row).getText()).doesNotContain("Fallback runbook");

        // Status and evidence in one step; the answer says what the frameworks' coverage did.
        browser.findElement(By.id("owner-fallback-path")).clear();
        browser.findElement(By.id("efile-fallback-path")).sendKeys(file.toString());
        BrowserSupport.click(browser, By.xpath(form + "//button[@type='submit']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
                "is now IMPLEMENTED, with the evidence added"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .containsAnyOf("Coverage: ", "The frameworks' coverage did not change.");
        assertThat(browser.findElement(row).getText()).contains("Fallback runbook");
        assertThat(browser.findElement(row).getAttribute("data-status")).isEqualTo("IMPLEMENTED");
        assertThat(browser.findElement(row).getAttribute("class")).doesNotContain("table-danger");
    }
}
