package dev.pitwall.demo;

import dev.pitwall.insight.PulseDraft;
import dev.pitwall.insight.PulsePopulation;
import dev.pitwall.insight.PulseQuestion;
import dev.pitwall.insight.PulseService;
import dev.pitwall.insight.PulseTemplate;
import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Northwind's pulses (DEMO.md, Insight): six months ago a short confidence check (about 450
 * answers), last month the full AI operating pulse (about 600 answers). Executives are far more
 * confident than line managers, about 62 % against 45 % agreeing in the latest, and the divide has
 * widened. Knowing who decides on AI output is clearest in the teams whose workflows have their
 * decision rights held (Finance, Customer Service) and least clear in the warehouse and dispatch.
 * Exactly the target share of each level's answerers agrees, so the figures are the same on every run.
 */
@Component
@Profile("demo")
class NorthwindPulse {

    /** Share agreeing by level: the earlier pulse, then the latest. */
    private static final Map<Level, double[]> CONFIDENCE = new EnumMap<>(Map.of(
            Level.EXECUTIVE, new double[] {0.58, 0.62}, Level.MANAGER, new double[] {0.47, 0.45},
            Level.PRACTITIONER, new double[] {0.46, 0.51}, Level.FRONTLINE, new double[] {0.35, 0.38}));

    /** Share of each level that answers: the earlier pulse, then the latest. */
    private static final Map<Level, double[]> RESPONSE = new EnumMap<>(Map.of(
            Level.EXECUTIVE, new double[] {0.85, 0.95}, Level.MANAGER, new double[] {0.55, 0.7},
            Level.PRACTITIONER, new double[] {0.4, 0.52}, Level.FRONTLINE, new double[] {0.33, 0.45}));

    /** How clearly each team knows who decides on AI output (share agreeing); 0.5 elsewhere. */
    private static final Map<String, Double> ROLE_CLARITY = Map.of("Finance Operations", 0.78, "Customer Service", 0.7,
            "HR & Talent", 0.66, "Data & AI", 0.8, "IT Platform", 0.62, "Warehouse Operations", 0.28,
            "Dispatch & Routing", 0.34, "Sales", 0.45);

    private final PulseService pulses;
    private final PersonService people;
    private final Clock clock;

    NorthwindPulse(PulseService pulses, PersonService people, Clock clock) {
        this.pulses = pulses;
        this.people = people;
        this.clock = clock;
    }

    void generate(List<DemoPerson> persons) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Person> byEmail = people.findByEmails(persons.stream().map(DemoPerson::email).toList());
        Random random = new Random(2026_06_01L);
        pulses.recordPast(new PulseDraft("AI confidence check, spring", PulseTemplate.CONFIDENCE_CHECK, null,
                today.minusMonths(6).plusDays(13)), today.minusMonths(6), answers(persons, byEmail, 0, random));
        pulses.recordPast(new PulseDraft("AI operating pulse, autumn", PulseTemplate.AI_OPERATING_PULSE, null,
                today.minusMonths(1).plusDays(13)), today.minusMonths(1), answers(persons, byEmail, 1, random));
    }

    private static Map<Long, Map<String, String>> answers(List<DemoPerson> persons, Map<String, Person> byEmail,
            int round, Random random) {
        Map<Long, Map<String, String>> answers = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            List<DemoPerson> atLevel = new ArrayList<>(persons.stream().filter(p -> p.level() == level).toList());
            Collections.shuffle(atLevel, random);
            int answering = (int) Math.round(RESPONSE.get(level)[round] * atLevel.size());
            List<DemoPerson> answerers = atLevel.subList(0, answering);
            int agreeing = (int) Math.round(CONFIDENCE.get(level)[round] * answering);
            for (int i = 0; i < answerers.size(); i++) {
                DemoPerson person = answerers.get(i);
                Map<String, String> values = new HashMap<>();
                values.put(PulseQuestion.CONFIDENCE.field(), String.valueOf(i < agreeing ? 4 + random.nextInt(2)
                        : 1 + random.nextInt(3)));
                double clarity = ROLE_CLARITY.getOrDefault(person.team(), 0.5);
                values.put(PulseQuestion.ROLE_CLARITY.field(), String.valueOf(random.nextDouble() < clarity
                        ? 4 + random.nextInt(2) : 1 + random.nextInt(3)));
                if (round == 1) {
                    values.put(PulseQuestion.READINESS.field(), String.valueOf(random.nextDouble() < clarity - 0.1
                            ? 4 + random.nextInt(2) : 1 + random.nextInt(3)));
                    values.put(PulseQuestion.SENTIMENT_VALUE.field(), score(random, 40 + 35 * clarity));
                    values.put(PulseQuestion.SENTIMENT_TRUST.field(), score(random, 55));
                    values.put(PulseQuestion.SENTIMENT_TIME.field(), score(random, level == Level.FRONTLINE ? 30 : 45));
                    values.put(PulseQuestion.SENTIMENT_SUPPORT.field(), score(random, 35 + 40 * clarity));
                }
                Person directory = byEmail.get(person.email());
                if (directory != null && directory.active()) {
                    answers.put(directory.id(), values);
                }
            }
        }
        return answers;
    }

    private static String score(Random random, double mean) {
        return String.valueOf((int) Math.max(0, Math.min(100, Math.round(mean + 15 * random.nextGaussian()))));
    }
}
