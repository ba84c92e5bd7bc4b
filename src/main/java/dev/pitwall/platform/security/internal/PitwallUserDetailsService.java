package dev.pitwall.platform.security.internal;

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

    PitwallUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Users.Credentials credentials = users.findCredentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        User user = credentials.user();
        PitwallPrincipal principal = new PitwallPrincipal(user.id(), user.username(), user.role(), null);
        return new PitwallUserDetails(principal, credentials.passwordHash(), user.enabled(),
                Authorities.of(user.role(), user.role().permissions()));
    }
}
