package dev.pitwall.portfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision-rights heatmap and a workflow page on the demo, in real Chromium. */
class PortfolioBrowserTest extends DemoBrowserTest {

    @Autowired
    PersonService people;

    private WebDriverWait signInAndOpen(String path) {
        return signInAndOpen("admin", path);
    }

    @Test
    void theHeatmapShowsEveryWorkflowAndRightWithTheGapsInRed() {
        WebDriverWait wait = signInAndOpen("/portfolio/decision-rights");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rights-heatmap canvas")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Long cells = (Long) js.executeScript("var c = echarts.getInstanceByDom(document.getElementById('rights-heatmap'));"
                + "return c.getOption().series[0].data.length;");
        int rows = browser.findElements(By.cssSelector("#rights-table tbody tr")).size();
        assertThat(rows).isEqualTo(14);
        assertThat(cells).isEqualTo(rows * 9L);
        Long unheld = (Long) js.executeScript("var c = echarts.getInstanceByDom(document.getElementById('rights-heatmap'));"
                + "return c.getOption().series[0].data.filter(function (d) { return d[2] === 2; }).length;");
        assertThat(unheld).isEqualTo(browser.findElements(By.cssSelector("#rights-table td[data-status=UNHELD]")).size())
                .isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.cssSelector(
                "#rights-table tr[data-workflow=chat-deflection] td[data-right=ESCALATION_CONTACT]")).getAttribute("data-status"))
                .isEqualTo("UNHELD");
        assertThat(browser.findElements(By.cssSelector("#rights-table td[data-status=HOLDER_INACTIVE]"))).isNotEmpty();
    }

    @Test
    void aWorkflowPageShowsTheGateAndAssigningARightClosesAGap() {
        String holder = people.search(new PersonQuery("Customer Service Team Lead", null, null, null, true, null),
                PersonSort.NAME, new PageQuery(0, 1)).content().get(0).email();
        WebDriverWait wait = signInAndOpen("/portfolio/workflows/chat-deflection");
        assertThat(browser.findElement(By.id("workflow-name")).getText()).isEqualTo("Chat deflection");
        assertThat(browser.findElement(By.id("gate-status")).getText()).isEqualTo("4 check(s) fail");
        assertThat(browser.findElement(By.cssSelector("[data-check=governance]")).getText())
                .contains("control 'Human oversight' (human-oversight) is missing");
        assertThat(browser.findElement(By.cssSelector("[data-check=decision-rights]")).getText())
                .contains("OVERRIDE_AUTHORITY is held by nobody", "ESCALATION_CONTACT is held by nobody");

        new Select(browser.findElement(By.name("right"))).selectByVisibleText("OVERRIDE_AUTHORITY");
        browser.findElement(By.name("holder")).sendKeys(holder);
        BrowserSupport.click(browser, By.cssSelector("form[action$='/rights'] button"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "was assigned"));
        assertThat(browser.findElement(By.cssSelector("[data-check=decision-rights]")).getText())
                .doesNotContain("OVERRIDE_AUTHORITY").contains("ESCALATION_CONTACT is held by nobody");
        assertThat(browser.findElement(By.cssSelector("#workflow-rights tr[data-right=OVERRIDE_AUTHORITY]")).getText())
                .doesNotContain("nobody");
    }

    @Test
    void theInitiativeSwimlanesMarkTheBrokenDependencies() {
        browser = BrowserSupport.chromium(1400, 1000);
        WebDriverWait wait = signInAndOpen("/portfolio");
        browser.findElement(By.linkText("Warehouse Vision")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pipeline-lag")));
        assertThat(browser.findElement(By.id("pipeline-lag")).getText()).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector(".stage-card.violated")))
                .extracting(e -> e.getAttribute("data-stage")).containsExactlyInAnyOrder("DEPLOY", "MAP_SKILLS");
    }
}
