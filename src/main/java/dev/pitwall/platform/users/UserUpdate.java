package dev.pitwall.platform.users;

import dev.pitwall.platform.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The changeable attributes of a user (the password changes separately). */
public record UserUpdate(@NotBlank @Size(max = 200) String displayName, @Email @Size(max = 320) String email,
        @NotNull Role role, @NotNull Boolean enabled) {
}
