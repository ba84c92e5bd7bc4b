package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.identity.IdentityProperties;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.Users;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PitwallUserDetailsService implements UserDetailsService {

    private final Users users;
    private final IdentityProperties identity;

    private final dev.pitwall.platform.privacy.PrivacyProperties privacy;

    PitwallUserDetailsService(Users users, IdentityProperties identity, dev.pitwall.platform.privacy.PrivacyProperties privacy) {
        this.privacy = privacy;
        this.users = users;
        this.identity = identity;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Users.Credentials credentials = users.findCredentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        User user = credentials.user();
        // Someone who signs in with the identity provider has no password; with local sign-in
        // switched off only the break-glass administrator may use one. Both answer as an unknown
        // user does, so the answer tells nothing about which accounts exist.
        boolean breakGlass = user.username().equalsIgnoreCase(identity.breakGlassUsername());
        if (credentials.passwordHash() == null || (!identity.localSignIn() && !breakGlass)) {
            throw new UsernameNotFoundException("No such user");
        }
        PitwallPrincipal principal = new PitwallPrincipal(user.id(), user.username(), user.role(), null);
        return new PitwallUserDetails(principal, credentials.passwordHash(), user.enabled(),
                Authorities.of(user.role(), user.role().permissions(privacy.identifyRoles())));
    }
}
