package dev.pitwall.people;

import java.time.Instant;

/**
 * A person in the organization, with the names of their team and manager for display.
 *
 * @param id the person's id
 * @param email unique, lower-case
 * @param externalId the id in the HR system, unique when present
 * @param name full name
 * @param title job title
 * @param teamId the team, or {@code null}
 * @param teamName the team's name, or {@code null}
 * @param managerId the manager, or {@code null}
 * @param managerName the manager's name, or {@code null}
 * @param level organizational level
 * @param tier AI workforce tier
 * @param active whether the person is still in the organization
 * @param createdAt when the record was created
 * @param updatedAt when it last changed
 */
public record Person(long id, String email, String externalId, String name, String title, Long teamId,
        String teamName, Long managerId, String managerName, Level level, Tier tier, boolean active,
        Instant createdAt, Instant updatedAt) {
}
