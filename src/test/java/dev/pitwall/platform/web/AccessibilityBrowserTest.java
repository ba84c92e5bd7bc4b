package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.AxeCheck;
import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DemoBrowserTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of Pitwall on the demo, in real Chromium: no serious or critical WCAG 2.1 AA
 * violation by axe-core, as an administrator (who sees every form) at desktop width, and no page
 * wider than a 390 px phone screen (wide tables scroll inside their card).
 */
class AccessibilityBrowserTest extends DemoBrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.pitwall.operations.MonitorEvaluation evaluation;
    @Autowired
    dev.pitwall.operations.IncidentService incidents;
    @Autowired
    dev.pitwall.board.BoardPackService packs;

    private long first(String sql) {
        return jdbc.sql(sql).query(Long.class).list().get(0);
    }

    private List<String> everyPage() {
        long initiative = first("SELECT id FROM portfolio_initiative ORDER BY id");
        long team = first("SELECT id FROM people_team ORDER BY id DESC");
        long person = first("SELECT id FROM people_person ORDER BY id");
        long batch = first("SELECT id FROM telemetry_batch ORDER BY id");
        long kpi = first("SELECT id FROM measurement_kpi WHERE deleted_at IS NULL ORDER BY id");
        String workflow = "invoice-exceptions";
        // A round gives the production workflows their default monitors; an incident opened by hand.
        evaluation.evaluate();
        long monitor = first("SELECT id FROM operations_monitor ORDER BY id");
        long incident = dev.pitwall.platform.security.SystemActor.runAs("accessibility-test", () -> incidents.open(
                new dev.pitwall.operations.NewIncident("Harmful reply reported", "A customer was promised a refund.",
                        dev.pitwall.operations.Severity.SEV2, "email-triage", null, null)).id());
        java.time.YearMonth lastMonth = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1);
        long earlier = dev.pitwall.platform.security.SystemActor.runAs("accessibility-test",
                () -> packs.generate(lastMonth.minusMonths(1).toString()).id());
        long pack = dev.pitwall.platform.security.SystemActor.runAs("accessibility-test",
                () -> packs.generate(lastMonth.toString()).id());
        return List.of("/", "/scorecards", "/scorecards/workflows/" + workflow,
                "/scorecards?stage=PRODUCTION&constraint=WORKFORCE", "/board", "/board/packs/" + pack,
                "/board/packs/" + pack + "/verification", "/board/compare?left=" + earlier + "&right=" + pack, "/scorecards/workflows/route-planning",
                "/scorecards/initiatives/" + initiative, "/scorecards/teams/" + team,
                "/scorecards/workflows/" + workflow + "/people?level=1", "/scorecards/kpis/" + kpi + "/edit",
                "/scorecards/workflows/" + workflow + "/kpis/new",
                "/portfolio", "/portfolio/workflows/" + workflow, "/portfolio/workflows/vendor-onboarding",
                "/portfolio/workflows/new", "/portfolio/initiatives/" + initiative,
                "/portfolio/initiatives/" + initiative + "/edit", "/portfolio/initiatives/new", "/portfolio/systems",
                "/portfolio/decision-rights", "/portfolio/waivers", "/portfolio/operating-model",
                "/people", "/people/" + person, "/people/" + person + "/edit", "/people/new", "/people/import",
                "/teams", "/teams/" + team, "/skills",
                "/telemetry", "/telemetry/events", "/telemetry/batches/" + batch, "/telemetry/rules", "/telemetry/discovery", "/telemetry/github-copilot",
                "/governance", "/governance/controls", "/governance/mine", "/governance/workflows/hiring-screening",
                "/governance/workflows/hiring-screening/record", "/governance/frameworks/EU_AI_ACT",
                "/governance/frameworks/NIST_AI_RMF/report",
                "/audit", "/admin/users", "/admin/organization", "/account",
                "/operations", "/operations/monitors", "/operations/monitors/" + monitor, "/operations/monitors/new",
                "/operations/incidents/" + incident, "/operations/incidents/" + incident + "/report",
                "/operations/incidents/new",
                "/operations/workflows/email-triage/fallback", "/my-work", "/insight", "/insight/redesign", "/insight/skill-gaps", "/insight/expectations", "/insight/misaligned",
                "/scorecards/workflows/" + workflow + "/teams", "/insight/pulses", "/insight/pulses/" + first("SELECT id FROM insight_pulse ORDER BY id DESC"),
                "/insight/pulses/" + first("SELECT id FROM insight_pulse ORDER BY id DESC") + "/answer", "/insight/explain",
                "/pulse/no-such-link",
                "/insight/skills/" + first("SELECT id FROM people_skill WHERE name = 'Evaluating AI output'"), "/operations/reviews",
                "/operations/reviews/" + first("SELECT id FROM operations_review ORDER BY id DESC"),
                "/operations/workflows/damage-detection/reviews/new", "/operations/notifications",
                "/review/inbox");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @Test
    void everyPagePassesAxeAtDesktopWidth() {
        signInAndOpen("admin", "/account");
        List<String> findings = new ArrayList<>();
        for (String path : everyPage()) {
            open(path);
            assertThat(browser.getCurrentUrl()).as("%s opens without being sent elsewhere", path).doesNotContain("/login");
            AxeCheck.seriousViolations(browser).forEach(v -> findings.add(path + " → " + v));
        }
        assertThat(findings).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    @Test
    void noPageIsWiderThanAPhone() {
        browser = BrowserSupport.chromium(390, 844);
        BrowserSupport.signInAndOpen(browser, port, "admin", "/account", Duration.ofSeconds(20));
        List<String> wide = new ArrayList<>();
        for (String path : everyPage()) {
            open(path);
            assertThat(browser.getCurrentUrl()).as("%s opens without being sent elsewhere", path).doesNotContain("/login");
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            if (overflow.intValue() > 1) {
                wide.add(path + " is " + overflow + " px wider than the screen");
            }
        }
        assertThat(wide).isEmpty();
    }
}
