package dev.pitwall.insight;

import dev.pitwall.insight.internal.Pulses;
import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonState;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.IntendedUserService;
import dev.pitwall.portfolio.WorkflowService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pulse surveys with protected anonymity (docs/insight.md, "Pulse surveys"): sent to a population by
 * one-time links or answered in the app; answers keep level, team and tier but never the person;
 * results are shown once a pulse stops taking answers, with every group below the minimum size
 * suppressed, also against subtraction.
 */
@Service
@Transactional
public class PulseService {

    private static final String ENTITY = "pulse";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A one-time link for one invitee, shown when issued and never stored in the clear. */
    public record PulseLink(String name, String email, String token) {
    }

    /** What a link's page shows: the pulse and its questions (not whose link it is). */
    public record Invitation(Pulse pulse, List<PulseQuestion> questions) {
    }

    private final Pulses pulses;
    private final PersonService people;
    private final TeamService teams;
    private final WorkflowService workflows;
    private final IntendedUserService intendedUsers;
    private final UserService users;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final InsightProperties properties;
    private final Clock clock;
    private final dev.pitwall.platform.privacy.PrivacyProperties privacy;

    PulseService(Pulses pulses, PersonService people, TeamService teams, WorkflowService workflows,
            IntendedUserService intendedUsers, UserService users, InputValidator validator, AuditLog auditLog,
            InsightProperties properties, Clock clock, dev.pitwall.platform.privacy.PrivacyProperties privacy) {
        this.privacy = privacy;
        this.pulses = pulses;
        this.people = people;
        this.teams = teams;
        this.workflows = workflows;
        this.intendedUsers = intendedUsers;
        this.users = users;
        this.validator = validator;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** The stricter of the installation's privacy minimum and the one set for pulses (docs/privacy.md). */
    public int minGroupSize() {
        return Math.max(properties.minGroupSize(), privacy.minGroupSize());
    }

    /** Sends a pulse: records it and invites every active person of its population. */
    public Pulse create(PulseDraft draft) {
        validator.validate(draft);
        TextPolicy.require("title", draft.title());
        PulsePopulation population = draft.population() == null ? new PulsePopulation(null, null, null, null)
                : draft.population();
        LocalDate today = LocalDate.now(clock);
        if (draft.closesOn().isBefore(today)) {
            throw InvalidInputException.ofField("closesOn", "the last day to answer cannot be before today (" + today + ")");
        }
        if (draft.closesOn().isAfter(today.plusDays(366))) {
            throw InvalidInputException.ofField("closesOn", "a pulse runs for at most a year");
        }
        Set<Long> invitees = resolve(population, today);
        if (invitees.isEmpty()) {
            throw InvalidInputException.ofField("population", "no active person matches it");
        }
        String title = draft.title().trim();
        long id = pulses.create(title, draft.template(), population, today, draft.closesOn(),
                PitwallPrincipal.currentActorName(), clock.instant());
        pulses.invite(id, invitees);
        Pulse pulse = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, pulse));
        return pulse;
    }

    /**
     * Records a pulse that ran before today (the demo's, or answers collected by another survey tool
     * for the same questions): opened and closed on its days, every active person of its population
     * invited, the given invitees' answers stored as they would have been through their links.
     *
     * @param answers the answer fields by invitee; each must be one of the population
     */
    public Pulse recordPast(PulseDraft draft, LocalDate openedOn, Map<Long, Map<String, String>> answers) {
        validator.validate(draft);
        TextPolicy.require("title", draft.title());
        LocalDate today = LocalDate.now(clock);
        if (!draft.closesOn().isBefore(today)) {
            throw InvalidInputException.ofField("closesOn", "a pulse on record ended before today (" + today + ")");
        }
        if (openedOn == null || openedOn.isAfter(draft.closesOn())) {
            throw InvalidInputException.ofField("openedOn", "on or before the last day to answer");
        }
        PulsePopulation population = draft.population() == null ? new PulsePopulation(null, null, null, null)
                : draft.population();
        Set<Long> invitees = resolve(population, today);
        answers.keySet().stream().filter(id -> !invitees.contains(id)).findFirst().ifPresent(id -> {
            throw InvalidInputException.ofField("answers", "person " + id + " is not in the pulse's population");
        });
        long id = pulses.create(draft.title().trim(), draft.template(), population, openedOn, draft.closesOn(),
                PitwallPrincipal.currentActorName(), clock.instant());
        pulses.invite(id, invitees);
        Pulse pulse = get(id);
        answers.forEach((person, values) -> store(pulse, person, values));
        Pulse recorded = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, recorded));
        return recorded;
    }

    /** The active people matching every criterion, checked field by field (400 naming the entry). */
    private Set<Long> resolve(PulsePopulation population, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        Set<Level> levels = new HashSet<>();
        for (int i = 0; i < population.levels().size(); i++) {
            String level = population.levels().get(i);
            try {
                levels.add(Level.valueOf(level.trim().toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                violations.add(Violation.ofField("population.levels[" + i + "]", "one of EXECUTIVE, MANAGER, PRACTITIONER, FRONTLINE"));
            }
        }
        Set<Tier> tiers = new HashSet<>();
        for (int i = 0; i < population.tiers().size(); i++) {
            String tier = population.tiers().get(i);
            try {
                tiers.add(Tier.valueOf(tier.trim().toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                violations.add(Violation.ofField("population.tiers[" + i + "]", "one of BUILDER, INTEGRATOR, CONSUMER"));
            }
        }
        Set<Long> inTeams = null;
        for (int i = 0; i < population.teams().size(); i++) {
            String name = population.teams().get(i);
            Optional<Team> team = name == null ? Optional.empty() : teams.findByName(name.trim());
            if (team.isEmpty()) {
                violations.add(Violation.ofField("population.teams[" + i + "]", "no team has this name"));
            } else {
                if (inTeams == null) {
                    inTeams = new HashSet<>();
                }
                inTeams.addAll(teams.activeMemberIds(team.get().id()));
            }
        }
        Set<Long> intended = null;
        if (population.workflow() != null) {
            if (workflows.findByKey(population.workflow()).isEmpty()) {
                violations.add(Violation.ofField("population.workflow", "no workflow has this key"));
            } else {
                intended = intendedUsers.intendedUserIds(population.workflow());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The population names what does not exist.", violations);
        }
        Set<Long> invitees = new java.util.TreeSet<>();
        for (PersonState state : people.statesOn(today).values()) {
            if (state.active() && (levels.isEmpty() || levels.contains(state.level()))
                    && (tiers.isEmpty() || tiers.contains(state.tier()))
                    && (inTeams == null || inTeams.contains(state.personId()))
                    && (intended == null || intended.contains(state.personId()))) {
                invitees.add(state.personId());
            }
        }
        return invitees;
    }

    @Transactional(readOnly = true)
    public List<Pulse> all() {
        return pulses.all();
    }

    @Transactional(readOnly = true)
    public Pulse get(long id) {
        return pulses.find(id).orElseThrow(() -> new PulseNotFound(id));
    }

    /** Closes a pulse before its last day; its results are shown from then on. */
    public Pulse close(long id) {
        Pulse before = get(id);
        if (before.closedOn() != null) {
            return before;
        }
        pulses.close(id, LocalDate.now(clock));
        Pulse after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    /**
     * New one-time links for everyone invited who has not answered; links issued before stop
     * working. The links are returned this once: only their SHA-256 is stored.
     */
    public List<PulseLink> issueLinks(long id) {
        Pulse pulse = get(id);
        if (!pulse.openOn(LocalDate.now(clock))) {
            throw new ConflictException("PULSE_CLOSED", "The pulse '" + pulse.title() + "' takes no more answers.");
        }
        List<Long> waiting = pulses.unanswered(id);
        Map<Long, String> hashes = new LinkedHashMap<>();
        Map<Long, String> tokens = new LinkedHashMap<>();
        for (Long person : waiting) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            tokens.put(person, token);
            hashes.put(person, hash(token));
        }
        pulses.setTokens(id, hashes);
        Map<Long, Person> persons = people.findAllById(waiting).stream()
                .collect(Collectors.toMap(Person::id, p -> p));
        List<PulseLink> links = new ArrayList<>();
        tokens.forEach((person, token) -> {
            Person p = persons.get(person);
            links.add(new PulseLink(p == null ? "" : p.name(), p == null ? "" : p.email(), token));
        });
        auditLog.append(AuditRecord.updated(ENTITY, id, null, Map.of("linksIssued", links.size())));
        return links;
    }

    /** What the page of a link shows; 404 for a link that does not exist, 410 for one used or closed. */
    @Transactional(readOnly = true)
    public Invitation invitation(String token) {
        Pulses.Invitation invitation = usableInvitation(token);
        Pulse pulse = get(invitation.pulseId());
        return new Invitation(pulse, pulse.template().questions());
    }

    /** Answers through a one-time link (no sign-in); the link stops working. */
    public void answerByLink(String token, Map<String, String> values) {
        Pulses.Invitation invitation = usableInvitation(token);
        store(get(invitation.pulseId()), invitation.personId(), values);
    }

    private Pulses.Invitation usableInvitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw unknownLink();
        }
        Pulses.Invitation invitation = pulses.invitationByToken(hash(token)).orElseThrow(PulseService::unknownLink);
        Pulse pulse = get(invitation.pulseId());
        if (!pulse.openOn(LocalDate.now(clock))) {
            throw new PulseLinkUnusable(HttpStatus.GONE, "PULSE_CLOSED", "This pulse closed on " + pulse.endsOn()
                    + " and takes no more answers.");
        }
        return invitation;
    }

    private static PulseLinkUnusable unknownLink() {
        return new PulseLinkUnusable(HttpStatus.NOT_FOUND, "PULSE_LINK_UNKNOWN", "This link is not valid: it may have "
                + "been answered already or replaced by a newer one.");
    }

    /** The open pulses the signed-in person is invited to and has not answered. */
    @Transactional(readOnly = true)
    public List<Pulse> waitingForSignedInPerson() {
        Optional<Person> person = signedInPerson();
        if (person.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return pulses.waitingFor(person.get().id()).stream().map(this::get).filter(p -> p.openOn(today)).toList();
    }

    /** Answers in the app, as the signed-in person. */
    public void answerAsSignedInPerson(long pulseId, Map<String, String> values) {
        Pulse pulse = get(pulseId);
        Person person = signedInPerson().orElseThrow(() -> new ConflictException("NOT_INVITED",
                "Your account is not linked to a person of the directory, so no pulse is addressed to you."));
        Pulses.Invitation invitation = pulses.invitation(pulseId, person.id()).orElseThrow(() -> new ConflictException(
                "NOT_INVITED", "You are not among the people this pulse was sent to."));
        if (invitation.answered()) {
            throw new ConflictException("ALREADY_ANSWERED", "You have answered this pulse already.");
        }
        if (!pulse.openOn(LocalDate.now(clock))) {
            throw new ConflictException("PULSE_CLOSED", "The pulse '" + pulse.title() + "' takes no more answers.");
        }
        store(pulse, person.id(), values);
    }

    private Optional<Person> signedInPerson() {
        return PitwallPrincipal.current().flatMap(p -> {
            String email = users.get(p.userId()).email();
            return email == null ? Optional.empty() : people.findByEmail(email);
        });
    }

    private void store(Pulse pulse, long personId, Map<String, String> values) {
        Map<PulseQuestion, Integer> answers = validAnswers(pulse.template(), values);
        // Level, team and tier as they are now; the person is not kept.
        Person person = people.get(personId);
        if (!pulses.answer(pulse.id(), personId, new Pulses.Answer(person.level().name(), person.teamId(),
                person.tier().name(), answers))) {
            throw unknownLink();
        }
    }

    /** Every question of the template answered within its scale; anything else named by its field. */
    static Map<PulseQuestion, Integer> validAnswers(PulseTemplate template, Map<String, String> values) {
        List<Violation> violations = new ArrayList<>();
        Map<PulseQuestion, Integer> answers = new EnumMap<>(PulseQuestion.class);
        Map<String, PulseQuestion> byField = new TreeMap<>();
        template.questions().forEach(q -> byField.put(q.field(), q));
        values.keySet().stream().filter(field -> !byField.containsKey(field)).sorted()
                .forEach(field -> violations.add(Violation.ofField(field.length() > 100 ? field.substring(0, 100) : field,
                        "this pulse does not ask it")));
        for (PulseQuestion question : template.questions()) {
            String value = values.get(question.field());
            String range = question.scale().min() + " to " + question.scale().max();
            if (value == null || value.isBlank()) {
                violations.add(Violation.ofField(question.field(), "answer it (" + range + ")"));
                continue;
            }
            try {
                int score = Integer.parseInt(value.trim());
                if (score < question.scale().min() || score > question.scale().max()) {
                    violations.add(Violation.ofField(question.field(), "a whole number from " + range));
                } else {
                    answers.put(question, score);
                }
            } catch (NumberFormatException e) {
                violations.add(Violation.ofField(question.field(), "a whole number from " + range));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("Nothing was saved: some answers are missing or out of range.", violations);
        }
        return answers;
    }

    /** The results of a pulse, once it takes no more answers; groups below the minimum size withheld. */
    @Transactional(readOnly = true)
    public PulseResults results(long id) {
        Pulse pulse = get(id);
        int minimum = minGroupSize();
        if (pulse.openOn(LocalDate.now(clock))) {
            return new PulseResults(pulse, minimum, false, "Results are shown once the pulse stops taking answers (on "
                    + pulse.closesOn().plusDays(1) + ", or when it is closed), so that no two readings differ by one "
                    + "person's answer.", null, List.of());
        }
        List<Pulses.Answer> answers = pulses.answers(id);
        if (answers.size() < minimum) {
            return new PulseResults(pulse, minimum, false, "Fewer than " + minimum + " answers: nothing is shown, so that "
                    + "no one's answer can be read.", null, List.of());
        }
        Map<Long, String> teamNames = teams.findAll().stream().collect(Collectors.toMap(Team::id, Team::name));
        PulseResults.Group total = group("Everyone", answers, pulse.template(), false);
        List<PulseResults.Breakdown> breakdowns = List.of(
                breakdown("level", answers, a -> title(a.level()), pulse.template(), minimum, order(Level.values())),
                breakdown("team", answers, a -> a.teamId() == null ? "No team"
                        : teamNames.getOrDefault(a.teamId(), "Team removed from the directory"), pulse.template(), minimum,
                        java.util.Comparator.naturalOrder()),
                breakdown("tier", answers, a -> title(a.tier()), pulse.template(), minimum, order(Tier.values())));
        return new PulseResults(pulse, minimum, true, null, total, breakdowns);
    }

    private static String title(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Groups named after constants in the constants' order (executives first), others after them. */
    private static java.util.Comparator<String> order(Enum<?>[] constants) {
        List<String> names = java.util.Arrays.stream(constants).map(c -> title(c.name())).toList();
        return java.util.Comparator.<String>comparingInt(n -> names.indexOf(n) < 0 ? names.size() : names.indexOf(n))
                .thenComparing(java.util.Comparator.naturalOrder());
    }

    private static PulseResults.Breakdown breakdown(String dimension, List<Pulses.Answer> answers,
            java.util.function.Function<Pulses.Answer, String> key, PulseTemplate template, int minimum,
            java.util.Comparator<String> order) {
        Map<String, List<Pulses.Answer>> groups = answers.stream()
                .collect(Collectors.groupingBy(key, () -> new TreeMap<>(order), Collectors.toList()));
        Map<String, Integer> counts = new TreeMap<>();
        groups.forEach((name, list) -> counts.put(name, list.size()));
        Set<String> suppressed = GroupSuppression.suppressed(counts, minimum);
        List<PulseResults.Group> shown = new ArrayList<>();
        groups.forEach((name, list) -> shown.add(group(name, list, template, suppressed.contains(name))));
        return new PulseResults.Breakdown(dimension, shown);
    }

    private static PulseResults.Group group(String name, List<Pulses.Answer> answers, PulseTemplate template,
            boolean suppressed) {
        if (suppressed) {
            return new PulseResults.Group(name, null, true, List.of());
        }
        List<PulseResults.Figure> figures = new ArrayList<>();
        for (PulseQuestion question : template.questions()) {
            Double value = result(question, answers);
            if (value != null) {
                figures.add(new PulseResults.Figure(question.field(), question.statement(),
                        question.agreement() ? "agreeing share" : "mean score", value));
            }
        }
        return new PulseResults.Group(name, answers.size(), false, figures);
    }

    /**
     * A question's result per team, each team's from the latest pulse that asked it, took its last
     * answer by {@code asOf} and showed that team: team id → share agreeing (agreement scale) or mean
     * score. Teams withheld in every such pulse are absent.
     */
    @Transactional(readOnly = true)
    public TeamFigures teamFigures(PulseQuestion question, LocalDate asOf) {
        int minimum = minGroupSize();
        LocalDate today = LocalDate.now(clock);
        List<Pulse> asked = pulses.all().stream().filter(p -> p.template().asks(question))
                .filter(p -> !p.openOn(today) && !p.endsOn().isAfter(asOf))
                .sorted(java.util.Comparator.comparing(Pulse::endsOn).thenComparing(Pulse::id)).toList();
        Map<Long, Double> figures = new java.util.HashMap<>();
        List<String> used = new ArrayList<>();
        for (Pulse pulse : asked) {
            List<Pulses.Answer> answers = pulses.answers(pulse.id()).stream()
                    .filter(a -> a.values().get(question) != null).toList();
            Map<String, List<Pulses.Answer>> byTeam = answers.stream().collect(Collectors.groupingBy(
                    a -> a.teamId() == null ? "none" : String.valueOf(a.teamId())));
            Map<String, Integer> counts = new TreeMap<>();
            byTeam.forEach((team, list) -> counts.put(team, list.size()));
            Set<String> withheld = answers.size() < minimum ? counts.keySet()
                    : GroupSuppression.suppressed(counts, minimum);
            byTeam.forEach((team, list) -> {
                if (!team.equals("none") && !withheld.contains(team)) {
                    figures.put(Long.valueOf(team), result(question, list));
                }
            });
            if (byTeam.keySet().stream().anyMatch(t -> !t.equals("none") && !withheld.contains(t))) {
                used.add(pulse.title());
            }
        }
        return new TeamFigures(used, figures);
    }

    /** A question's result by team, and the pulses it comes from (oldest first). */
    public record TeamFigures(List<String> pulses, Map<Long, Double> byTeam) {
    }

    /**
     * A question's result over answers: the share answering 4 or 5 on the agreement scale, the mean
     * score on the 0–100 scale; {@code null} when none of them answered it.
     */
    private static Double result(PulseQuestion question, List<Pulses.Answer> answers) {
        List<Integer> values = answers.stream().map(a -> a.values().get(question)).filter(v -> v != null).toList();
        if (values.isEmpty()) {
            return null;
        }
        return question.agreement() ? (double) values.stream().filter(v -> v >= 4).count() / values.size()
                : values.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    /** The confidence divide by level across every pulse that asked it and takes no more answers. */
    @Transactional(readOnly = true)
    public ConfidenceDivide divide() {
        int minimum = minGroupSize();
        LocalDate today = LocalDate.now(clock);
        List<ConfidenceDivide.Point> points = new ArrayList<>();
        List<Pulse> asked = pulses.all().stream().filter(p -> p.template().asks(PulseQuestion.CONFIDENCE))
                .filter(p -> !p.openOn(today)).sorted(java.util.Comparator.comparing(Pulse::endsOn)
                        .thenComparing(Pulse::id)).toList();
        for (Pulse pulse : asked) {
            List<Pulses.Answer> answers = pulses.answers(pulse.id()).stream()
                    .filter(a -> a.values().get(PulseQuestion.CONFIDENCE) != null).toList();
            if (answers.size() < minimum) {
                continue;
            }
            Map<String, List<Pulses.Answer>> byLevel = new LinkedHashMap<>();
            for (Level level : Level.values()) {
                List<Pulses.Answer> at = answers.stream().filter(a -> a.level().equals(level.name())).toList();
                if (!at.isEmpty()) {
                    byLevel.put(level.name(), at);
                }
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            byLevel.forEach((level, list) -> counts.put(level, list.size()));
            Set<String> suppressed = GroupSuppression.suppressed(counts, minimum);
            List<ConfidenceDivide.LevelShare> shares = new ArrayList<>();
            Map<String, Double> shownShare = new java.util.HashMap<>();
            byLevel.forEach((level, list) -> {
                if (suppressed.contains(level)) {
                    shares.add(new ConfidenceDivide.LevelShare(level, null, null));
                } else {
                    double share = result(PulseQuestion.CONFIDENCE, list);
                    shares.add(new ConfidenceDivide.LevelShare(level, list.size(), share));
                    shownShare.put(level, share);
                }
            });
            Double executives = shownShare.get(Level.EXECUTIVE.name());
            Double managers = shownShare.get(Level.MANAGER.name());
            Double divide = executives == null || managers == null ? null : 100 * (executives - managers);
            points.add(new ConfidenceDivide.Point(pulse.id(), pulse.title(), pulse.endsOn(), answers.size(), shares, divide));
        }
        return new ConfidenceDivide(minimum, points);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
