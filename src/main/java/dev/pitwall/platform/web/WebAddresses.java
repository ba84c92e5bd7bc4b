package dev.pitwall.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Addresses Pitwall posts to (webhooks, callbacks): absolute http(s) with a host and no credentials. */
public final class WebAddresses {

    private WebAddresses() {
    }

    /** Why {@code url} is not such an address, or empty when it is. */
    public static Optional<String> problem(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getScheme() == null) {
                return Optional.of("is not an absolute http(s) address");
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("uses the scheme '" + uri.getScheme() + "'; only http and https are allowed");
            }
            if (uri.getHost() == null) {
                return Optional.of("has no host");
            }
            if (uri.getUserInfo() != null) {
                return Optional.of("must not carry a user name or password");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid address: " + e.getReason());
        }
    }
}
