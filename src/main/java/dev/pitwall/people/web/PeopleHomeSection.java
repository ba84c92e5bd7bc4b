package dev.pitwall.people.web;

import dev.pitwall.people.DirectoryOverview;
import dev.pitwall.platform.web.HomeSection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The directory's figures on the home page: headcount, tiers, assessed and trained shares. */
@Component
class PeopleHomeSection implements HomeSection {

    private final DirectoryOverview overview;

    PeopleHomeSection(DirectoryOverview overview) {
        this.overview = overview;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "people/home :: section";
    }

    @Override
    public Map<String, Object> model() {
        return Map.of("figures", overview.figures());
    }
}
