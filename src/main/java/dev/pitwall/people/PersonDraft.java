package dev.pitwall.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The attributes of a person to create or update.
 *
 * @param email unique email (stored lower-case)
 * @param externalId optional unique id from the HR system
 * @param name full name
 * @param title optional job title
 * @param teamId optional team
 * @param managerId optional manager (not the person, and no management cycle)
 * @param level organizational level
 * @param tier AI workforce tier
 * @param active whether the person is in the organization; {@code null} means true for a new
 *     person and unchanged for an existing one
 */
public record PersonDraft(
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 200) String externalId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String title,
        Long teamId,
        Long managerId,
        @NotNull Level level,
        @NotNull Tier tier,
        Boolean active) {

    /** The same draft with {@code active} decided when it was left out. */
    PersonDraft withActiveDefault(boolean activeWhenMissing) {
        return active != null ? this : new PersonDraft(email, externalId, name, title, teamId, managerId, level, tier,
                activeWhenMissing);
    }

    /** The same draft with email lower-cased and blanks turned into {@code null}. */
    public PersonDraft normalized() {
        return new PersonDraft(email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT),
                blankToNull(externalId), name == null ? null : name.trim(), blankToNull(title), teamId, managerId,
                level, tier, active);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
