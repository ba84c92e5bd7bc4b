package dev.pitwall.demo;

import dev.pitwall.people.Level;
import dev.pitwall.people.Tier;

/** One generated person of Northwind Freight, as a line of the people CSV. */
record DemoPerson(String email, String externalId, String name, String title, String team, String managerEmail,
        Level level, Tier tier) {
}
