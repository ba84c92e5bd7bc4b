package dev.pitwall.platform.users;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends the browser sessions of a user whose role changed or who was disabled, so the change takes
 * effect at their next click rather than when the session times out.
 */
@Component
class UserSessions {

    private final SessionRegistry registry;

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends the user's sessions except the one of the current request. */
    void endOtherSessionsOf(String username) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        String current = attributes == null ? null : attributes.getSessionId();
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails details && details.getUsername().equalsIgnoreCase(username))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .filter(s -> !s.getSessionId().equals(current))
                .forEach(SessionInformation::expireNow);
    }

    void endSessionsOf(String username) {
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails details && details.getUsername().equalsIgnoreCase(username))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
    }
}
