package dev.pitwall.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.board.internal.PdfText;
import dev.pitwall.operations.internal.DeliveryWorker;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Board packs end to end on an organization built through the API: a workflow goes live today
 * with its KPI measured, then the clock moves past the month's end. Packs for last month and this
 * month agree with the scorecards at their as-of dates; making a pack again gives the same content
 * and hash; the PDF says what the page says; verification reproduces an untouched pack, names the
 * figures a late measurement changed and why, and catches a tampered stored pack; subscribers are
 * emailed once per period.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
class BoardPackIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    /**
     * The 28th of next month: late in its month (the month's KPI window then holds the
     * measurements of the last 20 days), and after the real date, as the moved clock only goes forward.
     */
    private static final LocalDate TODAY = YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(28);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("pitwall.board.subscription-sweep", () -> "12h");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BoardSubscriptionService subscriptions;
    @Autowired
    DeliveryWorker deliveries;
    @Autowired
    dev.pitwall.telemetry.RollupService rollups;

    @Test
    void packsAgreeWithTheScorecardsReproduceAndAreVerified() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String key = "bp-" + s;
        clock.set(TODAY);
        long kpi = productionWorkflow(key, s);
        // A pilot built for two: the pack leaves Pitwall, so its adoption is withheld even from an
        // administrator's pack (docs/privacy.md).
        StringBuilder pair = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            String email = "pair" + i + "-" + s + "@board.test";
            send(post("/api/v1/people"), """
                    {"email":"%s","name":"Pair %d %s","level":"PRACTITIONER","tier":"CONSUMER"}""".formatted(email, i, s), 201);
            pair.append(pair.isEmpty() ? "" : ",").append('"').append(email).append('"');
        }
        send(post("/api/v1/workflows"), """
                {"key":"%s-pair","name":"Pair %s","stage":"PILOT","aiGoLive":"%s","intendedUsers":{"people":[%s],"teams":[]}}"""
                .formatted(key, s, TODAY.minusDays(30), pair), 201);
        // The month of TODAY ends; the clock moves to the first day after it.
        YearMonth month = YearMonth.from(TODAY);
        clock.set(month.atEndOfMonth().plusDays(1));
        LocalDate asOf = month.atEndOfMonth();

        DocumentContext earlier = JsonPath.parse(send(post("/api/v1/board-packs"), "{\"period\":\"" + month.minusMonths(1) + "\"}", 201));
        DocumentContext pack = JsonPath.parse(send(post("/api/v1/board-packs"), "{\"period\":\"" + month + "\"}", 201));
        long id = pack.<Number>read("$.id").longValue();
        assertThat(pack.<String>read("$.asOf")).isEqualTo(asOf.toString());
        assertThat(pack.<Number>read("$.previousPackId").longValue()).isEqualTo(earlier.<Number>read("$.id").longValue());

        // Every organization figure of the pack is the scorecard's at the period's last day.
        DocumentContext card = JsonPath.parse(send(get("/api/v1/scorecards/organization?asOf=" + asOf), null, 200));
        for (String figure : List.of("realizedImpact", "targetImpact", "adoptionDepth", "workforceSpendShare",
                "strandedCapital", "workforceIndex")) {
            List<Number> inPack = pack.read("$.content.sections[*].figures[?(@.key == 'org." + figure + "')].value");
            List<Number> onCard = card.read("$.figures[?(@.id == '" + figure + "')].value");
            assertThat(inPack).as(figure).hasSize(1);
            assertThat(inPack.get(0) == null ? null : inPack.get(0).doubleValue()).as(figure)
                    .isEqualTo(onCard.get(0) == null ? null : onCard.get(0).doubleValue());
        }
        assertThat(pack.<List<String>>read("$.content.sections[*].tables[*].rows[*].cells[?(@.key == 'adoption." + key
                + "-pair.adoptionDepth')].note")).containsExactly("withheld: fewer intended users than the minimum group size");
        assertThat(pack.<List<Object>>read("$.content.sections[*].tables[*].rows[*].cells[?(@.key == 'adoption." + key
                + "-pair.adoptionDepth')].value")).hasSize(1).containsOnlyNulls();
        assertThat(figure(pack, "adoption." + key + ".adoptionDepth")).isEqualTo(0.75);
        // This workflow's row in the impact table is its own scorecard's, and the waterfall the organization's.
        DocumentContext wf = JsonPath.parse(send(get("/api/v1/scorecards/workflows/" + key + "?asOf=" + asOf), null, 200));
        assertThat(figure(pack, "workflow." + key + ".realizedImpact"))
                .isCloseTo(value(wf, "$.figures[?(@.id == 'realizedImpact')].value"), within(1e-9));
        // c = mean(90, 80) in the window; baseline 100, lower is better, 10 EUR an hour: 150 EUR a month.
        assertThat(figure(pack, "workflow." + key + ".realizedImpact")).isCloseTo(150, within(1e-9));
        DocumentContext vc = JsonPath.parse(send(get("/api/v1/scorecards/organization/value-capture?asOf=" + asOf), null, 200));
        assertThat(figure(pack, "waterfall.potential")).isCloseTo(value(vc, "$.waterfall.steps[?(@.figure.id == 'potential')].figure.value"), within(1e-6));
        assertThat(pack.<String>read("$.content.boardQuestion")).isEqualTo(vc.read("$.boardQuestion"));
        // By hand for this workflow: potential 400; lost to adoption 400 × (1 − 0.75) = 100; to quality
        // 400 × 0.75 × (1 − 0.8) = 60; expected 240; operating-model residual 240 − 150 = 90.
        assertThat(figure(pack, "waterfall.lostToAdoption." + key)).isCloseTo(100, within(1e-9));
        assertThat(figure(pack, "waterfall.lostToQuality." + key)).isCloseTo(60, within(1e-9));
        assertThat(figure(pack, "waterfall.operatingModelResidual." + key)).isCloseTo(90, within(1e-9));
        // Changes since the previous pack are this pack's figures against last month's.
        assertThat(pack.<List<String>>read("$.content.sections[?(@.id == 'changes')].lead").get(0))
                .contains("Against the pack for " + month.minusMonths(1));

        // Made again for the same inputs: the same content, so the same SHA-256.
        DocumentContext again = JsonPath.parse(send(post("/api/v1/board-packs"), "{\"period\":\"" + month + "\"}", 201));
        assertThat(again.<String>read("$.sha256")).isEqualTo(pack.read("$.sha256"));
        long againId = again.<Number>read("$.id").longValue();

        // Unchanged: reproduced.
        DocumentContext verified = JsonPath.parse(send(get("/api/v1/board-packs/" + id + "/verification"), null, 200));
        assertThat(verified.<Boolean>read("$.contentIntact")).isTrue();
        assertThat(verified.<List<Object>>read("$.differences")).isEmpty();
        assertThat(verified.<Boolean>read("$.reproduced")).isTrue();

        pdfSaysWhatThePageSays(id);
        comparedSideBySide(earlier.<Number>read("$.id").longValue(), id);

        // A late measurement inside the window, recorded after the pack: the figures it moves are named, and why.
        send(post("/api/v1/kpis/" + kpi + "/measurements"), "{\"periodEnd\":\"%s\",\"value\":40}".formatted(TODAY.minusDays(2)), 200);
        DocumentContext late = JsonPath.parse(send(get("/api/v1/board-packs/" + id + "/verification"), null, 200));
        assertThat(late.<Boolean>read("$.reproduced")).isFalse();
        assertThat(late.<Boolean>read("$.contentIntact")).isTrue();
        assertThat(late.<Boolean>read("$.dataChanged")).isTrue();
        assertThat(late.<List<String>>read("$.differences[*].key")).contains("org.realizedImpact", "workflow." + key + ".realizedImpact");
        assertThat(late.<List<String>>read("$.differences[?(@.key == 'workflow." + key + ".realizedImpact')].reason"))
                .containsExactly("DATA_CHANGED");
        // c = mean(90, 80, 40) = 70: 300 EUR a month now, 150 in the pack.
        assertThat(late.<List<Number>>read("$.differences[?(@.key == 'workflow." + key + ".realizedImpact')].recomputed")
                .get(0).doubleValue()).isCloseTo(300, within(1e-9));
        assertThat(late.<List<String>>read("$.changesSince")).anyMatch(c -> c.contains("created MEASUREMENT " + kpi + "@"));
        assertThat(late.<String>read("$.summary")).contains("data changed after the pack was made");

        // The metric definitions changed since (simulated by the stored version): that reason comes first.
        jdbc.sql("UPDATE board_pack SET definitions_version = :v WHERE id = :id").param("v", "0".repeat(64))
                .param("id", id).update();
        DocumentContext redefined = JsonPath.parse(send(get("/api/v1/board-packs/" + id + "/verification"), null, 200));
        assertThat(redefined.<Boolean>read("$.definitionsChanged")).isTrue();
        assertThat(redefined.<Boolean>read("$.contentIntact")).isTrue();
        assertThat(redefined.<List<String>>read("$.differences[*].reason")).isNotEmpty().containsOnly("DEFINITIONS_CHANGED");

        // Tampered: a stored figure altered in the database.
        String stored = jdbc.sql("SELECT content FROM board_pack WHERE id = :id").param("id", againId).query(String.class).single();
        ObjectNode content = (ObjectNode) JSON.readTree(stored);
        for (JsonNode section : content.get("sections")) {
            for (JsonNode f : section.get("figures")) {
                if (f.get("key").asString().equals("org.targetImpact")) {
                    ((ObjectNode) f).put("value", 1_000_000.0);
                }
            }
        }
        jdbc.sql("UPDATE board_pack SET content = :c WHERE id = :id").param("c", JSON.writeValueAsString(content))
                .param("id", againId).update();
        DocumentContext tampered = JsonPath.parse(send(get("/api/v1/board-packs/" + againId + "/verification"), null, 200));
        assertThat(tampered.<Boolean>read("$.contentIntact")).isFalse();
        assertThat(tampered.<Boolean>read("$.reproduced")).isFalse();
        assertThat(tampered.<List<String>>read("$.differences[?(@.key == 'org.targetImpact')].reason"))
                .containsExactly("STORED_CONTENT_ALTERED");
        assertThat(tampered.<String>read("$.summary")).startsWith("The stored pack was altered after it was stored");
        String page = mvc.perform(get("/board/packs/" + againId + "/verification").with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("no: its SHA-256 does not match").contains("STORED_CONTENT_ALTERED");
        // Rewriting the stored hash too does not hide it: the audit log recorded the hash when the pack was made.
        jdbc.sql("UPDATE board_pack SET content_sha256 = :h WHERE id = :id")
                .param("h", dev.pitwall.board.internal.PackJson.sha256(JSON.writeValueAsString(content))).param("id", againId).update();
        DocumentContext rehashed = JsonPath.parse(send(get("/api/v1/board-packs/" + againId + "/verification"), null, 200));
        assertThat(rehashed.<Boolean>read("$.contentIntact")).isFalse();
        assertThat(rehashed.<String>read("$.auditedSha256")).isEqualTo(again.read("$.sha256"));
        assertThat(rehashed.<String>read("$.summary")).contains("the SHA-256 the audit log recorded when it was made");

        refusals(month);
        subscribersAreEmailedOncePerPeriod(s, month);
    }

    private void pdfSaysWhatThePageSays(long id) throws Exception {
        var response = mvc.perform(get("/api/v1/board-packs/" + id + "/pdf").with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            text = normalize(new PDFTextStripper().getText(pdf));
            assertThat(pdf.getDocumentInformation().getSubject()).contains(JsonPath.<String>read(
                    send(get("/api/v1/board-packs/" + id), null, 200), "$.sha256"));
        }
        String html = mvc.perform(get("/board/packs/" + id).with(ADMIN)).andReturn().getResponse().getContentAsString();
        Matcher figures = Pattern.compile("data-key=\"([^\"]+)\"[^>]*>([^<]*)<").matcher(html);
        List<String> checked = new ArrayList<>();
        while (figures.find()) {
            String shown = normalize(PdfText.safe(HtmlUtils.htmlUnescape(figures.group(2))));
            assertThat(text).as("figure %s of the page in the PDF", figures.group(1)).contains(shown);
            checked.add(figures.group(1));
        }
        assertThat(checked).hasSizeGreaterThan(40).contains("org.realizedImpact", "waterfall.realized", "risk.missingControls");
        // Names print as written (the fonts are embedded), in the table and the chart.
        assertThat(text).contains("Board Łódź Ковальски");
        assertThat(text).contains(normalize(PdfText.safe(HtmlUtils.htmlUnescape(Pattern.compile(
                "id=\"board-question\"[^>]*>([^<]*)<").matcher(html).results().findFirst().orElseThrow().group(1)))));
        // The charts are drawn on the page as SVG from the same layout as the PDF's.
        assertThat(html).contains("<svg").contains("class=\"bar-total\"");
    }

    private void comparedSideBySide(long left, long right) throws Exception {
        DocumentContext c = JsonPath.parse(send(get("/api/v1/board-packs/compare?left=" + left + "&right=" + right), null, 200));
        assertThat(c.<Number>read("$.left.id").longValue()).isEqualTo(left);
        assertThat(c.<List<String>>read("$.rows[*].key")).contains("org.realizedImpact", "waterfall.potential");
        String page = mvc.perform(get("/board/compare?left=" + left + "&right=" + right).with(ADMIN)).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"pack-comparison\"").contains("data-key=\"org.realizedImpact\"");
    }

    private void refusals(YearMonth month) throws Exception {
        var open = mvc.perform(post("/api/v1/board-packs").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"" + month.plusMonths(1) + "\"}")).andReturn().getResponse();
        assertThat(open.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(open.getContentAsString(), "$.errors[*].field")).containsExactly("period");
        assertThat(open.getContentAsString()).contains("has not ended");
        var bad = mvc.perform(post("/api/v1/board-packs").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2026-13\"}")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("a month (2026-10) or a quarter (2026-Q3)");
        assertThat(mvc.perform(get("/api/v1/board-packs/999999").with(ADMIN)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    private void subscribersAreEmailedOncePerPeriod(String s, YearMonth month) throws Exception {
        users.create(new NewUser("bp-exec-" + s, "Exec " + s, "exec-" + s + "@board.test", Role.EXECUTIVE,
                "board-exec-password"));
        users.create(new NewUser("bp-viewer-" + s, "Viewer " + s, "viewer-" + s + "@board.test", Role.VIEWER,
                "board-viewer-password"));
        RequestPostProcessor exec = httpBasic("bp-exec-" + s, "board-exec-password");
        RequestPostProcessor viewer = httpBasic("bp-viewer-" + s, "board-viewer-password");
        assertThat(mvc.perform(post("/api/v1/board-pack-subscriptions").with(viewer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"cadence\":\"MONTHLY\"}")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/board-packs").with(viewer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"" + month + "\"}")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/board-packs").with(viewer)).andReturn().getResponse().getStatus()).isEqualTo(200);
        long monthly = JsonPath.<Number>read(send(post("/api/v1/board-pack-subscriptions"), "{\"cadence\":\"MONTHLY\"}", 201, exec),
                "$.id").longValue();
        var twice = mvc.perform(post("/api/v1/board-pack-subscriptions").with(exec).contentType(MediaType.APPLICATION_JSON)
                .content("{\"cadence\":\"monthly\"}")).andReturn().getResponse();
        assertThat(twice.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(twice.getContentAsString(), "$.errors[*].field")).containsExactly("cadence");

        int before = smtp.getReceivedMessages().length;
        assertThat(dev.pitwall.platform.security.SystemActor.runAs("test", subscriptions::sendDue)).isGreaterThanOrEqualTo(1);
        assertThat(dev.pitwall.platform.security.SystemActor.runAs("test", subscriptions::sendDue)).isZero();
        deliveries.deliverDue();
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals("exec-" + s + "@board.test")) {
                mine.add(m);
            }
        }
        assertThat(smtp.getReceivedMessages().length).isGreaterThan(before);
        assertThat(mine).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).startsWith("[Pitwall] Board pack " + month + " · ");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m)).contains("Realized impact:");
        });
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/board-pack-subscriptions"), null, 200, exec), "$")).hasSize(1);
        mvc.perform(delete("/api/v1/board-pack-subscriptions/" + monthly).with(exec));
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/board-pack-subscriptions"), null, 200, exec), "$")).isEmpty();
    }

    /** A workflow in production since today, whose KPI was measured 40 and 10 days ago; returns the KPI's id. */
    private long productionWorkflow(String key, String s) throws Exception {
        String owner = "owner-" + s + "@board.test";
        send(post("/api/v1/people"), """
                {"email":"%s","name":"Owner %s","level":"MANAGER","tier":"CONSUMER"}""".formatted(owner, s), 201);
        users.create(new NewUser("bp-" + s, "Owner", owner, Role.OWNER, "board-owner-password"));
        send(post("/api/v1/ai-systems"), "{\"key\":\"%s\",\"name\":\"BP %s\",\"kind\":\"AGENT\",\"telemetryKeys\":[]}"
                .formatted(key, s), 201);
        StringBuilder rights = new StringBuilder();
        for (DecisionRight right : DecisionRight.values()) {
            rights.append(rights.isEmpty() ? "" : ",").append('"').append(right).append("\":\"").append(owner).append('"');
        }
        // Four colleagues work exactly as the owner does, so the workflow rests on five people: the
        // board's figures are shown (no fewer than the minimum group size) and equal to one person's.
        List<String> intended = new java.util.ArrayList<>(List.of(owner));
        for (int i = 1; i <= 4; i++) {
            String colleague = "colleague" + i + "-" + s + "@board.test";
            send(post("/api/v1/people"), """
                    {"email":"%s","name":"Colleague %d %s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(colleague, i, s), 201);
            intended.add(colleague);
        }
        String people = String.join(",", intended.stream().map(e -> '"' + e + '"').toList());
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Board Łódź Ковальски %s","stage":"PILOT","aiGoLive":"%s","systems":["%s"],"decisionRights":{%s},
                 "intendedUsers":{"people":[%s],"teams":[]}}""".formatted(key, s, TODAY.minusDays(60), key, rights, people), 201);
        long kpi = JsonPath.<Number>read(send(post("/api/v1/workflows/" + key + "/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                 "baselineValue":100,"baselineFrom":"%s","baselineTo":"%s","target":60,"valuePerUnit":10,
                 "owner":"%s","cadence":"MONTHLY"}""".formatted(TODAY.minusDays(200), TODAY.minusDays(120), owner), 201),
                "$.id").longValue();
        send(post("/api/v1/kpis/" + kpi + "/measurements"), "{\"periodEnd\":\"%s\",\"value\":90}".formatted(TODAY.minusDays(20)), 200);
        send(post("/api/v1/kpis/" + kpi + "/measurements"), "{\"periodEnd\":\"%s\",\"value\":80}".formatted(TODAY.minusDays(10)), 200);
        // Each intended user works with it on 10 of the last 28 days (habitual: depth 0.75), 8 of 10 outputs accepted.
        StringBuilder events = new StringBuilder();
        for (int p = 0; p < intended.size(); p++) {
            for (int day = 12; day >= 3; day--) {
                events.append(("{\"id\":\"%s-%d-%d\",\"time\":\"%sT08:00:00Z\",\"person\":\"%s\",\"system\":\"%s\","
                        + "\"workflow\":\"%s\",\"operation\":\"chat\",\"outcome\":\"%s\"}\n").formatted(key, p, day,
                        TODAY.minusDays(day), intended.get(p), key, key, day <= 4 ? "EDITED" : "ACCEPTED"));
            }
        }
        mvc.perform(post("/api/v1/usage-events").with(ADMIN).contentType("application/x-ndjson").content(events.toString()));
        rollups.rollUpPending();
        send(post("/api/v1/workflows/" + key + "/waivers"), """
                {"reason":"Go-live before training completes","expiresOn":"%s"}""".formatted(TODAY.plusDays(90)), 201,
                httpBasic("bp-" + s, "board-owner-password"));
        send(post("/api/v1/workflows/" + key + "/stage"), "{\"stage\":\"PRODUCTION\",\"reason\":\"go-live\"}", 201);
        return kpi;
    }

    private static double figure(DocumentContext pack, String key) {
        List<Number> values = pack.read("$.content.sections[*].figures[?(@.key == '" + key + "')].value");
        if (values.isEmpty()) {
            values = pack.read("$.content.sections[*].tables[*].rows[*].cells[?(@.key == '" + key + "')].value");
        }
        assertThat(values).as(key).hasSize(1);
        return values.get(0).doubleValue();
    }

    private static double value(DocumentContext doc, String path) {
        List<Number> values = doc.read(path);
        return values.get(0).doubleValue();
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private String send(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        return send(request, body, status, ADMIN);
    }

    private String send(MockHttpServletRequestBuilder request, String body, int status, RequestPostProcessor as)
            throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }

}
