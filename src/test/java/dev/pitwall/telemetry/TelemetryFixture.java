package dev.pitwall.telemetry;

import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamDraft;
import dev.pitwall.people.TeamService;
import dev.pitwall.people.Tier;
import dev.pitwall.portfolio.AiSystemDraft;
import dev.pitwall.portfolio.AiSystemKind;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryKey;
import dev.pitwall.portfolio.TelemetryKeyKind;
import dev.pitwall.portfolio.WorkflowDefinition;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.util.List;
import java.util.UUID;

/**
 * A small organization of its own for one test (names carry a random suffix, so tests sharing a
 * database never see each other's data): a team with one member, one person outside it, an AI
 * system with an OpenTelemetry service name and an application id, and two workflows using it.
 */
public final class TelemetryFixture {

    public final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final Team team;
    public final Person member;
    public final Person outsider;
    public final String system = "sys-" + suffix;
    public final String serviceName = "svc-" + suffix;
    public final String applicationId = "app-" + suffix;
    public final String workflow = "wf-" + suffix;
    public final String otherWorkflow = "wf2-" + suffix;

    public TelemetryFixture(PersonService people, TeamService teams, AiSystemService systems, WorkflowService workflows) {
        team = teams.create(new TeamDraft("Team " + suffix, null, null));
        member = people.create(new PersonDraft("member-" + suffix + "@telemetry.test", "ext-m-" + suffix, "Member",
                null, team.id(), null, Level.PRACTITIONER, Tier.CONSUMER, true));
        outsider = people.create(new PersonDraft("outsider-" + suffix + "@telemetry.test", "ext-o-" + suffix, "Outsider",
                null, null, null, Level.PRACTITIONER, Tier.CONSUMER, true));
        systems.create(new AiSystemDraft(system, "System " + suffix, AiSystemKind.AGENT, "acme", List.of("m1"), null, null,
                List.of(new TelemetryKey(TelemetryKeyKind.SERVICE_NAME, serviceName, null),
                        new TelemetryKey(TelemetryKeyKind.APPLICATION_ID, applicationId, null))));
        for (String key : List.of(workflow, otherWorkflow)) {
            workflows.create(new WorkflowDefinition(key, "Workflow " + key, null, null, WorkflowStage.PILOT, null,
                    List.of(system), null, null, null, null, null));
        }
    }

    /** One NDJSON line of a native event of this fixture's system. */
    public String event(String id, String time, String person, String extra) {
        return "{\"id\":\"" + id + "-" + suffix + "\",\"time\":\"" + time + "\",\"person\":\"" + person
                + "\",\"system\":\"" + system + "\"" + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
