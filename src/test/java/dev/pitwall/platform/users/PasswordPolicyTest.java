package dev.pitwall.platform.users;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTenCharactersOrMore() {
        assertThatCode(() -> PasswordPolicy.check("password", "ten chars!", "ada")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortOverlongAndUsernamePasswordsNamingTheField() {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "short", "ada"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.violations().get(0).field()).isEqualTo("newPassword"));
        assertThatThrownBy(() -> PasswordPolicy.check("password", "x".repeat(129), "ada"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Administrator", "administrator"))
                .hasMessageContaining("differ from the username");
        assertThatThrownBy(() -> PasswordPolicy.check("password", null, "ada")).isInstanceOf(InvalidInputException.class);
    }
}
