package dev.pitwall.measurement;

import java.time.LocalDate;

/**
 * The day AI went live for one team of a workflow rolled out team by team. A team without one has
 * not gone live.
 *
 * @param team the team's name (on input), or its current name
 */
public record TeamGoLive(String team, LocalDate liveOn) {
}
