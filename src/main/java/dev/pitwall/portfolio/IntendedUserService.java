package dev.pitwall.portfolio;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a workflow's intended users {@code U_w}: the named people who are active, and the active
 * members of the named teams and of their sub-teams.
 */
@Service
public class IntendedUserService {

    private final WorkflowReader reader;
    private final PersonService people;
    private final TeamService teams;

    IntendedUserService(WorkflowReader reader, PersonService people, TeamService teams) {
        this.reader = reader;
        this.people = people;
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    public Set<Long> intendedUserIds(String workflowKey) {
        return intendedUserIds(reader.details(reader.workflow(workflowKey)));
    }

    /** The intended users {@code U_w} of a workflow whose details are at hand. */
    public Set<Long> intendedUserIds(WorkflowDetails details) {
        return of(details, teams::activeMemberIds);
    }

    /**
     * As {@link #intendedUserIds(WorkflowDetails)}, with the teams' active members (sub-teams
     * included) from {@code teamMembers}: scoring many workflows shares one expansion per team
     * instead of reading the team tree again for every workflow.
     */
    public Set<Long> intendedUserIds(WorkflowDetails details, java.util.function.LongFunction<Set<Long>> teamMembers) {
        return of(details, teamMembers);
    }

    /** A memo of {@link TeamService#activeMemberIds(long)} for one computation (not shared across them). */
    public java.util.function.LongFunction<Set<Long>> teamMemberMemo() {
        java.util.Map<Long, Set<Long>> memo = new java.util.concurrent.ConcurrentHashMap<>();
        return team -> memo.computeIfAbsent(team, t -> new TreeSet<>(teams.activeMemberIds(t)));
    }

    /**
     * As {@link #intendedUserIds(WorkflowDetails, java.util.function.LongFunction)}, for a past date:
     * the named people who were active then ({@code activeThen}) and the teams' members then.
     */
    public Set<Long> intendedUserIds(WorkflowDetails details, java.util.function.LongFunction<Set<Long>> teamMembers,
            java.util.function.LongPredicate activeThen) {
        Long onlyTeam = onlyTeam(details);
        if (onlyTeam != null) {
            return shared(teamMembers.apply(onlyTeam));
        }
        Set<Long> ids = new TreeSet<>();
        details.intendedUsers().stream().map(WorkflowDetails.IntendedUser::personId).filter(java.util.Objects::nonNull)
                .filter(activeThen::test).forEach(ids::add);
        details.intendedUsers().stream().map(WorkflowDetails.IntendedUser::teamId).filter(java.util.Objects::nonNull)
                .forEach(team -> ids.addAll(teamMembers.apply(team)));
        return ids;
    }

    Set<Long> of(WorkflowDetails details, java.util.function.LongFunction<Set<Long>> teamMembers) {
        Long onlyTeam = onlyTeam(details);
        if (onlyTeam != null) {
            return shared(teamMembers.apply(onlyTeam));
        }
        Set<Long> ids = new TreeSet<>();
        var named = details.intendedUsers().stream().map(WorkflowDetails.IntendedUser::personId)
                .filter(java.util.Objects::nonNull).toList();
        people.findAllById(named).stream().filter(Person::active).map(Person::id).forEach(ids::add);
        details.intendedUsers().stream().map(WorkflowDetails.IntendedUser::teamId).filter(java.util.Objects::nonNull)
                .forEach(team -> ids.addAll(teamMembers.apply(team)));
        return ids;
    }

    /**
     * The team when a workflow's intended users are one team's members and nobody else (the usual
     * case): its member set is then shared, read-only, instead of copied for every workflow of the team.
     */
    private static Set<Long> shared(Set<Long> members) {
        // Intended users are in ascending id order wherever they are listed.
        return members instanceof java.util.SortedSet<Long> ? java.util.Collections.unmodifiableSet(members)
                : new TreeSet<>(members);
    }

    private static Long onlyTeam(WorkflowDetails details) {
        List<WorkflowDetails.IntendedUser> users = details.intendedUsers();
        return users.size() == 1 && users.get(0).personId() == null ? users.get(0).teamId() : null;
    }
}
