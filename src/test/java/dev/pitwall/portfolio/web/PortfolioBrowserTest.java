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
    @Autowired
    dev.pitwall.portfolio.WorkflowService workflows;

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

        // All nine rights in one form; the holder field suggests people as one types.
        BrowserSupport.click(browser, By.cssSelector("#rights-form-box summary"));
        browser.findElement(By.id("holder-OVERRIDE_AUTHORITY")).sendKeys("Customer Service Team");
        wait.until(d -> !d.findElements(By.xpath("//input[@id='holder-OVERRIDE_AUTHORITY']/following-sibling::datalist"
                + "/option[@value='" + holder + "']")).isEmpty());
        browser.findElement(By.id("holder-OVERRIDE_AUTHORITY")).clear();
        browser.findElement(By.id("holder-OVERRIDE_AUTHORITY")).sendKeys(holder);
        // A wrong holder in another row refuses the whole form, which keeps what was typed.
        browser.findElement(By.id("holder-ESCALATION_CONTACT")).sendKeys("nobody@nowhere.example");
        BrowserSupport.click(browser, By.cssSelector("#rights-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-error"), "ESCALATION_CONTACT.holder"));
        assertThat(browser.findElement(By.cssSelector("#workflow-rights tr[data-right=OVERRIDE_AUTHORITY]")).getText())
                .contains("nobody");
        assertThat(browser.findElement(By.id("holder-OVERRIDE_AUTHORITY")).getAttribute("value")).isEqualTo(holder);
        assertThat(browser.findElement(By.id("holder-ESCALATION_CONTACT")).getAttribute("value"))
                .isEqualTo("nobody@nowhere.example");
        browser.findElement(By.id("holder-ESCALATION_CONTACT")).clear();
        BrowserSupport.click(browser, By.cssSelector("#rights-form button[type=submit]"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
                "The decision rights were saved"));
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

    @Test
    void anOwnerDescribesAWorkflowInFormsWithPickersInsteadOfYaml() {
        String person = people.search(new PersonQuery("Route Planner", null, null, null, true, null),
                PersonSort.NAME, new PageQuery(0, 1)).content().get(0).email();
        WebDriverWait wait = signInAndOpen("/portfolio/workflows/load-consolidation");
        BrowserSupport.click(browser, By.id("edit-workflow"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("workflow-edit-form")));

        int steps = (int) browser.findElements(By.cssSelector("#steps-table tbody tr")).stream()
                .filter(r -> !r.findElement(By.cssSelector("input")).getAttribute("value").isBlank()).count();
        var blankStep = browser.findElements(By.cssSelector("#steps-table tbody tr")).get(steps);
        blankStep.findElement(By.cssSelector("input[name$='.name']")).sendKeys("Check the consolidated loads");
        new Select(blankStep.findElement(By.cssSelector("select"))).selectByValue("HUMAN");
        blankStep.findElement(By.cssSelector("input[name$='.manualHandoff']")).click();

        // People are found as one types; the field takes the chosen person's email.
        var intended = browser.findElements(By.cssSelector("input[name^='intendedPeople']")).stream()
                .filter(i -> i.getAttribute("value").isBlank()).findFirst().orElseThrow();
        intended.sendKeys("Route Planner");
        wait.until(d -> !d.findElements(By.cssSelector("datalist option[value='" + person + "']")).isEmpty());
        intended.clear();
        intended.sendKeys(person);

        var role = browser.findElements(By.cssSelector(".role-row")).stream()
                .filter(r -> r.findElement(By.cssSelector("input[name$='.name']")).getAttribute("value").isBlank())
                .findFirst().orElseThrow();
        role.findElement(By.cssSelector("input[name$='.name']")).sendKeys("Load checker");
        role.findElement(By.cssSelector("input[name$='members[0]']")).sendKeys(person);
        Select skill = new Select(role.findElement(By.cssSelector("select[name$='skills[0].skill']")));
        String skillName = skill.getOptions().get(1).getAttribute("value");
        skill.selectByIndex(1);
        new Select(role.findElement(By.cssSelector("select[name$='skills[0].level']"))).selectByValue("2");
        BrowserSupport.click(browser, By.cssSelector("#workflow-edit-form button[type=submit]"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "The workflow was saved"));
        var definition = workflows.definition("load-consolidation");
        assertThat(definition.steps()).anySatisfy(st -> {
            assertThat(st.name()).isEqualTo("Check the consolidated loads");
            assertThat(st.manualHandoff()).isTrue();
        });
        assertThat(definition.intendedUsers().people()).contains(person);
        assertThat(definition.roles()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("Load checker");
            assertThat(r.members()).containsExactly(person);
            assertThat(r.skills()).singleElement().satisfies(k -> {
                assertThat(k.skill()).isEqualTo(skillName);
                assertThat(k.level()).isEqualTo(2);
            });
        });

        // A refusal keeps the form as typed and names the field.
        BrowserSupport.click(browser, By.id("edit-workflow"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("workflow-edit-form")));
        // The people the form names by email are shown with their names.
        String name = people.findByEmail(person).orElseThrow().name();
        assertThat(browser.findElements(By.cssSelector(".person-name"))).anySatisfy(n -> assertThat(n.getText()).startsWith(name));
        var another = browser.findElements(By.cssSelector("input[name^='intendedPeople']")).stream()
                .filter(i -> i.getAttribute("value").isBlank()).findFirst().orElseThrow();
        another.sendKeys("nobody@nowhere.example");
        BrowserSupport.click(browser, By.cssSelector("#workflow-edit-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-problem")));
        assertThat(browser.findElement(By.id("form-problem")).getText()).contains("nobody@nowhere.example");
        assertThat(browser.findElements(By.cssSelector("input[name^='intendedPeople']")))
                .anySatisfy(i -> assertThat(i.getAttribute("value")).isEqualTo("nobody@nowhere.example"));
        assertThat(workflows.definition("load-consolidation").intendedUsers().people()).doesNotContain("nobody@nowhere.example");
    }
}
