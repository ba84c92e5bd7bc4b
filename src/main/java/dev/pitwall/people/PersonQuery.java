package dev.pitwall.people;

/**
 * Filters of the people directory; {@code null} filters match everyone.
 *
 * @param text matched (case-insensitively, anywhere) against name, email, title and external id
 * @param teamId people in this team
 * @param level people at this level
 * @param tier people in this tier
 * @param active active or inactive people
 * @param managerId direct reports of this manager
 */
public record PersonQuery(String text, Long teamId, Level level, Tier tier, Boolean active, Long managerId) {

    public static PersonQuery everyone() {
        return new PersonQuery(null, null, null, null, null, null);
    }
}
