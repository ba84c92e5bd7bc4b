package dev.pitwall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.people.Level;
import dev.pitwall.people.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NorthwindFreightTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final NorthwindFreight.Files files = NorthwindFreight.generate(TODAY);
    private final List<DemoPerson> people = files.persons();

    @Test
    void theSameSeedAndDateGiveTheSameFilesByteForByte() {
        NorthwindFreight.Files again = NorthwindFreight.generate(TODAY);
        assertThat(again.people()).isEqualTo(files.people());
        assertThat(again.assessments()).isEqualTo(files.assessments());
        assertThat(again.learning()).isEqualTo(files.learning());
    }

    @Test
    void hasAboutTwelveHundredPeopleInTwelveTeams() {
        assertThat(people).hasSizeBetween(1_150, 1_250);
        assertThat(people.stream().map(DemoPerson::team).distinct()).hasSize(12);
        assertThat(people.stream().map(DemoPerson::email).distinct()).hasSameSizeAs(people);
    }

    @Test
    void hasFewIntegratorsAndManyConsumers() {
        Map<Tier, Long> tiers = people.stream().collect(Collectors.groupingBy(DemoPerson::tier, Collectors.counting()));
        assertThat(tiers.get(Tier.BUILDER)).isBetween(30L, 40L);
        assertThat(tiers.get(Tier.INTEGRATOR)).isBetween(12L, 18L);
        assertThat(tiers.get(Tier.CONSUMER)).isGreaterThan(1_000L);
    }

    @Test
    void aboutOneInTenIsAManagerAndEveryoneButTheCeoHasOne() {
        long managers = people.stream().filter(p -> p.level() == Level.MANAGER).count();
        assertThat((double) managers / people.size()).isBetween(0.08, 0.12);
        assertThat(people.stream().filter(p -> p.managerEmail() == null)).singleElement()
                .extracting(DemoPerson::title).isEqualTo("Chief Executive Officer");
        Map<String, DemoPerson> byEmail = people.stream().collect(Collectors.toMap(DemoPerson::email, Function.identity()));
        assertThat(people).allMatch(p -> p.managerEmail() == null || byEmail.containsKey(p.managerEmail()));
    }

    @Test
    void teamHeadsAreExecutives() {
        assertThat(people.stream().filter(p -> p.title().startsWith("VP ") || p.title().startsWith("Head of ")))
                .hasSize(11).allMatch(p -> p.level() == Level.EXECUTIVE);
    }

    @Test
    void assessmentsAndLearningNeverLieInTheFuture() {
        assertThat(files.assessments().lines().skip(1)).isNotEmpty()
                .allMatch(line -> !LocalDate.parse(line.split(",")[3]).isAfter(TODAY));
        assertThat(files.learning().lines().skip(1)).isNotEmpty()
                .anyMatch(line -> line.endsWith(",email-triage"))
                .anyMatch(line -> line.endsWith(",invoice-exceptions"));
    }
}
