package dev.pitwall.people;

/**
 * What figures read of a person at a date: their team, level and tier, and whether they were active.
 *
 * @param personId the person
 * @param teamId their team then ({@code null}: none)
 * @param level their level then
 * @param tier their AI workforce tier then
 * @param active whether they were active then
 */
public record PersonState(long personId, Long teamId, Level level, Tier tier, boolean active) {
}
