package dev.pitwall.platform.users.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.users.UserUpdate;
import dev.pitwall.platform.web.ProblemException;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create users, change roles, disable accounts and reset passwords. */
@Controller
@PreAuthorize(Permission.Checks.USERS_MANAGE)
class UserAdminController {

    private final UserService users;

    UserAdminController(UserService users) {
        this.users = users;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new NewUser("", "", "", Role.VIEWER, ""));
        }
        model.addAttribute("users", users.findAll());
        model.addAttribute("withProvider", users.signingInWithProvider());
        return "platform/users";
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("newUser") NewUser newUser, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return list(model);
        }
        try {
            User created = users.create(newUser);
            redirect.addFlashAttribute("flashMessage", "User '" + created.username() + "' was created.");
        } catch (ProblemException e) {
            model.addAttribute("createError", e.getMessage());
            return list(model);
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam String displayName, @RequestParam(required = false) String email,
            @RequestParam Role role, @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        try {
            User updated = users.update(id, new UserUpdate(displayName, email, role, enabled));
            redirect.addFlashAttribute("flashMessage", "User '" + updated.username() + "' was saved.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("updateError", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String newPassword, RedirectAttributes redirect) {
        try {
            users.resetPassword(id, newPassword);
            redirect.addFlashAttribute("flashMessage", "The password of '" + users.get(id).username() + "' was reset.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("updateError", e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
