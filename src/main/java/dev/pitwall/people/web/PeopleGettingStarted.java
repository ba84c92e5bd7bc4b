package dev.pitwall.people.web;

import dev.pitwall.platform.web.GettingStarted;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Getting started: the teams and the people whose use of AI Pitwall measures. */
@Component
class PeopleGettingStarted implements GettingStarted {

    private final JdbcClient jdbc;

    PeopleGettingStarted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Step> steps() {
        boolean teams = GettingStarted.exists(jdbc, "SELECT 1 FROM people_team");
        boolean people = GettingStarted.exists(jdbc, "SELECT 1 FROM people_person");
        return List.of(
                new Step(10, "Add a team", "Adoption, skills and alignment are shown per team.", "/teams", teams),
                new Step(20, "Add people, or import them from an HR export",
                        "Usage is tied to people by their email or external id.", "/people/import", people));
    }
}
