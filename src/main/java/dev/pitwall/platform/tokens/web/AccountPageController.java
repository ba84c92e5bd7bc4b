package dev.pitwall.platform.tokens.web;

import dev.pitwall.platform.security.ApiScope;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.IssuedToken;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: password and API tokens. */
@Controller
@PreAuthorize(Permission.Checks.ACCOUNT_MANAGE)
class AccountPageController {

    private final UserService users;
    private final ApiTokenService tokens;
    private final Clock clock;

    AccountPageController(UserService users, ApiTokenService tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(Model model) {
        long userId = currentUserId();
        model.addAttribute("user", users.get(userId));
        model.addAttribute("tokens", tokens.listOf(userId));
        model.addAttribute("now", clock.instant());
        model.addAttribute("scopes", ApiScope.values());
        // Shown only to the signed-in user in the ready-to-paste commands for a new token.
        model.addAttribute("baseUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().build().toUriString());
        return "platform/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                model.addAttribute("passwordError", "The two new passwords differ.");
                return account(model);
            }
            users.changeOwnPassword(currentUserId(), currentPassword, newPassword);
        } catch (ProblemException e) {
            model.addAttribute("passwordError", e.getMessage());
            return account(model);
        }
        redirect.addFlashAttribute("flashMessage", "Your password was changed.");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam String name, @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) LocalDate expiresOn,
            Model model) {
        try {
            IssuedToken issued = tokens.issue(currentUserId(), new NewApiToken(name,
                    scopes == null ? Set.of() : Set.copyOf(scopes),
                    expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            // Shown in this answer rather than through a redirect: a flash attribute would put the
            // secret into the session, which is kept in the database.
            model.addAttribute("issued", issued);
            return account(model);
        } catch (ProblemException e) {
            model.addAttribute("tokenError", e.getMessage());
            model.addAttribute("typedScopes", scopes == null ? List.of() : scopes);
            return account(model);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        var token = tokens.revoke(currentUserId(), id);
        redirect.addFlashAttribute("flashMessage", "The token '" + token.name() + "' was revoked.");
        return "redirect:/account";
    }

    private static long currentUserId() {
        return PitwallPrincipal.current().orElseThrow().userId();
    }
}
