package dev.pitwall.demo;

import java.util.List;

/**
 * How one team of Northwind Freight is generated.
 *
 * @param name team name
 * @param headcount people including the head and managers
 * @param headTitle title of the team's head (an executive)
 * @param reportsTo title of the executive the head reports to
 * @param managerTitle title of the team's managers (about one in ten)
 * @param roles the other people, by title; the last role takes whoever is left
 * @param description what the team does
 */
record NorthwindTeam(String name, int headcount, String headTitle, String reportsTo, String managerTitle,
        List<NorthwindRole> roles, String description) {
}
