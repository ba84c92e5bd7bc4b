package dev.pitwall.platform.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change of the organization's settings.
 *
 * @param name its name
 * @param currency an ISO 4217 code such as {@code EUR}, {@code USD} or {@code CHF}
 */
public record OrganizationUpdate(@NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be a three-letter ISO 4217 code, e.g. EUR") String currency) {
}
