package dev.pitwall.people;

/** Orders of the people directory. */
public enum PersonSort {
    NAME("p.name, p.id"),
    EMAIL("p.email"),
    TEAM("t.name, p.name, p.id"),
    TITLE("p.title, p.name, p.id"),
    LEVEL("p.level, p.name, p.id"),
    TIER("p.tier, p.name, p.id");

    private final String orderBy;

    PersonSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
