package dev.pitwall.telemetry.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped, versioned catalog of AI services and their domains. A host matches a domain when it
 * is the domain or a sub-domain of it; the longest matching domain wins, so {@code api.openai.com}
 * is the OpenAI API and {@code chatgpt.com} ChatGPT.
 */
@Component
public class AiServiceCatalog {

    static final String RESOURCE = "/telemetry/ai-services.json";

    /** The catalog file's shape. */
    record CatalogFile(String version, String updated, String about, List<AiService> services) {
    }

    private final String version;
    private final List<AiService> services;
    private final Map<String, AiService> byDomain = new HashMap<>();
    private final Map<String, AiService> byKey = new HashMap<>();

    AiServiceCatalog() {
        try (InputStream in = AiServiceCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The AI service catalog " + RESOURCE + " is missing");
            }
            CatalogFile file = JsonMapper.builder().build().readValue(in, CatalogFile.class);
            this.version = file.version();
            this.services = List.copyOf(file.services());
        } catch (IOException e) {
            throw new IllegalStateException("The AI service catalog cannot be read", e);
        }
        for (AiService service : services) {
            if (byKey.put(service.key(), service) != null) {
                throw new IllegalStateException("The AI service catalog lists '" + service.key() + "' twice");
            }
            for (String domain : service.domains()) {
                AiService before = byDomain.put(domain.toLowerCase(Locale.ROOT), service);
                if (before != null) {
                    throw new IllegalStateException("The AI service catalog gives '" + domain + "' to both '"
                            + before.key() + "' and '" + service.key() + "'");
                }
            }
        }
    }

    public String version() {
        return version;
    }

    public List<AiService> services() {
        return services;
    }

    public Optional<AiService> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The service a host belongs to: the host itself, then each parent domain, longest first. */
    public Optional<AiService> match(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        List<String> candidates = new ArrayList<>();
        for (String rest = name; !rest.isEmpty(); ) {
            candidates.add(rest);
            int dot = rest.indexOf('.');
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        for (String candidate : candidates) {
            AiService service = byDomain.get(candidate);
            if (service != null) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
