package dev.pitwall.telemetry.github;

import dev.pitwall.people.Team;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.privacy.PeopleData;
import dev.pitwall.platform.privacy.SmallGroups;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.ingest.GitHubTeamMembership;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GitHub teams: the user-teams report's memberships, their mapping to Pitwall teams, and the team
 * figures GitHub does not pre-aggregate — its per-user usage joined with the memberships on day and
 * user, summed per team (a user in two teams counts in both, so team figures do not add up to the
 * organization's). A GitHub team is the Pitwall team whose name it is as a slug ("Claims Platform"
 * is {@code claims-platform}) unless mapped otherwise; teams matching none are listed as unknown.
 */
@Service
public class GitHubTeams {

    /** What the audit log records of a GitHub team's mapping. */
    static final String GITHUB_TEAM_MAPPING = "GITHUB_TEAM_MAPPING";
    private static final String SLUG = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}";

    private final JdbcClient jdbc;
    private final TeamService teams;
    private final GitHubUserDays userDays;
    private final PeopleData peopleData;
    private final TransactionTemplate transactions;
    private final AuditLog auditLog;
    private final Clock clock;

    GitHubTeams(JdbcClient jdbc, TeamService teams, GitHubUserDays userDays, PeopleData peopleData,
            TransactionTemplate transactions, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.userDays = userDays;
        this.peopleData = peopleData;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * What storing a user-teams report did.
     *
     * @param memberships user-team pairs stored
     * @param days the days they are of (each replaced what was stored of it before)
     * @param teams the GitHub teams in the report with the Pitwall team each is (null: unknown)
     * @param unknownTeams slugs of the GitHub teams that are no Pitwall team
     */
    public record Stored(int memberships, List<LocalDate> days, List<TeamMatch> teams, List<String> unknownTeams) {
    }

    /** A GitHub team and the Pitwall team it is ({@code teamId} null: unknown). */
    public record TeamMatch(String slug, Long teamId, String teamName, boolean mapped) {
    }

    /** Stores the memberships, replacing the days (of their scope) stored before. Runs in the caller's transaction. */
    public Stored store(List<GitHubTeamMembership> memberships) {
        Map<String, Set<LocalDate>> daysByScope = new TreeMap<>();
        Map<List<Object>, GitHubTeamMembership> unique = new LinkedHashMap<>();
        for (GitHubTeamMembership m : memberships) {
            daysByScope.computeIfAbsent(m.scope(), s -> new TreeSet<>()).add(m.day());
            unique.put(List.of(m.scope(), m.day(), m.teamId(), ref(m)), m);
        }
        daysByScope.forEach((scope, days) -> jdbc.sql("DELETE FROM telemetry_github_team_member WHERE scope = :scope "
                + "AND member_day IN (:days)").param("scope", scope).param("days", List.copyOf(days)).update());
        var now = java.sql.Timestamp.from(clock.instant());
        for (GitHubTeamMembership m : unique.values()) {
            jdbc.sql("""
                    INSERT INTO telemetry_github_team_member (scope, member_day, team_id, slug, user_ref, user_id, imported_at)
                    VALUES (:scope, :day, :team, :slug, :ref, :user, :now)
                    """).param("scope", m.scope()).param("day", m.day()).param("team", m.teamId())
                    .param("slug", m.slug()).param("ref", ref(m)).param("user", m.userId()).param("now", now).update();
        }
        Set<String> slugs = new TreeSet<>();
        unique.values().forEach(m -> slugs.add(m.slug()));
        List<TeamMatch> matches = match(slugs);
        Set<LocalDate> days = new TreeSet<>();
        daysByScope.values().forEach(days::addAll);
        return new Stored(unique.size(), List.copyOf(days), matches,
                matches.stream().filter(t -> t.teamId() == null).map(TeamMatch::slug).toList());
    }

    private static String ref(GitHubTeamMembership m) {
        return m.login() != null ? m.login() : "github-user-" + m.userId();
    }

    /** The Pitwall team of each slug: the mapped one, else the one whose name it is. */
    List<TeamMatch> match(Set<String> slugs) {
        Map<String, Long> mapped = new HashMap<>();
        jdbc.sql("SELECT slug, team_id FROM telemetry_github_team_map").query((rs, n) -> mapped.put(rs.getString(1),
                rs.getLong(2))).list();
        List<Team> all = teams.findAll();
        Map<Long, Team> byId = all.stream().collect(Collectors.toMap(Team::id, Function.identity()));
        Map<String, Team> bySlug = new HashMap<>();
        all.forEach(t -> bySlug.putIfAbsent(slug(t.name()), t));
        List<TeamMatch> matches = new ArrayList<>();
        for (String slug : slugs) {
            Team team = mapped.containsKey(slug) ? byId.get(mapped.get(slug)) : bySlug.get(slug.toLowerCase(Locale.ROOT));
            matches.add(new TeamMatch(slug, team == null ? null : team.id(), team == null ? null : team.name(),
                    mapped.containsKey(slug) && team != null));
        }
        return matches;
    }

    /** A team name as GitHub makes a slug of it: lower case, runs of other characters a hyphen. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Maps a GitHub team to a Pitwall team (replacing an earlier mapping); audited. */
    public TeamMatch map(String slug, Long teamId) {
        if (slug == null || !slug.matches(SLUG)) {
            throw InvalidInputException.ofField("slug", "must be a GitHub team slug (letters, digits, '.', '_', '-')");
        }
        if (teamId == null) {
            throw InvalidInputException.ofField("teamId", "is required");
        }
        Team team = teams.findAll().stream().filter(t -> t.id() == teamId).findFirst()
                .orElseThrow(() -> InvalidInputException.ofField("teamId", "no team has the id " + teamId));
        String actor = dev.pitwall.platform.security.PitwallPrincipal.currentActorName();
        return transactions.execute(status -> {
            Optional<Long> before = jdbc.sql("SELECT team_id FROM telemetry_github_team_map WHERE slug = :slug")
                    .param("slug", slug).query(Long.class).optional();
            jdbc.sql("DELETE FROM telemetry_github_team_map WHERE slug = :slug").param("slug", slug).update();
            jdbc.sql("INSERT INTO telemetry_github_team_map (slug, team_id, mapped_by, mapped_at) VALUES (:slug, :team, "
                    + ":actor, :now)").param("slug", slug).param("team", teamId).param("actor", actor)
                    .param("now", java.sql.Timestamp.from(clock.instant())).update();
            auditLog.append(before.isPresent()
                    ? AuditRecord.updated(GITHUB_TEAM_MAPPING, slug, Map.of("teamId", before.get()), Map.of("teamId", teamId))
                    : AuditRecord.created(GITHUB_TEAM_MAPPING, slug, Map.of("teamId", teamId)));
            return new TeamMatch(slug, team.id(), team.name(), true);
        });
    }

    /** Removes a mapping: the GitHub team is again the Pitwall team of its name, if any. */
    public void unmap(String slug) {
        transactions.executeWithoutResult(status -> {
            int removed = jdbc.sql("DELETE FROM telemetry_github_team_map WHERE slug = :slug").param("slug", slug).update();
            if (removed == 0) {
                throw new GitHubTeamNotMapped(slug);
            }
            auditLog.append(AuditRecord.deleted(GITHUB_TEAM_MAPPING, slug, Map.of("slug", slug)));
        });
    }

    /** Deletes memberships of days before {@code day} (raw data follows the raw-event retention). */
    public long forgetBefore(LocalDate day) {
        return jdbc.sql("DELETE FROM telemetry_github_team_member WHERE member_day < :day").param("day", day).update();
    }

    /**
     * Figures of one GitHub team over the period; counts of people under the minimum group size are
     * null for viewers without people:identify, as is every figure of a team that small.
     *
     * @param members people who were members on some day of the period
     * @param activeUsers members with Copilot activity on a day they were members
     * @param agentUsers members who used an agent (IDE agent mode, coding or cloud agent) on such a day
     * @param cliUsers members who used the Copilot CLI on such a day
     * @param phases members by their latest AI adoption phase in the period ("unclassified": none reported)
     */
    public record TeamUse(String slug, String githubTeamId, Long teamId, String teamName, Long members,
            Long activeUsers, Long interactions, Long codeGenerations, Long codeAcceptances, Long locSuggestedToAdd,
            Long locAdded, Long agentUsers, Long cliUsers, Map<String, Long> phases, boolean withheld) {
    }

    /**
     * GitHub team figures over a period, and the organization's people by adoption phase.
     *
     * @param phases people with Copilot activity in the period by their latest phase
     * @param unknownTeams GitHub teams of the period that are no Pitwall team
     * @param githubUsers people with Copilot activity in the period (null: 1 to k − 1, for viewers
     *        without people:identify)
     */
    public record Report(LocalDate from, LocalDate to, int minGroupSize, boolean identified, List<TeamUse> teams,
            List<String> unknownTeams, Map<String, Long> phases, Long githubUsers) {
    }

    public Report report(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw new InvalidInputException("from and to are required, to not before from, at most 366 days apart",
                    List.of(Violation.ofField("to", "must be from from to 366 days after it")));
        }
        boolean identified = peopleData.identifies();
        int k = peopleData.minGroupSize();
        List<GitHubUserDays.UserDay> days = userDays.between(from, to);
        Map<String, GitHubUserDays.UserDay> byUser = new HashMap<>();
        for (GitHubUserDays.UserDay d : days) {
            byUser.put(d.day() + "|" + d.userKey().toLowerCase(Locale.ROOT), d);
            if (d.login() != null) {
                byUser.putIfAbsent(d.day() + "|" + d.login().toLowerCase(Locale.ROOT), d);
            }
        }
        record Row(LocalDate day, String teamId, String slug, String ref, String userId) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT member_day, team_id, slug, user_ref, user_id FROM telemetry_github_team_member
                WHERE member_day BETWEEN :from AND :to
                """).param("from", from).param("to", to).query((rs, n) -> new Row(rs.getObject(1, LocalDate.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
        Map<String, List<Row>> bySlug = rows.stream().collect(Collectors.groupingBy(Row::slug, TreeMap::new,
                Collectors.toList()));
        Map<String, TeamMatch> matches = match(bySlug.keySet()).stream()
                .collect(Collectors.toMap(TeamMatch::slug, Function.identity()));
        List<TeamUse> uses = new ArrayList<>();
        for (Map.Entry<String, List<Row>> team : bySlug.entrySet()) {
            Set<String> members = new HashSet<>();
            Set<String> active = new HashSet<>();
            Set<String> agent = new HashSet<>();
            Set<String> cli = new HashSet<>();
            GitHubUserDays.LatestPhases<String> latestPhase = new GitHubUserDays.LatestPhases<>();
            long[] sums = new long[5];
            for (Row r : team.getValue()) {
                String member = r.ref().toLowerCase(Locale.ROOT);
                members.add(member);
                GitHubUserDays.UserDay d = r.userId() != null ? byUser.get(r.day() + "|" + r.userId()) : null;
                if (d == null) {
                    d = byUser.get(r.day() + "|" + member);
                }
                if (d == null) {
                    continue;
                }
                active.add(member);
                if (d.agent()) {
                    agent.add(member);
                }
                if (d.cli()) {
                    cli.add(member);
                }
                latestPhase.add(member, d);
                sums[0] += d.interactions();
                sums[1] += d.generations();
                sums[2] += d.acceptances();
                sums[3] += d.locSuggestedToAdd();
                sums[4] += d.locAdded();
            }
            Map<String, Long> phases = phaseCounts(List.copyOf(latestPhase.phases().values()), members.size());
            TeamMatch match = matches.get(team.getKey());
            String githubId = team.getValue().get(0).teamId();
            long m = members.size();
            if (!identified && m < k) {
                uses.add(new TeamUse(team.getKey(), githubId, match.teamId(), match.teamName(), null, null, null, null,
                        null, null, null, null, null, Map.of(), true));
                continue;
            }
            uses.add(new TeamUse(team.getKey(), githubId, match.teamId(), match.teamName(), m,
                    part(active.size(), m, identified, k), sums[0], sums[1], sums[2], sums[3], sums[4],
                    part(agent.size(), m, identified, k), part(cli.size(), m, identified, k),
                    shown(phases, m, identified, k), false));
        }
        uses.sort(Comparator.comparing(TeamUse::slug));
        Set<String> githubUsers = new HashSet<>();
        GitHubUserDays.LatestPhases<String> latest = new GitHubUserDays.LatestPhases<>();
        for (GitHubUserDays.UserDay d : days) {
            String user = d.userKey().toLowerCase(Locale.ROOT);
            githubUsers.add(user);
            latest.add(user, d);
        }
        Map<String, Long> orgPhases = phaseCounts(List.copyOf(latest.phases().values()),
                githubUsers.size());
        List<String> unknown = matches.values().stream().filter(t -> t.teamId() == null).map(TeamMatch::slug).sorted()
                .toList();
        long users = githubUsers.size();
        return new Report(from, to, k, identified, uses, unknown, shown(orgPhases, users, identified, k),
                identified || users == 0 || users >= k ? Long.valueOf(users) : null);
    }

    /** People by phase label, with those of no reported phase as "unclassified"; every phase listed. */
    static Map<String, Long> phaseCounts(List<Integer> phases, long people) {
        java.util.SortedSet<Integer> numbers = new TreeSet<>(phases);
        AdoptionPhase.all().forEach(p -> numbers.add(p.number()));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int number : numbers) {
            counts.put(AdoptionPhase.label(number), phases.stream().filter(p -> p == number).count());
        }
        counts.put("unclassified", people - phases.size());
        return counts;
    }

    /** The counts a viewer may see: groups that would reveal fewer than k people are null. */
    private static Map<String, Long> shown(Map<String, Long> counts, long total, boolean identified, int k) {
        if (identified) {
            return counts;
        }
        Set<String> withheld = SmallGroups.withheld(counts, total, k);
        Map<String, Long> shown = new LinkedHashMap<>();
        counts.forEach((label, count) -> shown.put(label, withheld.contains(label) ? null : count));
        return shown;
    }

    /** A count of some of the members, null when it or the rest is a group under k people. */
    private static Long part(long count, long members, boolean identified, int k) {
        if (identified) {
            return count;
        }
        Map<String, Long> split = Map.of("in", count, "out", members - count);
        return SmallGroups.withheld(split, members, k).contains("in") ? null : count;
    }
}
