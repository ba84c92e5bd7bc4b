package dev.pitwall.people.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM Users as directory people. A provisioned person is linked to their SCIM attributes; a POST
 * for the email of a person already in the directory (from a CSV import, say) adopts that person.
 * Deactivating a person (active false, or DELETE) also disables their Pitwall user, which ends
 * their sessions and stops their API tokens at once; reactivating enables it again.
 */
@Service
class ScimUserResources {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String PATH = "/scim/v2/Users/";

    private final PersonService people;
    private final ScimUsers links;
    private final UserService users;
    private final Clock clock;

    ScimUserResources(PersonService people, ScimUsers links, UserService users, Clock clock) {
        this.people = people;
        this.links = links;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ObjectNode get(String id) {
        ScimUsers.Link link = link(id);
        return resource(people.get(link.personId()), link);
    }

    @Transactional(readOnly = true)
    public List<ObjectNode> all() {
        List<ScimUsers.Link> all = links.findAll();
        Map<Long, Person> persons = people.findAllById(all.stream().map(ScimUsers.Link::personId).toList()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        return all.stream().filter(l -> persons.containsKey(l.personId()))
                .map(l -> resource(persons.get(l.personId()), l)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ObjectNode> byUserName(String userName) {
        return links.findByUserName(userName).map(l -> resource(people.get(l.personId()), l));
    }

    @Transactional
    public ObjectNode create(ObjectNode body) {
        ScimUserAttributes attributes = ScimUserAttributes.read(ScimQuirks.resource(body));
        if (links.findByUserName(attributes.userName()).isPresent()) {
            throw ScimProblem.uniqueness("userName: a user named '" + attributes.userName() + "' already exists");
        }
        Optional<Person> existing = people.findByEmail(attributes.personEmail());
        if (existing.isPresent() && links.find(existing.get().id()).isPresent()) {
            throw ScimProblem.uniqueness("emails: another user has the email " + attributes.personEmail());
        }
        Person person = existing.isPresent() ? save(existing.get(), attributes)
                : withScimErrors(() -> people.create(draft(null, attributes)));
        Instant now = clock.instant();
        ScimUsers.Link link = new ScimUsers.Link(person.id(), attributes.userName(), attributes.externalId(),
                attributes.givenName(), attributes.familyName(), attributes.department(), now, now);
        links.insert(link);
        users.setEnabledOfUsersWithEmail(person.email(), person.active());
        return resource(person, link);
    }

    @Transactional
    public ObjectNode replace(String id, ObjectNode body, String ifMatch) {
        ScimUsers.Link link = link(id);
        Person person = people.get(link.personId());
        checkVersion(resource(person, link), ifMatch);
        return apply(person, link, ScimUserAttributes.read(ScimQuirks.resource(body)));
    }

    @Transactional
    public ObjectNode patch(String id, ObjectNode body, String ifMatch) {
        ScimUsers.Link link = link(id);
        Person person = people.get(link.personId());
        ObjectNode current = resource(person, link);
        checkVersion(current, ifMatch);
        return apply(person, link, ScimUserAttributes.read(ScimQuirks.resource(ScimPatch.apply(current, body))));
    }

    /** Ends the provisioning of the person: they are deactivated (their history stays) and unlinked. */
    @Transactional
    public void delete(String id, String ifMatch) {
        ScimUsers.Link link = link(id);
        Person person = people.get(link.personId());
        checkVersion(resource(person, link), ifMatch);
        if (person.active()) {
            people.update(person.id(), new PersonDraft(person.email(), person.externalId(), person.name(), person.title(),
                    person.teamId(), person.managerId(), person.level(), person.tier(), false));
        }
        users.setEnabledOfUsersWithEmail(person.email(), false);
        links.delete(person.id());
    }

    private ObjectNode apply(Person person, ScimUsers.Link link, ScimUserAttributes attributes) {
        links.findByUserName(attributes.userName()).filter(other -> other.personId() != person.id()).ifPresent(other -> {
            throw ScimProblem.uniqueness("userName: a user named '" + attributes.userName() + "' already exists");
        });
        Person saved = save(person, attributes);
        ScimUsers.Link updated = new ScimUsers.Link(person.id(), attributes.userName(), attributes.externalId(),
                attributes.givenName(), attributes.familyName(), attributes.department(), link.createdAt(),
                clock.instant());
        links.update(updated);
        if (saved.active() != person.active()) {
            users.setEnabledOfUsersWithEmail(saved.email(), saved.active());
        }
        return resource(saved, updated);
    }

    private Person save(Person person, ScimUserAttributes attributes) {
        return withScimErrors(() -> people.update(person.id(), draft(person, attributes)));
    }

    /**
     * The directory's draft: SCIM owns the email, name, title, manager and active state; the
     * person's team comes from groups, their level and tier from the directory (new people start
     * as practitioners and consumers), and an HR external id stays when no employee number is sent.
     */
    private static PersonDraft draft(Person existing, ScimUserAttributes a) {
        String externalId = a.employeeNumber() != null ? a.employeeNumber() : existing == null ? null : existing.externalId();
        return new PersonDraft(a.personEmail(), externalId, a.personName(), a.title(),
                existing == null ? null : existing.teamId(), managerId(a.managerId()),
                existing == null ? Level.PRACTITIONER : existing.level(), existing == null ? Tier.CONSUMER : existing.tier(),
                a.active());
    }

    private static Long managerId(String id) {
        if (id == null) {
            return null;
        }
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw ScimProblem.invalidValue("manager", "no user has the id '" + id + "'");
        }
    }

    /** The directory's refusals as SCIM errors naming the SCIM attribute. */
    private static Person withScimErrors(java.util.function.Supplier<Person> write) {
        try {
            return write.get();
        } catch (InvalidInputException e) {
            var violation = e.violations().isEmpty() ? null : e.violations().get(0);
            String field = violation == null ? "" : violation.field();
            String attribute = switch (field) {
                case "email" -> "emails";
                case "name" -> "displayName";
                case "externalId" -> "employeeNumber";
                case "managerId" -> "manager";
                default -> field.isEmpty() ? "request" : field;
            };
            throw ScimProblem.invalidValue(attribute, violation == null ? e.getMessage() : violation.reason());
        } catch (ConflictException e) {
            throw ScimProblem.uniqueness(e.getMessage());
        }
    }

    private ScimUsers.Link link(String id) {
        return links.find(ScimPatch.id("User", id)).orElseThrow(() -> ScimProblem.notFound("User", id));
    }

    static void checkVersion(ObjectNode resource, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")
                && java.util.Arrays.stream(ifMatch.split(",")).map(String::trim)
                        .noneMatch(tag -> tag.equals(ScimJson.etag(resource)))) {
            throw ScimProblem.preconditionFailed("If-Match: the resource has changed (its version is "
                    + ScimJson.etag(resource) + ")");
        }
    }

    static ObjectNode resource(Person person, ScimUsers.Link link) {
        ObjectNode user = ScimJson.MAPPER.createObjectNode();
        user.putArray("schemas").add(SCHEMA).add(ScimQuirks.ENTERPRISE);
        user.put("id", String.valueOf(person.id()));
        if (link.externalId() != null) {
            user.put("externalId", link.externalId());
        }
        user.put("userName", link.userName());
        ObjectNode name = user.putObject("name").put("formatted", person.name());
        if (link.givenName() != null) {
            name.put("givenName", link.givenName());
        }
        if (link.familyName() != null) {
            name.put("familyName", link.familyName());
        }
        user.put("displayName", person.name());
        if (person.title() != null) {
            user.put("title", person.title());
        }
        user.put("active", person.active());
        user.putArray("emails").addObject().put("value", person.email()).put("type", "work").put("primary", true);
        if (person.teamId() != null) {
            ArrayNode groups = user.putArray("groups");
            groups.addObject().put("value", String.valueOf(person.teamId())).put("display", person.teamName())
                    .put("$ref", ScimGroupResources.PATH + person.teamId());
        }
        ObjectNode enterprise = user.putObject(ScimQuirks.ENTERPRISE);
        if (person.externalId() != null) {
            enterprise.put("employeeNumber", person.externalId());
        }
        if (link.department() != null) {
            enterprise.put("department", link.department());
        }
        if (person.managerId() != null) {
            enterprise.putObject("manager").put("value", String.valueOf(person.managerId()))
                    .put("$ref", PATH + person.managerId()).put("displayName", person.managerName());
        }
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", "User").put("created", link.createdAt().toString())
                .put("lastModified", latest(link.updatedAt(), person.updatedAt()).toString())
                .put("location", PATH + person.id());
        meta.put("version", ScimJson.etag(user));
        return user;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
