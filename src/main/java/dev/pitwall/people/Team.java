package dev.pitwall.people;

import java.time.Instant;

/**
 * A team; teams form a hierarchy through their parent.
 *
 * @param id the team's id
 * @param name unique name
 * @param parentId the parent team, or {@code null} for a top-level team
 * @param parentName the parent's name
 * @param description what the team does
 * @param headcount active people directly in this team
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Team(long id, String name, Long parentId, String parentName, String description, long headcount,
        Instant createdAt, Instant updatedAt) {
}
