package dev.pitwall.telemetry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.ingest.GitHubCopilotReport;
import dev.pitwall.telemetry.ingest.GitHubCopilotReportReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulls GitHub Copilot usage metrics itself: with an organization (or enterprise) and a token or
 * GitHub App configured, every {@code pitwall.telemetry.github.every} it asks GitHub's REST API
 * for the reports of each of the last {@code days} complete days — the organization (enterprise)
 * report, the users report and the user-teams report — follows their signed download links and
 * imports the files as {@code POST /api/v1/imports/github-copilot} would. A day pulled again
 * replaces its figures and memberships and adds no user-day twice. The token goes to the API only,
 * never to the download hosts; neither it nor the App's key is ever logged.
 */
@Component
@EnableConfigurationProperties(GitHubPullProperties.class)
public class GitHubPull implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GitHubPull.class);
    /** Who the imports are recorded as, in batches and the audit log. */
    static final String ACTOR = "github-pull";
    /** The REST API version whose reports Pitwall reads. */
    static final String API_VERSION = "2026-03-10";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GitHubPullProperties properties;
    private final GitHubCopilotReportReader reader;
    private final CopilotReportImports imports;
    private final Clock clock;
    private final HttpClient http;
    private final HttpClient downloads;
    private String installationToken;
    private Instant installationTokenExpires = Instant.EPOCH;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "github-pull");
        thread.setDaemon(true);
        return thread;
    });

    GitHubPull(GitHubPullProperties properties, GitHubCopilotReportReader reader, CopilotReportImports imports,
            Clock clock) {
        this.properties = properties;
        this.reader = reader;
        this.imports = imports;
        this.clock = clock;
        // The API is not followed through redirects (the token would go along); the signed downloads are.
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.downloads = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** GitHub answered something other than the reports: what and where, never the token. */
    public static class GitHubUnavailable extends ProblemException {
        GitHubUnavailable(String detail) {
            super(HttpStatus.BAD_GATEWAY, "GITHUB_UNAVAILABLE", "GitHub did not answer with the usage reports", detail,
                    List.of());
        }
    }

    /**
     * One report of one day as pulled.
     *
     * @param status {@code imported}, or {@code not available} (GitHub has no report of that day yet)
     */
    public record PulledReport(LocalDate day, String report, String status, int files, int userDaysAccepted,
            int userDaysDuplicate, int orgDaysAdded, int orgDaysReplaced, int teamMemberships) {
    }

    /** What a pull did, report by report, with the GitHub teams that are no Pitwall team. */
    public record PullResult(List<PulledReport> reports, List<String> unknownTeams) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.enabled()) {
            long every = properties.every().toMillis();
            worker.scheduleWithFixedDelay(this::pullSafely, properties.firstPullAfter().toMillis(), every,
                    TimeUnit.MILLISECONDS);
        }
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Pulls the reports of the last {@code days} complete days now and imports them.
     *
     * @throws InvalidInputException when pulling is not configured
     * @throws GitHubUnavailable when GitHub cannot be reached, refuses, or answers with an unreadable report
     */
    public PullResult pull(String actor) {
        if (!properties.enabled()) {
            throw new InvalidInputException("GITHUB_PULL_NOT_CONFIGURED", "Pulling from GitHub is not configured: set "
                    + "pitwall.telemetry.github.organization (or .enterprise) and a token (.token) or a GitHub App "
                    + "(.app-id, .installation-id, .app-private-key); or import the reports with "
                    + "POST /api/v1/imports/github-copilot.", List.of());
        }
        String token = token();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<PulledReport> pulled = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (int back = properties.days(); back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            for (String report : properties.reports()) {
                pulled.add(pullReport(day, report, token, actor, unknown));
            }
        }
        return new PullResult(pulled, List.copyOf(unknown));
    }

    private PulledReport pullReport(LocalDate day, String report, String token, String actor, TreeSet<String> unknown) {
        URI uri = api(properties.reportsPath() + report + "?day=" + day);
        HttpResponse<byte[]> response = send(http, HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION).GET().build(), report + " of " + day);
        if (response.statusCode() == 404 || response.statusCode() == 204) {
            return new PulledReport(day, report, "not available", 0, 0, 0, 0, 0, 0);
        }
        if (response.statusCode() != 200) {
            throw new GitHubUnavailable("GitHub answered HTTP " + response.statusCode() + " for the " + report
                    + " report of " + day + refusal(response.statusCode()) + "; days before it were imported.");
        }
        List<String> links = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(response.body());
            body.path("download_links").forEach(link -> links.add(link.asString()));
        } catch (JacksonException e) {
            throw new GitHubUnavailable("GitHub's answer for the " + report + " report of " + day + " is not JSON.");
        }
        int[] counts = new int[6];
        for (String link : links) {
            URI file = uri.resolve(link);
            // A signed URL: it carries its own authorization, so the token is not sent with it.
            HttpResponse<byte[]> download = send(downloads, HttpRequest.newBuilder(file).timeout(properties.timeout()).GET().build(),
                    "the download of the " + report + " report of " + day);
            if (download.statusCode() != 200) {
                throw new GitHubUnavailable("The download of the " + report + " report of " + day + " answered HTTP "
                        + download.statusCode() + " (its signed link may have expired); pull again.");
            }
            CopilotReportResult result = importFile(download.body(), report, day, actor);
            if (result == null) {
                continue;
            }
            counts[0]++;
            counts[1] += result.usage().accepted();
            counts[2] += result.usage().duplicates();
            counts[3] += result.orgDaysAdded();
            counts[4] += result.orgDaysReplaced();
            if (result.teams() != null) {
                counts[5] += result.teams().memberships();
                unknown.addAll(result.teams().unknownTeams());
            }
        }
        return new PulledReport(day, report, "imported", links.size(), counts[1], counts[2], counts[3], counts[4],
                counts[5]);
    }

    private CopilotReportResult importFile(byte[] body, String report, LocalDate day, String actor) {
        String scope = properties.enterprise() != null && !properties.enterprise().isBlank()
                ? "enterprise:" + properties.enterprise().trim() : "org:" + properties.organization().trim();
        try {
            GitHubCopilotReport read = ndjson(body) ? reader.readNdjson(body, properties.system(), scope)
                    : reader.readJson(body, properties.system(), scope);
            return imports.importGitHub(read, properties.system(), actor);
        } catch (ProblemException e) {
            if ("EMPTY_REPORT".equals(e.code())) {
                return null;
            }
            throw new GitHubUnavailable("The " + report + " report of " + day + " could not be imported: "
                    + e.getMessage() + e.violations().stream().limit(5).map(GitHubPull::describe).reduce("", String::concat));
        }
    }

    private static String describe(Violation v) {
        return " [" + (v.line() == null ? "" : "line " + v.line() + " ") + (v.field() == null ? "" : v.field() + ": ")
                + v.reason() + "]";
    }

    /** NDJSON when more than one line holds a value; a single JSON value (object or array) otherwise. */
    public static boolean ndjson(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return !text.startsWith("[") && text.lines().filter(l -> !l.isBlank()).limit(2).count() > 1
                && text.lines().filter(l -> !l.isBlank()).allMatch(l -> l.strip().startsWith("{") && l.strip().endsWith("}"));
    }

    private static String refusal(int status) {
        return status == 401 ? " (the token was refused)" : status == 403
                ? " (the token may not read Copilot metrics, or the organization's usage metrics policy is off)" : "";
    }

    private HttpResponse<byte[]> send(HttpClient client, HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GitHubUnavailable("GitHub could not be reached for " + what + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubUnavailable("The pull was interrupted.");
        }
    }

    private URI api(String path) {
        String base = properties.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** The configured token, or an installation token of the GitHub App (cached until shortly before it expires). */
    private synchronized String token() {
        if (!properties.usesApp()) {
            return properties.token().trim();
        }
        if (installationToken != null && clock.instant().isBefore(installationTokenExpires.minusSeconds(300))) {
            return installationToken;
        }
        HttpResponse<byte[]> response = send(http, HttpRequest.newBuilder(api("/app/installations/"
                        + properties.installationId().trim() + "/access_tokens")).timeout(properties.timeout())
                .header("Authorization", "Bearer " + appJwt()).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION).POST(HttpRequest.BodyPublishers.noBody()).build(),
                "an installation token");
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new GitHubUnavailable("GitHub answered HTTP " + response.statusCode() + " when asked for an "
                    + "installation token of the App " + properties.appId() + " (installation "
                    + properties.installationId() + "); nothing was imported.");
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            installationToken = body.path("token").asString();
            installationTokenExpires = body.hasNonNull("expires_at") ? Instant.parse(body.get("expires_at").asString())
                    : clock.instant().plusSeconds(3600);
        } catch (RuntimeException e) {
            throw new GitHubUnavailable("GitHub's installation token answer could not be read.");
        }
        return installationToken;
    }

    /** The JSON Web Token a GitHub App authenticates with: RS256, issued by the App, valid for nine minutes. */
    String appJwt() {
        Instant now = clock.instant();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .issuer(properties.appId().trim()).issueTime(Date.from(now.minusSeconds(60)))
                    .expirationTime(Date.from(now.plusSeconds(540))).build());
            jwt.sign(new RSASSASigner(privateKey(properties.appPrivateKey())));
            return jwt.serialize();
        } catch (JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException("GITHUB_APP_KEY_INVALID", "The GitHub App's private key "
                    + "(pitwall.telemetry.github.app-private-key) cannot sign: it must be the PEM GitHub issued.",
                    List.of(Violation.ofField("pitwall.telemetry.github.app-private-key", "is not an RSA private key in PEM")));
        }
    }

    /** An RSA private key from PEM: PKCS#8, or PKCS#1 (GitHub's) wrapped into PKCS#8. */
    static RSAPrivateKey privateKey(String pem) throws GeneralSecurityException {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        if (pkcs1) {
            der = Pkcs8.wrapRsa(der);
        }
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private void pullSafely() {
        try {
            PullResult result = SystemActor.runAs(ACTOR, () -> pull(ACTOR));
            log.info("GitHub Copilot reports pulled: {}", result.reports().stream()
                    .map(r -> r.day() + " " + r.report() + " " + r.status()).toList());
        } catch (RuntimeException e) {
            log.warn("Pulling GitHub Copilot reports failed; it is tried again in {}: {}", properties.every(),
                    e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
