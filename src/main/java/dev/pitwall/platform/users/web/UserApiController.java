package dev.pitwall.platform.users.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.users.UserUpdate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Who may sign in, and with which role (administrators only)")
@PreAuthorize(Permission.Checks.USERS_MANAGE)
class UserApiController {

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List users")
    List<User> list() {
        return users.findAll();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a user")
    User get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a user", description = "The password must have at least 10 characters.")
    ResponseEntity<User> create(@Valid @RequestBody NewUser user) {
        User created = users.create(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a user's name, email, role or enabled flag",
            description = "Disabling a user or changing their role ends their browser sessions. "
                    + "The last enabled administrator cannot be disabled or demoted (409 LAST_ADMIN).")
    User update(@PathVariable long id, @Valid @RequestBody UserUpdate update) {
        return users.update(id, update);
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password for a user")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset request) {
        users.resetPassword(id, request.newPassword());
        return ResponseEntity.noContent().build();
    }

    record PasswordReset(@jakarta.validation.constraints.NotBlank String newPassword) {
        @Override
        public String toString() {
            return "PasswordReset[***]";
        }
    }
}
