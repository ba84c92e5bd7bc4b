package dev.pitwall.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Governance through the API on the real database: catalogs loaded from the shipped CSVs (and
 * only once), classification, evidence, the gate refusing a high-risk workflow until its required
 * controls are in place, expiry, and who may do what.
 */
@PitwallIntegrationTest
class GovernanceIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final String HIGH_RISK = """
            {"personalData":true,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":["4(a)"],
             "narrowProceduralTask":false,"profiling":true,"autonomy":"SUGGESTS","internalDecisionSupport":true,
             "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,"emotionOrBiometric":false,
             "prohibitedPractices":[]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    FrameworkCatalogService catalogs;
    @Autowired
    ControlLibraryService library;
    @Autowired
    ImplementationService implementations;
    @Autowired
    PersonService people;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private String key;
    private Person owner;

    @BeforeEach
    void workflow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "screening-" + suffix;
        owner = people.create(new PersonDraft("control-owner-" + suffix + "@gov.test", null, "Control Owner", null, null,
                null, Level.MANAGER, Tier.CONSUMER, true));
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"key":"%s","name":"Screening","stage":"PILOT"}""".formatted(key))).andExpect(status().isCreated());
    }

    @Test
    void theShippedCatalogsAreLoadedOnceWithTheirRowCounts() throws Exception {
        mvc.perform(get("/api/v1/governance/frameworks/NIST_AI_RMF").with(ADMIN))
                .andExpect(jsonPath("$.length()").value(72))
                .andExpect(jsonPath("$[0].ref").value("GOVERN 1.1"));
        mvc.perform(get("/api/v1/governance/frameworks/iso_42001").with(ADMIN))
                .andExpect(jsonPath("$.length()").value(38))
                .andExpect(jsonPath("$[0].text").doesNotExist());
        mvc.perform(get("/api/v1/governance/frameworks/NIST_AI_600_1").with(ADMIN)).andExpect(jsonPath("$.length()").value(12));
        mvc.perform(get("/api/v1/governance/frameworks/EU_AI_ACT").with(ADMIN)).andExpect(jsonPath("$.length()").value(85));
        mvc.perform(get("/api/v1/governance/crosswalk").with(ADMIN)).andExpect(jsonPath("$.length()").value(280));
        mvc.perform(get("/api/v1/governance/frameworks/COBIT").with(ADMIN)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("framework"));

        List<CatalogVersion> before = catalogs.versions();
        assertThat(before).allSatisfy(v -> assertThat(v.version()).isPositive());
        assertThat(catalogs.loadShipped()).isEmpty();
        assertThat(catalogs.versions()).isEqualTo(before);
    }

    @Test
    void aChangedCatalogFileRaisesOnlyItsVersion(@TempDir Path dir) throws Exception {
        catalogs.loadShipped();
        for (Framework f : Framework.values()) {
            copy(f.file(), dir);
        }
        copy(FrameworkCatalogService.CROSSWALK_FILE, dir);
        Path iso = dir.resolve(Framework.ISO_42001.file());
        Files.writeString(iso, Files.readString(iso) + "A.99.9,A.99,Test control,Test group,,Test control\n");
        List<CatalogVersion> before = catalogs.versions();
        try {
            assertThat(catalogs.load(dir.toUri().toString())).extracting(CatalogVersion::catalog).containsExactly("ISO_42001");
            assertThat(catalogs.items(Framework.ISO_42001)).hasSize(39);
            assertThat(version(catalogs.versions(), "ISO_42001")).isEqualTo(version(before, "ISO_42001") + 1);
            assertThat(version(catalogs.versions(), "NIST_AI_RMF")).isEqualTo(version(before, "NIST_AI_RMF"));
        } finally {
            catalogs.loadShipped();
        }
        assertThat(catalogs.items(Framework.ISO_42001)).hasSize(38);
    }

    @Test
    void everyReferenceOfTheShippedControlsNamesACatalogEntry() {
        assertThat(library.all()).hasSizeGreaterThanOrEqualTo(13);
        for (Control control : library.all().stream().filter(Control::builtIn).toList()) {
            assertThat(control.references()).as(control.key()).isNotEmpty();
            for (ControlReference ref : control.references()) {
                assertThat(catalogs.items(ref.framework())).as(control.key() + " → " + ref)
                        .anyMatch(item -> item.ref().equals(ref.ref()));
            }
        }
    }

    @Test
    void theGateRefusesAHighRiskWorkflowUntilEveryRequiredControlIsInPlace() throws Exception {
        mvc.perform(get("/api/v1/workflows/" + key + "/gate").with(ADMIN))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].reasons[0]").value(hasItem(
                        containsString("no risk classification"))));

        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content(HIGH_RISK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("HIGH"))
                .andExpect(jsonPath("$.euCategory").value("HIGH_RISK"))
                .andExpect(jsonPath("$.annexIiiPoints[0]").value("4(a)"))
                .andExpect(jsonPath("$.version").value(1));

        List<ControlImplementation> required = implementations.ofWorkflow(key);
        assertThat(required).allMatch(ControlImplementation::required).extracting(ControlImplementation::controlKey)
                .contains("human-oversight", "review-procedure", "logging", "ownership");
        mvc.perform(get("/api/v1/workflows/" + key + "/gate").with(ADMIN))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].passed").value(hasItem(false)))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].reasons[*]").value(hasItem(
                        "control 'Human oversight' (human-oversight) is missing")));
        mvc.perform(post("/api/v1/workflows/" + key + "/stage").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PRODUCTION\",\"reason\":\"go\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("GATE_FAILED"));

        // In place needs evidence first.
        mvc.perform(put("/api/v1/workflows/" + key + "/controls/human-oversight").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IMPLEMENTED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));

        LocalDate expires = LocalDate.now().plusDays(90);
        for (ControlImplementation control : required) {
            mvc.perform(post("/api/v1/workflows/" + key + "/controls/" + control.controlKey() + "/evidence").with(ADMIN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\":\"Procedure\",\"url\":\"https://wiki.example/" + control.controlKey() + "\"}"))
                    .andExpect(status().isCreated());
            mvc.perform(put("/api/v1/workflows/" + key + "/controls/" + control.controlKey()).with(ADMIN)
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"status":"IMPLEMENTED","ownerEmail":"%s","reviewOn":"%s","expiresOn":"%s"}"""
                                    .formatted(owner.email(), expires.minusDays(30), expires)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ownerName").value("Control Owner"));
        }
        mvc.perform(get("/api/v1/workflows/" + key + "/gate").with(ADMIN))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].passed").value(hasItem(true)));

        // Time passes: the evidence of one control expires, and the sweep turns it back to PLANNED.
        jdbc.sql("""
                UPDATE governance_implementation SET expires_on = ? WHERE control_id =
                  (SELECT id FROM governance_control WHERE control_key = 'logging')
                  AND workflow_id = (SELECT id FROM portfolio_workflow WHERE workflow_key = ?)
                """).params(LocalDate.now().minusDays(1), key).update();
        assertThat(implementations.expireEvidence()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/api/v1/workflows/" + key + "/gate").with(ADMIN))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].reasons[*]").value(hasItem(
                        "control 'Logging' (logging) is planned again: its evidence expired on " + LocalDate.now().minusDays(1))));
        assertThat(implementations.ownedBy(owner.id()).get(0)).satisfies(first -> {
            assertThat(first.controlKey()).isEqualTo("logging");
            assertThat(first.status()).isEqualTo(ControlStatus.PLANNED);
        });
    }

    @Test
    void aControlIsPutInPlaceTogetherWithItsEvidenceOrNothingIsKept() throws Exception {
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content(HIGH_RISK)).andExpect(status().isOk());
        LocalDate review = LocalDate.now().plusDays(90);
        // Refused (unknown owner): the evidence sent with it is not kept either.
        assertThatThrownBy(() -> implementations.update(key, "logging",
                new ImplementationUpdate(ControlStatus.IMPLEMENTED, "nobody@nowhere.example", review, null, null),
                new NewEvidence("Log retention policy", "https://intranet.example/logs", null, null, null)))
                .isInstanceOf(dev.pitwall.platform.web.InvalidInputException.class).hasMessageContaining("ownerEmail");
        assertThat(implementations.ofWorkflow(key)).filteredOn(c -> c.controlKey().equals("logging")).singleElement()
                .satisfies(c -> {
                    assertThat(c.evidence()).isEmpty();
                    assertThat(c.status()).isEqualTo(ControlStatus.MISSING);
                });
        // Accepted: in place with its evidence, in one step.
        ControlImplementation logging = implementations.update(key, "logging",
                new ImplementationUpdate(ControlStatus.IMPLEMENTED, owner.email(), review, null, null),
                new NewEvidence("Log retention policy", "https://intranet.example/logs", null, null, null));
        assertThat(logging.status()).isEqualTo(ControlStatus.IMPLEMENTED);
        assertThat(logging.evidence()).extracting(dev.pitwall.governance.Evidence::title).containsExactly("Log retention policy");
        assertThat(logging.reviewOn()).isEqualTo(review);
    }

    @Test
    void aProhibitedPracticeBlocksTheWorkflowBeyondAnyWaiver() throws Exception {
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HIGH_RISK.replace("\"prohibitedPractices\":[]", "\"prohibitedPractices\":[\"5(1)(f)\"]")))
                .andExpect(jsonPath("$.euCategory").value("PROHIBITED"))
                .andExpect(jsonPath("$.tier").value("CRITICAL"));
        mvc.perform(get("/api/v1/workflows/" + key + "/gate").with(ADMIN))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].waivable").value(hasItem(false)))
                .andExpect(jsonPath("$.promotable").value(false));
        // It may not run at all: not even as a pilot again once retired.
        mvc.perform(post("/api/v1/workflows/" + key + "/stage").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"RETIRED\",\"reason\":\"prohibited\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/workflows/" + key + "/stage").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PILOT\",\"reason\":\"try again\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STAGE_REFUSED"))
                .andExpect(jsonPath("$.detail").value(containsString("Art. 5(1)(f)")));
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HIGH_RISK.replace("\"4(a)\"", "\"9(z)\"").replace("\"SUGGESTS\"", "null")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "autonomy", "annexIiiUseCases[0]")));
        mvc.perform(get("/api/v1/workflows/" + key + "/risk-classification/history").with(ADMIN))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void evidenceFilesAreLimitedTypeCheckedAndComeBackIntact() throws Exception {
        String url = "/api/v1/workflows/" + key + "/controls/documentation/evidence";
        byte[] png = new byte[4096];
        new java.util.Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        String body = mvc.perform(multipart(url).file(new MockMultipartFile("file", "diagram.png", "image/png", png))
                        .param("title", "Architecture").with(ADMIN))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("FILE"))
                .andExpect(jsonPath("$.sizeBytes").value(4096))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        byte[] downloaded = mvc.perform(get("/api/v1/workflows/" + key + "/evidence/" + id + "/content").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("ETag", "\"" + sha + "\""))
                .andExpect(header().string("Content-Disposition", containsString("diagram.png")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(png);

        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "big.txt", "text/plain", tooLarge)).with(ADMIN))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("EVIDENCE_TOO_LARGE"));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "setup.exe", "application/x-msdownload",
                        new byte[] {'M', 'Z', 1, 2})).with(ADMIN))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("EVIDENCE_TYPE_REFUSED"));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "fake.pdf", "application/pdf",
                        "MZ not a pdf".getBytes(StandardCharsets.US_ASCII))).with(ADMIN))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("first bytes do not match")));
        mvc.perform(post(url).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"url\":\"javascript:alert(1)\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        mvc.perform(get("/api/v1/workflows/" + key + "/controls").with(ADMIN))
                .andExpect(jsonPath("$[?(@.controlKey == 'documentation')].evidence.length()").value(hasItem(1)));
        mvc.perform(post("/governance/workflows/" + key + "/evidence/" + id + "/delete").with(ADMIN)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("control", "documentation"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/workflows/" + key + "/evidence/" + id + "/content").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("EVIDENCE_NOT_FOUND"));
    }

    @Test
    void rolesDecideWhoClassifiesAndWhoRecordsEvidence() throws Exception {
        RequestPostProcessor viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        RequestPostProcessor contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(contributor)
                .contentType(MediaType.APPLICATION_JSON).content(HIGH_RISK)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content(HIGH_RISK)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/workflows/" + key + "/controls/logging/evidence").with(viewer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Log\",\"url\":\"https://x.example\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/workflows/" + key + "/controls/logging/evidence").with(contributor)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Log\",\"url\":\"https://x.example\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/governance/controls").with(contributor).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/governance/matrix").with(viewer)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/governance/matrix")).andExpect(status().isUnauthorized());
    }

    @Test
    void organizationsAddAndEditControlsAndEveryVersionIsKept() throws Exception {
        String own = "vendor-review-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/governance/controls").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"key":"%s","name":"Vendor review","description":"The AI vendor is reviewed yearly.",
                 "evidence":"The review report.","requiredTiers":["CRITICAL"],
                 "references":[{"framework":"ISO_42001","ref":"A.10.3"},{"framework":"NIST_AI_RMF","ref":"GOVERN 9.9"}]}"""
                        .formatted(own)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("references[1].ref"));
        String draft = """
                {"key":"%s","name":"Vendor review","description":"The AI vendor is reviewed yearly.",
                 "evidence":"The review report.","requiredTiers":["CRITICAL"],
                 "references":[{"framework":"ISO_42001","ref":"A.10.3"}]}""".formatted(own);
        mvc.perform(post("/api/v1/governance/controls").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.builtIn").value(false));
        mvc.perform(put("/api/v1/governance/controls/" + own).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(draft.replace("[\"CRITICAL\"]", "[\"CRITICAL\",\"HIGH\"]")))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.requiredTiers.length()").value(2));
        mvc.perform(get("/api/v1/governance/controls/" + own + "/versions").with(ADMIN))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[1].snapshot").value(containsString("\"requiredTiers\":[\"CRITICAL\"]")));
    }

    @Test
    void exportsAndPrintablePagesCarryTheRecordAndTheCoverage() throws Exception {
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content(HIGH_RISK)).andExpect(status().isOk());
        String record = mvc.perform(get("/governance/workflows/" + key + "/record.csv").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = record.lines().toList();
        assertThat(lines.get(0)).isEqualTo("workflow,tier,euCategory,control,name,required,status,inPlace,gap,owner,"
                + "reviewOn,expiresOn,evidence");
        assertThat(lines).hasSize(1 + library.requiredFor(RiskTier.HIGH, java.util.Set.of(EuCategory.HIGH_RISK)).size())
                .anyMatch(l -> l.startsWith(key + ",HIGH,HIGH_RISK,human-oversight,Human oversight,true,MISSING,false,missing"));
        String nist = mvc.perform(get("/governance/frameworks/NIST_AI_RMF/coverage.csv").with(ADMIN))
                .andReturn().getResponse().getContentAsString();
        assertThat(nist.lines()).hasSize(73).first().isEqualTo("ref,kind,title,status,controls,coveredIn,missingIn");
        assertThat(nist.lines()).anyMatch(l -> l.startsWith("GOVERN 3.2,subcategory,") && l.contains(key));
        mvc.perform(get("/governance/workflows/" + key + "/record").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Governance record: Screening")));
        mvc.perform(get("/governance/frameworks/EU_AI_ACT/report").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Art. 26(2)")));
        RequestPostProcessor viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        mvc.perform(post("/governance/workflows/" + key + "/classification").with(viewer)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("autonomy", "SUGGESTS"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theLibraryPageAddsAndEditsControlsWithReferencesOnePerLine() throws Exception {
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String own = "model-cards-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/governance/controls").with(ADMIN).with(csrf).param("key", own).param("name", "Model cards")
                        .param("description", "Each model has a card.").param("evidence", "The cards.")
                        .param("tiers", "HIGH").param("references", "ISO_42001 A.6.2.7\nCOBIT 5"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "actionError", containsString("references[1]")));
        mvc.perform(post("/governance/controls").with(ADMIN).with(csrf).param("key", own).param("name", "Model cards")
                        .param("description", "Each model has a card.").param("evidence", "The cards.")
                        .param("tiers", "HIGH").param("references", "ISO_42001 A.6.2.7\n\nNIST_AI_RMF MAP 4.1\n"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "flashMessage", "Control 'Model cards' was added."));
        mvc.perform(post("/governance/controls/" + own).with(ADMIN).with(csrf).param("name", "Model cards")
                        .param("description", "Each model has a card, reviewed yearly.").param("evidence", "The cards.")
                        .param("tiers", "HIGH").param("tiers", "CRITICAL").param("references", library.get(own).referencesText()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "flashMessage", "Control 'Model cards' is now version 2."));
        Control edited = library.get(own);
        assertThat(edited.references()).containsExactlyInAnyOrder(new ControlReference(Framework.ISO_42001, "A.6.2.7"),
                new ControlReference(Framework.NIST_AI_RMF, "MAP 4.1"));
        assertThat(edited.requiredTiers()).containsExactlyInAnyOrder(RiskTier.HIGH, RiskTier.CRITICAL);
        mvc.perform(get("/governance/controls").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("reviewed yearly")));
    }

    @Test
    void transparencyObligationsRequireTheTransparencyNoticeWhateverTheTier() throws Exception {
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content(HIGH_RISK.replace("\"personalData\":true",
                                "\"personalData\":false").replace("\"annexIiiUseCases\":[\"4(a)\"]", "\"annexIiiUseCases\":[]")
                                .replace("\"syntheticContent\":false", "\"syntheticContent\":true")))
                .andExpect(jsonPath("$.euCategory").value("TRANSPARENCY"))
                .andExpect(jsonPath("$.tier").value("MEDIUM"));
        assertThat(implementations.ofWorkflow(key)).filteredOn(ControlImplementation::required)
                .extracting(ControlImplementation::controlKey).contains("transparency-notice")
                .doesNotContain("human-oversight");
        // A high-risk workflow that also faces people carries the Art. 50 duties beside its category.
        mvc.perform(put("/api/v1/workflows/" + key + "/risk-classification").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content(HIGH_RISK.replace("\"customerFacing\":false",
                                "\"customerFacing\":true")))
                .andExpect(jsonPath("$.euCategory").value("HIGH_RISK"));
        assertThat(implementations.ofWorkflow(key)).filteredOn(ControlImplementation::required)
                .extracting(ControlImplementation::controlKey).contains("transparency-notice", "human-oversight");
    }

    private static void copy(String file, Path dir) throws Exception {
        try (var in = GovernanceIntegrationTest.class.getResourceAsStream("/governance/frameworks/" + file)) {
            Files.write(dir.resolve(file), in.readAllBytes());
        }
    }

    private static int version(List<CatalogVersion> versions, String catalog) {
        return versions.stream().filter(v -> v.catalog().equals(catalog)).findFirst().orElseThrow().version();
    }
}
