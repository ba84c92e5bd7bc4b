package dev.pitwall.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: a user, possibly through one of their API tokens.
 *
 * @param userId the user's id
 * @param username the user's login name, recorded as the actor in the audit log
 * @param role the user's role
 * @param tokenName the API token's name when the request was authenticated by one
 */
public record PitwallPrincipal(long userId, String username, Role role, String tokenName)
        implements java.io.Serializable {

    /** The principal of the current request, if one is authenticated. */
    public static Optional<PitwallPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof PitwallPrincipal pitwall) {
            return Optional.of(pitwall);
        }
        if (principal instanceof PrincipalHolder holder) {
            return Optional.of(holder.pitwallPrincipal());
        }
        return Optional.empty();
    }

    /**
     * The name to record as the actor of a change: the authenticated user, or the name of the
     * system job running outside a request (see {@link SystemActor}).
     */
    public static String currentActorName() {
        return current().map(PitwallPrincipal::username)
                .or(SystemActor::current)
                .orElse("system");
    }

    @Override
    public String toString() {
        return username;
    }
}
