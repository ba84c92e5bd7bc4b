package dev.pitwall.platform.users;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends the browser sessions of a user whose role changed or who was disabled, so the change takes
 * effect at their next click rather than when the session times out. Sessions are found by the
 * user's name in the sessions table every node shares, so this ends them on every node.
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
        registry.getAllSessions(username, false).stream()
                .filter(s -> !s.getSessionId().equals(current))
                .forEach(SessionInformation::expireNow);
    }

    void endSessionsOf(String username) {
        registry.getAllSessions(username, false).forEach(SessionInformation::expireNow);
    }
}
