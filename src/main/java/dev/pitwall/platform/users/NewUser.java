package dev.pitwall.platform.users;

import dev.pitwall.platform.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to create.
 *
 * @param username login name: letters, digits, dot, dash, underscore
 * @param displayName the name shown in the UI
 * @param email optional; links the user to the person with that email in the directory
 * @param role the user's role
 * @param password the initial password (checked against the password policy)
 */
public record NewUser(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain only letters, digits, '.', '-' and '_'") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,
        @NotNull Role role,
        @NotBlank String password) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}
