package dev.pitwall.platform.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads {@code Authorization: Bearer <secret>}; other requests pass on unauthenticated. */
class BearerTokenConverter implements AuthenticationConverter {

    private static final String PREFIX = "bearer ";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return ApiTokenAuthentication.unauthenticated(header.substring(PREFIX.length()).trim());
    }
}
