package dev.pitwall.platform.tokens.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.tokens.ApiToken;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.IssuedToken;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account", description = "The signed-in user, their password and their API tokens")
class AccountApiController {

    private final UserService users;
    private final ApiTokenService tokens;

    AccountApiController(UserService users, ApiTokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** The current user, how they authenticated and what they may do. */
    record Me(User user, String tokenName, Set<String> permissions) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who am I", description = "The authenticated user, the token used (if any) and the granted permissions.")
    Me me(Authentication authentication) {
        PitwallPrincipal principal = PitwallPrincipal.current().orElseThrow();
        Set<String> permissions = new TreeSet<>();
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.contains(":")).forEach(permissions::add);
        return new Me(users.get(principal.userId()), principal.tokenName(), permissions);
    }

    @PostMapping("/me/password")
    @PreAuthorize(Permission.Checks.ACCOUNT_MANAGE)
    @Operation(summary = "Change my password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange request) {
        users.changeOwnPassword(currentUserId(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    @PreAuthorize(Permission.Checks.ACCOUNT_MANAGE)
    @Operation(summary = "List my API tokens", description = "Secrets are never listed, only their first characters.")
    List<ApiToken> listTokens() {
        return tokens.listOf(currentUserId());
    }

    @PostMapping("/tokens")
    @PreAuthorize(Permission.Checks.ACCOUNT_MANAGE)
    @Operation(summary = "Create an API token",
            description = "The response holds the secret; it is shown this once and stored only as a hash.")
    ResponseEntity<IssuedToken> createToken(@Valid @RequestBody NewApiToken request) {
        IssuedToken issued = tokens.issue(currentUserId(), request);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id())).body(issued);
    }

    @DeleteMapping("/tokens/{id}")
    @PreAuthorize(Permission.Checks.ACCOUNT_MANAGE)
    @Operation(summary = "Revoke one of my API tokens")
    ApiToken revokeToken(@PathVariable long id) {
        return tokens.revoke(currentUserId(), id);
    }

    private static long currentUserId() {
        return PitwallPrincipal.current().orElseThrow().userId();
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }
}
