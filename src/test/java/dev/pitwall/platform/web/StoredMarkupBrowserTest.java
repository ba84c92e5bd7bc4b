package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.BrowserSupport;
import dev.pitwall.testing.DatabaseAvailability;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Markup stored in every text field a person types (names, titles, descriptions, notes, steps,
 * roles, KPIs, evidence, the organization's name) is shown as text on every page, in real
 * Chromium: no element of the markup exists in any page, and the text shows where it belongs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
@Tag("browser")
@ExtendWith({DatabaseAvailability.class, BrowserSupport.class})
class StoredMarkupBrowserTest implements BrowserSupport.HasBrowser {

    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    private WebDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public WebDriver browser() {
        return browser;
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Markup that would add elements (and try to run script) if a page did not escape it. */
    private static String markup(String label) {
        return "<b class=\\\"planted\\\">" + label + "</b><img src=x class=\\\"planted\\\" onerror=\\\"document.body.dataset.xss=1\\\">";
    }

    private String send(String method, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", ADMIN).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private String sendCsv(String path, String csv) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).header("Authorization", ADMIN)
                .header("Content-Type", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private static long id(String json) {
        return ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void markupInEveryTextFieldIsShownAsTextOnEveryPage() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String email = "markup-" + suffix + "@markup.test";
        String key = "markup-" + suffix;
        long team = id(send("POST", "/api/v1/teams", "{\"name\":\"" + markup("team") + "\",\"description\":\"" + markup("team description") + "\"}"));
        long person = id(send("POST", "/api/v1/people", "{\"email\":\"" + email + "\",\"name\":\"" + markup("person")
                + "\",\"title\":\"" + markup("title") + "\",\"teamId\":" + team + ",\"level\":\"MANAGER\",\"tier\":\"INTEGRATOR\"}"));
        long skill = id(send("POST", "/api/v1/skills", "{\"name\":\"" + markup("skill " + suffix) + "\",\"category\":\"" + markup("category")
                + "\",\"description\":\"" + markup("skill description") + "\"}"));
        send("POST", "/api/v1/ai-systems", "{\"key\":\"" + key + "\",\"name\":\"" + markup("system") + "\",\"kind\":\"AGENT\","
                + "\"provider\":\"" + markup("provider") + "\",\"description\":\"" + markup("system description") + "\"}");
        long initiative = id(send("POST", "/api/v1/initiatives", "{\"name\":\"" + markup("initiative " + suffix)
                + "\",\"objective\":\"" + markup("objective") + "\",\"stage\":\"ACTIVE\"}"));
        send("POST", "/api/v1/workflows", ("{\"key\":\"%s\",\"name\":\"%s\",\"description\":\"%s\",\"initiative\":\"%s\","
                + "\"stage\":\"PILOT\",\"aiGoLive\":\"%s\",\"systems\":[\"%s\"],"
                + "\"steps\":[{\"name\":\"%s\",\"actor\":\"HUMAN\",\"tool\":\"%s\",\"manualHandoff\":true}],"
                + "\"roles\":[{\"name\":\"%s\",\"description\":\"%s\",\"members\":[\"%s\"],\"skills\":[{\"skill\":\"%s\",\"level\":2}]}],"
                + "\"intendedUsers\":{\"people\":[\"%s\"],\"teams\":[]},"
                + "\"dataSources\":[{\"name\":\"%s\",\"owningSystem\":\"%s\"}]}").formatted(key, markup("workflow"),
                markup("workflow description"), markup("initiative " + suffix), LocalDate.now().minusDays(30), key,
                markup("step"), markup("tool"), markup("role"), markup("role description"), email,
                markup("skill " + suffix), email, markup("data source"), markup("owning system")));
        send("PUT", "/api/v1/workflows/" + key + "/decision-rights/OUTPUT_APPROVER",
                "{\"holder\":\"" + email + "\",\"note\":\"" + markup("right note") + "\"}");
        send("PUT", "/api/v1/workflows/" + key + "/decision-rights/QUALITY_MONITOR",
                "{\"role\":\"" + markup("role") + "\"}");
        send("POST", "/api/v1/workflows/" + key + "/kpis", "{\"name\":\"" + markup("kpi") + "\",\"unit\":\"<b class=\\\"planted\\\">u</b>"
                + "\",\"level\":\"BUSINESS_OUTCOME\",\"direction\":\"LOWER_IS_BETTER\",\"cadence\":\"MONTHLY\",\"dataSource\":\""
                + markup("kpi source") + "\"}");
        send("PUT", "/api/v1/workflows/" + key + "/risk-classification", """
                {"personalData":true,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":["4(a)"],
                 "narrowProceduralTask":false,"profiling":true,"autonomy":"SUGGESTS","internalDecisionSupport":true,
                 "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,"emotionOrBiometric":false,
                 "prohibitedPractices":[]}""");
        send("POST", "/api/v1/workflows/" + key + "/controls/logging/evidence",
                "{\"title\":\"" + markup("evidence") + "\",\"url\":\"https://example.org/evidence\"}");
        send("PUT", "/api/v1/workflows/" + key + "/controls/logging", "{\"status\":\"PLANNED\",\"note\":\"" + markup("control note") + "\"}");
        send("PUT", "/api/v1/organization", "{\"name\":\"" + markup("organization") + "\",\"currency\":\"EUR\"}");
        long monitor = id(send("POST", "/api/v1/monitors", "{\"name\":\"" + markup("monitor") + "\",\"workflowKey\":\"" + key
                + "\",\"signal\":\"overrideRate\",\"comparator\":\"GT\",\"threshold\":0.1,\"windowDays\":7,\"minSamples\":0,"
                + "\"severity\":\"SEV3\"}"));
        long incident = id(send("POST", "/api/v1/incidents", "{\"title\":\"" + markup("incident") + "\",\"description\":\""
                + markup("incident description") + "\",\"severity\":\"SEV3\",\"workflowKey\":\"" + key + "\"}"));
        send("POST", "/api/v1/incidents/" + incident + "/comments", "{\"text\":\"" + markup("incident comment") + "\"}");
        send("PUT", "/api/v1/workflows/" + key + "/fallback", "{\"procedure\":\"" + markup("fallback procedure")
                + "\",\"maxSwitchMinutes\":30}");
        send("POST", "/api/v1/workflows/" + key + "/drills", "{\"drilledOn\":\"" + LocalDate.now().minusDays(2)
                + "\",\"switchMinutes\":5,\"notes\":\"" + markup("drill notes") + "\"}");
        long review = id(send("POST", "/api/v1/workflows/" + key + "/operating-reviews", "{\"heldOn\":\"" + LocalDate.now()
                + "\",\"attendeeEmails\":[\"" + email + "\"],\"decisions\":[\"" + markup("review decision") + "\"],"
                + "\"actions\":[{\"title\":\"" + markup("review action") + "\",\"ownerEmail\":\"" + email + "\",\"dueOn\":\""
                + LocalDate.now().plusDays(5) + "\"}],\"notes\":\"" + markup("review notes") + "\"}"));
        send("POST", "/api/v1/subscriptions", "{\"name\":\"" + markup("subscription") + "\",\"channel\":\"WEBHOOK\","
                + "\"url\":\"https://example.org/hook\",\"eventTypes\":[\"incident.opened\"],\"workflowKey\":\"" + key + "\"}");
        send("PUT", "/api/v1/workflows/" + key + "/team-go-lives", "[{\"team\":\"" + markup("team") + "\",\"liveOn\":\""
                + LocalDate.now().minusDays(10) + "\"}]");
        long pulse = id(send("POST", "/api/v1/insight/pulses", "{\"title\":\"" + markup("pulse") + "\",\"template\":"
                + "\"CONFIDENCE_CHECK\",\"closesOn\":\"" + LocalDate.now().plusDays(5) + "\"}"));
        send("POST", "/api/v1/saved-views", "{\"name\":\"" + markup("saved view") + "\",\"path\":\"/scorecards\","
                + "\"query\":\"stage=PILOT\"}");
        long pack = id(send("POST", "/api/v1/board-packs", "{\"period\":\""
                + java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1) + "\"}"));

        browser = BrowserSupport.chromium(1400, 1000);
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys("admin");
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("test-admin-password");
        browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
        // Shadow AI: the person's team uses Poe, blocked with a note (a finding shows the note).
        send("PUT", "/api/v1/ai-discovery/services/poe/block", "{\"note\":\"" + markup("block note") + "\"}");
        sendCsv("/api/v1/imports/proxy-logs?format=zscaler", "time,login,host,action\n"
                + java.time.Instant.now().minusSeconds(2) + "," + email + ",poe.com,Allowed\n"
                + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + "T09:00:00Z," + email + ",poe.com,Allowed\n");
        List<String> pages = List.of("/", "/scorecards", "/scorecards/workflows/" + key, "/scorecards/initiatives/" + initiative,
                "/scorecards/teams/" + team, "/portfolio", "/portfolio/workflows/" + key, "/portfolio/workflows/" + key + "/edit",
                "/portfolio/initiatives/" + initiative, "/portfolio/systems", "/portfolio/decision-rights",
                "/portfolio/operating-model?workflow=" + key, "/people", "/people/" + person, "/teams", "/teams/" + team,
                "/skills", "/governance", "/governance/workflows/" + key, "/governance/workflows/" + key + "/record",
                "/governance/mine", "/audit", "/admin/organization", "/operations", "/operations/monitors",
                "/operations/monitors/" + monitor, "/operations/incidents/" + incident,
                "/operations/workflows/" + key + "/fallback", "/operations/reviews", "/operations/reviews/" + review,
                "/operations/workflows/" + key + "/reviews/new", "/operations/notifications", "/insight",
                "/insight/redesign", "/insight/skill-gaps", "/insight/skills/" + skill, "/insight/expectations",
                "/insight/misaligned", "/insight/pulses", "/insight/pulses/" + pulse, "/insight/pulses/" + pulse + "/answer",
                "/insight/explain", "/insight/explain?workflow=" + key, "/scorecards/workflows/" + key + "/teams",
                "/board", "/board/packs/" + pack, "/board/packs/" + pack + "/verification", "/telemetry",
                "/telemetry/discovery", "/telemetry/github-copilot");
        List<String> planted = new ArrayList<>();
        List<String> notShown = new ArrayList<>();
        int shownAsText = 0;
        for (String path : pages) {
            browser.get("http://localhost:" + port + path);
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                    "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            Object found = ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelectorAll('.planted').length + (document.body.dataset.xss ? 1000 : 0);");
            if (((Number) found).intValue() > 0) {
                planted.add(path + ": " + found);
            }
            if (browser.getPageSource().contains("&lt;b class=\"planted\"&gt;")
                    || ((String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;"))
                            .contains("<b class=\"planted\">")) {
                shownAsText++;
            } else {
                notShown.add(path + ": " + ((String) ((JavascriptExecutor) browser).executeScript(
                        "return document.body.innerText.substring(0, 300);")));
            }
        }
        assertThat(planted).as("pages where stored markup became elements").isEmpty();
        // Most pages show some of it (the organization's name is in every page's navigation bar).
        assertThat(shownAsText).as("pages that show the markup as text; not on " + notShown).isEqualTo(pages.size());
    }
}
