package dev.pitwall.telemetry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Pulling GitHub Copilot usage metrics reports from GitHub's REST API, under
 * {@code pitwall.telemetry.github.*} (docs/telemetry.md, "Pull mode").
 *
 * @param organization the organization whose reports are pulled (or {@code enterprise})
 * @param enterprise the enterprise whose reports are pulled, instead of an organization
 * @param token a token that may read the Copilot metrics (fine-grained "Organization Copilot
 *        metrics: read", or classic {@code read:org} / {@code manage_billing:copilot}); never logged
 * @param appId a GitHub App's id, instead of a token
 * @param installationId the App's installation in the organization or enterprise
 * @param appPrivateKey the App's private key, PEM (PKCS#1 as GitHub issues it, or PKCS#8); never logged
 * @param baseUrl where GitHub's REST API answers (GitHub Enterprise Cloud with data residency has its own)
 * @param system the AI system's key the usage belongs to (empty: the one with application id {@code github-copilot})
 * @param every how often Pitwall pulls
 * @param days how many past days each pull asks for (each day a report of its own); days pulled
 *        again replace their figures and add no user-day twice
 * @param timeout how long one request may take
 * @param firstPullAfter how long after start the first scheduled pull runs
 */
@Validated
@ConfigurationProperties("pitwall.telemetry.github")
public record GitHubPullProperties(String organization, String enterprise, String token, String appId,
        String installationId, String appPrivateKey, @NotNull @DefaultValue("https://api.github.com") URI baseUrl,
        String system, @NotNull @DefaultValue("24h") Duration every, @Min(1) @Max(28) @DefaultValue("3") int days,
        @NotNull @DefaultValue("30s") Duration timeout, @NotNull @DefaultValue("1m") Duration firstPullAfter) {

    /** Whether pulling is configured: an organization or enterprise, and a token or an App. */
    public boolean enabled() {
        return (set(organization) || set(enterprise)) && (set(token) || usesApp());
    }

    public boolean usesApp() {
        return !set(token) && set(appId) && set(installationId) && set(appPrivateKey);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /** The API path of the organization's or enterprise's reports. */
    String reportsPath() {
        return set(enterprise) ? "/enterprises/" + enterprise.trim() + "/copilot/metrics/reports/"
                : "/orgs/" + organization.trim() + "/copilot/metrics/reports/";
    }

    /** The reports of one day: the aggregate one, the users' one, and the user-teams one. */
    java.util.List<String> reports() {
        return java.util.List.of(set(enterprise) ? "enterprise-1-day" : "organization-1-day", "users-1-day",
                "user-teams-1-day");
    }

    @Override
    public String toString() {
        // The token and the key are secrets: they stay out of logs and messages that print the properties.
        return "GitHubPullProperties[organization=" + organization + ", enterprise=" + enterprise + ", baseUrl="
                + baseUrl + ", system=" + system + ", every=" + every + ", days=" + days + ", token="
                + (set(token) ? "(set)" : "(none)") + ", appId=" + appId + ", installationId=" + installationId
                + ", appPrivateKey=" + (set(appPrivateKey) ? "(set)" : "(none)") + "]";
    }
}
