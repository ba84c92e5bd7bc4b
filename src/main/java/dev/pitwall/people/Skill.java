package dev.pitwall.people;

/**
 * A skill of the catalog.
 *
 * @param id the skill's id
 * @param name unique name
 * @param category grouping, e.g. "AI literacy"
 * @param description what the skill covers
 * @param assessedPeople how many people have at least one assessment of it
 */
public record Skill(long id, String name, String category, String description, long assessedPeople) {
}
