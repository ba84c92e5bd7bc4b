package dev.pitwall.people;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains the team hierarchy; every change is audited. */
@Service
public class TeamService {

    static final String ENTITY = "TEAM";

    private final Teams teams;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    TeamService(Teams teams, AuditLog auditLog, InputValidator validator, Clock clock) {
        this.teams = teams;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    /** A team with its depth in the hierarchy, for indented lists. */
    public record TeamNode(Team team, int depth) {
    }

    @Transactional(readOnly = true)
    public List<Team> findAll() {
        return teams.findAll();
    }

    /** All teams, each followed by its sub-teams (depth-first, by name). */
    @Transactional(readOnly = true)
    public List<TeamNode> tree() {
        List<Team> all = teams.findAll();
        Map<Long, List<Team>> children = new HashMap<>();
        List<Team> roots = new ArrayList<>();
        for (Team team : all) {
            if (team.parentId() == null) {
                roots.add(team);
            } else {
                children.computeIfAbsent(team.parentId(), k -> new ArrayList<>()).add(team);
            }
        }
        List<TeamNode> nodes = new ArrayList<>();
        roots.stream().sorted(Comparator.comparing(Team::name)).forEach(root -> addSubtree(root, 0, children, nodes));
        return nodes;
    }

    private static void addSubtree(Team team, int depth, Map<Long, List<Team>> children, List<TeamNode> nodes) {
        nodes.add(new TeamNode(team, depth));
        children.getOrDefault(team.id(), List.of()).stream().sorted(Comparator.comparing(Team::name))
                .forEach(child -> addSubtree(child, depth + 1, children, nodes));
    }

    /** The active members of a team and of all its sub-teams. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> activeMemberIds(long teamId) {
        return teams.activeMemberIds(subtree(teamId));
    }

    /**
     * The members of a team and of its sub-teams who were active at a date, by their states then
     * ({@link PersonService#statesOn}); the team tree is today's.
     */
    @Transactional(readOnly = true)
    public java.util.Set<Long> activeMemberIds(long teamId, Map<Long, PersonState> states) {
        get(teamId);
        return activeMembersByTeam(states).get(teamId);
    }

    /**
     * Every team's active members at a date, as {@link #activeMemberIds(long, Map)} gives them,
     * from one read of the team tree and one pass over the states: scoring 500 workflows asked
     * for each team's in turn, two queries and a pass over everyone each.
     */
    @Transactional(readOnly = true)
    public Map<Long, java.util.Set<Long>> activeMembersByTeam(Map<Long, PersonState> states) {
        Map<Long, Long> parentOf = new HashMap<>();
        Map<Long, java.util.Set<Long>> members = new HashMap<>();
        teams.findAll().forEach(t -> {
            parentOf.put(t.id(), t.parentId());
            members.put(t.id(), new java.util.TreeSet<>());
        });
        states.values().forEach(s -> {
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Long team = s.active() ? s.teamId() : null; team != null && members.containsKey(team)
                    && seen.add(team); team = parentOf.get(team)) {
                members.get(team).add(s.personId());
            }
        });
        return members;
    }

    private List<Long> subtree(long teamId) {
        get(teamId);
        Map<Long, List<Long>> children = new HashMap<>();
        teams.findAll().forEach(t -> {
            if (t.parentId() != null) {
                children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t.id());
            }
        });
        List<Long> subtree = new ArrayList<>();
        java.util.ArrayDeque<Long> pending = new java.util.ArrayDeque<>(List.of(teamId));
        while (!pending.isEmpty()) {
            Long next = pending.pop();
            if (!subtree.contains(next)) {
                subtree.add(next);
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return subtree;
    }

    @Transactional(readOnly = true)
    public Team get(long id) {
        return teams.findById(id).orElseThrow(() -> new TeamNotFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<Team> findByName(String name) {
        return teams.findByName(name);
    }

    @Transactional
    public Team create(TeamDraft draft) {
        TeamDraft team = normalize(validator.validate(draft));
        checkName(team, null);
        checkParent(team, null);
        long id = teams.insert(team, clock.instant());
        Team created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    @Transactional
    public Team update(long id, TeamDraft draft) {
        Team before = get(id);
        TeamDraft team = normalize(validator.validate(draft));
        checkName(team, id);
        checkParent(team, id);
        teams.update(id, team, clock.instant());
        Team after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    /** Deletes a team that has no members and no sub-teams. */
    @Transactional
    public void delete(long id) {
        Team before = get(id);
        if (teams.dependents(id) > 0) {
            throw new ConflictException("TEAM_IN_USE",
                    "The team '" + before.name() + "' still has members or sub-teams; move them first.");
        }
        teams.delete(id);
        auditLog.append(AuditRecord.deleted(ENTITY, id, before));
    }

    private void checkName(TeamDraft team, Long self) {
        teams.findByName(team.name()).filter(t -> self == null || t.id() != self).ifPresent(t -> {
            throw new ConflictException("TEAM_NAME_TAKEN", "A team named '" + team.name() + "' already exists.");
        });
    }

    private void checkParent(TeamDraft team, Long self) {
        if (team.parentId() == null) {
            return;
        }
        if (teams.findById(team.parentId()).isEmpty()) {
            throw InvalidInputException.ofField("parentId", "no team has the id " + team.parentId());
        }
        if (self != null && isSelfOrDescendant(team.parentId(), self)) {
            throw InvalidInputException.ofField("parentId", "a team cannot be placed under itself or its own sub-team");
        }
    }

    private boolean isSelfOrDescendant(long candidate, long self) {
        Map<Long, Long> parentOf = new HashMap<>();
        teams.findAll().forEach(t -> parentOf.put(t.id(), t.parentId()));
        Long current = candidate;
        int guard = parentOf.size() + 1;
        while (current != null && guard-- > 0) {
            if (current == self) {
                return true;
            }
            current = parentOf.get(current);
        }
        return false;
    }

    private static TeamDraft normalize(TeamDraft team) {
        return new TeamDraft(team.name().trim(), team.parentId(), PersonDraft.blankToNull(team.description()));
    }
}
