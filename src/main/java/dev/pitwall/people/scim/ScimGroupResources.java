package dev.pitwall.people.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamDraft;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM Groups as teams; a group's members are the people whose team it is. A person has one team,
 * so a person added to a second provisioned group moves to it, and a person removed from a group
 * leaves it only if it is still their team. Deleting a group unlinks the team (its history and
 * scorecards stay) and takes its members out of it.
 */
@Service
class ScimGroupResources {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String PATH = "/scim/v2/Groups/";
    private static final int MEMBERS_MAX = 100_000;

    private final TeamService teams;
    private final PersonService people;
    private final ScimGroups links;
    private final Clock clock;

    ScimGroupResources(TeamService teams, PersonService people, ScimGroups links, Clock clock) {
        this.teams = teams;
        this.people = people;
        this.links = links;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ObjectNode get(String id) {
        ScimGroups.Link link = link(id);
        return resource(teams.get(link.teamId()), link, true);
    }

    @Transactional(readOnly = true)
    public List<ObjectNode> all(boolean withMembers) {
        return links.findAll().stream().map(l -> resource(teams.get(l.teamId()), l, withMembers)).toList();
    }

    @Transactional
    public ObjectNode create(ObjectNode body) {
        String name = displayName(body);
        Optional<Team> existing = teams.findByName(name);
        if (existing.isPresent() && links.find(existing.get().id()).isPresent()) {
            throw ScimProblem.uniqueness("displayName: a group named '" + name + "' already exists");
        }
        Team team = existing.orElseGet(() -> withScimErrors(() -> teams.create(new TeamDraft(name, null, null))));
        Instant now = clock.instant();
        ScimGroups.Link link = new ScimGroups.Link(team.id(), ScimJson.text(body, "externalId"), now, now);
        links.insert(link);
        setMembers(team.id(), memberIds(body), false);
        return resource(teams.get(team.id()), link, true);
    }

    @Transactional
    public ObjectNode replace(String id, ObjectNode body, String ifMatch) {
        ScimGroups.Link link = link(id);
        Team team = teams.get(link.teamId());
        ScimUserResources.checkVersion(resource(team, link, true), ifMatch);
        return apply(team, link, body);
    }

    @Transactional
    public ObjectNode patch(String id, ObjectNode body, String ifMatch) {
        ScimGroups.Link link = link(id);
        Team team = teams.get(link.teamId());
        ObjectNode current = resource(team, link, true);
        ScimUserResources.checkVersion(current, ifMatch);
        return apply(team, link, ScimPatch.apply(current, body));
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        ScimGroups.Link link = link(id);
        Team team = teams.get(link.teamId());
        ScimUserResources.checkVersion(resource(team, link, true), ifMatch);
        setMembers(team.id(), Set.of(), true);
        links.delete(team.id());
    }

    private ObjectNode apply(Team team, ScimGroups.Link link, ObjectNode resource) {
        String name = displayName(resource);
        if (!name.equals(team.name())) {
            withScimErrors(() -> teams.update(team.id(), new TeamDraft(name, team.parentId(), team.description())));
        }
        ScimGroups.Link updated = new ScimGroups.Link(team.id(), ScimJson.text(resource, "externalId"),
                link.createdAt(), clock.instant());
        links.update(updated);
        setMembers(team.id(), memberIds(resource), true);
        return resource(teams.get(team.id()), updated, true);
    }

    /** Makes the team's members exactly these people (removing others only when asked to). */
    private void setMembers(long teamId, Set<Long> wanted, boolean removeOthers) {
        List<Person> current = members(teamId);
        if (removeOthers) {
            current.stream().filter(p -> !wanted.contains(p.id())).forEach(p -> moveTo(p, null));
        }
        Set<Long> already = new java.util.HashSet<>(current.stream().map(Person::id).toList());
        for (Long personId : wanted) {
            if (!already.contains(personId)) {
                Person person;
                try {
                    person = people.get(personId);
                } catch (RuntimeException notFound) {
                    throw ScimProblem.invalidValue("members", "no user has the id '" + personId + "'");
                }
                moveTo(person, teamId);
            }
        }
    }

    private void moveTo(Person p, Long teamId) {
        people.update(p.id(), new PersonDraft(p.email(), p.externalId(), p.name(), p.title(), teamId, p.managerId(),
                p.level(), p.tier(), p.active()));
    }

    private List<Person> members(long teamId) {
        return people.search(new PersonQuery(null, teamId, null, null, null, null), PersonSort.NAME,
                new PageQuery(0, MEMBERS_MAX)).content();
    }

    private static Set<Long> memberIds(ObjectNode resource) {
        JsonNode members = resource.get("members");
        Set<Long> ids = new LinkedHashSet<>();
        if (members == null || members.isNull()) {
            return ids;
        }
        if (!members.isArray()) {
            throw ScimProblem.invalidValue("members", "must be a list");
        }
        for (JsonNode member : members) {
            String value = ScimJson.text(member, "value");
            if (value == null) {
                throw ScimProblem.invalidValue("members", "each member needs a value (the user's id)");
            }
            try {
                ids.add(Long.valueOf(value));
            } catch (NumberFormatException e) {
                throw ScimProblem.invalidValue("members", "no user has the id '" + value + "'");
            }
        }
        return ids;
    }

    private static String displayName(ObjectNode resource) {
        String name = ScimJson.text(resource, "displayName");
        if (name == null) {
            throw ScimProblem.invalidValue("displayName", "is required");
        }
        String externalId = ScimJson.text(resource, "externalId");
        if (externalId != null && externalId.length() > 200) {
            throw ScimProblem.invalidValue("externalId", "is longer than 200 characters");
        }
        return name;
    }

    private static Team withScimErrors(java.util.function.Supplier<Team> write) {
        try {
            return write.get();
        } catch (InvalidInputException e) {
            throw ScimProblem.invalidValue("displayName", e.violations().isEmpty() ? e.getMessage()
                    : e.violations().get(0).reason());
        } catch (ConflictException e) {
            throw ScimProblem.uniqueness("displayName: " + e.getMessage());
        }
    }

    private ScimGroups.Link link(String id) {
        return links.find(ScimPatch.id("Group", id)).orElseThrow(() -> ScimProblem.notFound("Group", id));
    }

    private ObjectNode resource(Team team, ScimGroups.Link link, boolean withMembers) {
        ObjectNode group = ScimJson.MAPPER.createObjectNode();
        group.putArray("schemas").add(SCHEMA);
        group.put("id", String.valueOf(team.id()));
        if (link.externalId() != null) {
            group.put("externalId", link.externalId());
        }
        group.put("displayName", team.name());
        if (withMembers) {
            ArrayNode members = group.putArray("members");
            members(team.id()).forEach(p -> members.addObject().put("value", String.valueOf(p.id()))
                    .put("display", p.name()).put("$ref", ScimUserResources.PATH + p.id()).put("type", "User"));
        }
        ObjectNode meta = group.putObject("meta");
        meta.put("resourceType", "Group").put("created", link.createdAt().toString())
                .put("lastModified", (link.updatedAt().isAfter(team.updatedAt()) ? link.updatedAt() : team.updatedAt())
                        .toString())
                .put("location", PATH + team.id());
        meta.put("version", ScimJson.etag(group));
        return group;
    }
}
