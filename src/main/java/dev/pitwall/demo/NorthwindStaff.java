package dev.pitwall.demo;

import java.util.List;

/** Finds the generated people of Northwind Freight by title, to cast them in the portfolio. */
record NorthwindStaff(List<DemoPerson> people) {

    /** The email of the first person with this title. */
    String one(String title) {
        return all(title).get(0);
    }

    /** The email of the n-th person (from 0) with this title. */
    String nth(String title, int n) {
        return all(title).get(n);
    }

    /** The emails of everyone with this title. */
    List<String> all(String title) {
        List<String> emails = people.stream().filter(p -> p.title().equals(title)).map(DemoPerson::email).toList();
        if (emails.isEmpty()) {
            throw new IllegalStateException("Northwind Freight has nobody titled " + title);
        }
        return emails;
    }
}
