package dev.pitwall.demo;

import dev.pitwall.people.Level;
import dev.pitwall.people.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the people of Northwind Freight: the executive office, then each team's head,
 * managers (about one in ten) and members, members spread evenly over their team's managers.
 */
final class NorthwindPeople {

    private final NameGenerator names;
    private final List<DemoPerson> people = new ArrayList<>();
    private final Map<String, String> executiveEmails = new HashMap<>();
    private int nextExternalId = 10_001;

    NorthwindPeople(Random random) {
        this.names = new NameGenerator(random);
    }

    List<DemoPerson> generate() {
        generateExecutiveOffice();
        NorthwindStructure.TEAMS.forEach(this::generateTeam);
        return List.copyOf(people);
    }

    /** The email of the person holding an executive title, e.g. "Chief Executive Officer". */
    String executive(String title) {
        return executiveEmails.get(title);
    }

    private void generateExecutiveOffice() {
        String ceo = null;
        for (String title : NorthwindStructure.EXECUTIVES) {
            DemoPerson person = add(title, NorthwindStructure.EXECUTIVE_OFFICE, ceo, Level.EXECUTIVE, Tier.CONSUMER);
            executiveEmails.put(title, person.email());
            if (ceo == null) {
                ceo = person.email();
            }
        }
        for (NorthwindRole role : NorthwindStructure.EXECUTIVE_OFFICE_STAFF) {
            for (int i = 0; i < role.count(); i++) {
                add(role.title(), NorthwindStructure.EXECUTIVE_OFFICE, ceo, role.level(), role.tier());
            }
        }
    }

    private void generateTeam(NorthwindTeam team) {
        DemoPerson head = add(team.headTitle(), team.name(), executiveEmails.get(team.reportsTo()), Level.EXECUTIVE,
                Tier.CONSUMER);
        int managerCount = Math.max(1, Math.round((team.headcount() - 1) / 10f));
        List<String> managers = new ArrayList<>();
        for (int i = 0; i < managerCount; i++) {
            managers.add(add(team.managerTitle(), team.name(), head.email(), Level.MANAGER, Tier.CONSUMER).email());
        }
        int members = team.headcount() - 1 - managerCount;
        int assigned = 0;
        for (NorthwindRole role : team.roles()) {
            int count = role.count() == 0 ? members - assigned : Math.min(role.count(), members - assigned);
            for (int i = 0; i < count; i++) {
                String manager = managers.get(assigned % managers.size());
                add(role.title(), team.name(), manager, role.level(), role.tier());
                assigned++;
            }
        }
    }

    private DemoPerson add(String title, String team, String managerEmail, Level level, Tier tier) {
        String name = names.next();
        DemoPerson person = new DemoPerson(NameGenerator.emailOf(name), "NW" + nextExternalId++, name, title, team,
                managerEmail, level, tier);
        people.add(person);
        return person;
    }
}
