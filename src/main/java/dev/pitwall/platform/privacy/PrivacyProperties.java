package dev.pitwall.platform.privacy;

import dev.pitwall.platform.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Pitwall protects data about people, under {@code pitwall.privacy.*} (docs/privacy.md).
 *
 * @param minGroupSize the fewest people a figure about a group may rest on (team scorecards,
 *        adoption levels, drill-downs, pulse results, exports); smaller groups show "fewer than N"
 * @param identifyRoles the roles whose users may see usage data of named people
 *        ({@code people:identify}); every such view is audited
 * @param pseudonymous whether users without {@code people:identify} see usage data of people under
 *        stable pseudonyms (true) or not at all (false)
 */
@Validated
@ConfigurationProperties("pitwall.privacy")
public record PrivacyProperties(
        @DefaultValue("5") @Min(2) @Max(1000) int minGroupSize,
        @NotNull @DefaultValue({"ADMIN", "OWNER", "CONTRIBUTOR"}) Set<Role> identifyRoles,
        @DefaultValue("true") boolean pseudonymous) {
}
