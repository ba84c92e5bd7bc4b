package dev.pitwall.demo;

import dev.pitwall.people.DirectoryOverview;
import dev.pitwall.people.ImportResult;
import dev.pitwall.people.PeopleImportService;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamDraft;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.platform.users.UserService;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the {@code demo} profile, on a database with no people, generates Northwind Freight in one
 * transaction: teams, then people, assessments and learning records through the CSV imports, the
 * demo users (password {@code demo}), and the portfolio; then 90 days of telemetry through the
 * ingestion paths. Runs before the initial-administrator bootstrap.
 */
@Component
@Profile("demo")
@Order(10)
@EnableConfigurationProperties(DemoProperties.class)
class DemoOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final DirectoryOverview directory;
    private final TeamService teams;
    private final PeopleImportService imports;
    private final UserService users;
    private final NorthwindPortfolio portfolio;
    private final NorthwindTelemetry telemetry;
    private final NorthwindMeasurement measurement;
    private final NorthwindGovernance governance;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoProperties properties;
    private final dev.pitwall.platform.organization.OrganizationService organization;
    private final dev.pitwall.platform.tokens.ApiTokenService tokens;
    private final NorthwindOperations operations;
    private final NorthwindReview review;
    private final NorthwindPulse pulse;
    private final NorthwindBoard board;

    DemoOrganization(DirectoryOverview directory, TeamService teams, PeopleImportService imports, UserService users,
            NorthwindPortfolio portfolio, NorthwindTelemetry telemetry, NorthwindMeasurement measurement,
            NorthwindGovernance governance, TransactionTemplate transaction, Clock clock, DemoProperties properties,
            dev.pitwall.platform.organization.OrganizationService organization,
            dev.pitwall.platform.tokens.ApiTokenService tokens, NorthwindOperations operations, NorthwindReview review,
            NorthwindPulse pulse, NorthwindBoard board) {
        this.pulse = pulse;
        this.board = board;
        this.operations = operations;
        this.review = review;
        this.organization = organization;
        this.tokens = tokens;
        this.measurement = measurement;
        this.governance = governance;
        this.properties = properties;
        this.portfolio = portfolio;
        this.telemetry = telemetry;
        this.directory = directory;
        this.teams = teams;
        this.imports = imports;
        this.users = users;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.isEmpty()) {
            log.info("Demo profile: the directory already has people; the demo organization is not generated again.");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        NorthwindFreight.Files files = NorthwindFreight.generate(today);
        SystemActor.runAs("demo-generator", () -> transaction.execute(status -> {
            organization.update(new dev.pitwall.platform.organization.OrganizationUpdate("Northwind Freight", "EUR"));
            createTeams();
            ImportResult people = imports.importPeople(files.people());
            ImportResult assessments = imports.importAssessments(files.assessments());
            ImportResult learning = imports.importLearningRecords(files.learning());
            createUsers(files);
            NorthwindStaff staff = new NorthwindStaff(files.persons());
            portfolio.generate(staff, today);
            measurement.contracts(today);
            governance.generate(today);
            log.info("Demo organization Northwind Freight generated: {} people, {} skill assessments, {} learning records.",
                    people.created(), assessments.created(), learning.created());
            return null;
        }));
        // Telemetry commits batch by batch, as real ingestion does, after the organization exists.
        if (properties.telemetry()) {
            SystemActor.runAs("demo-generator", () -> {
                telemetry.generate(files.persons(), today);
                return null;
            });
        }
        // The operating reviews come after the telemetry, so their agendas show the figures of their
        // day; the production workflows are promoted after their reviews, whose gate checks them.
        NorthwindStaff staff = new NorthwindStaff(files.persons());
        SystemActor.runAs("demo-generator", () -> transaction.execute(status -> {
            operations.reviews(today);
            portfolio.promote(staff, today);
            measurement.history(today);
            operations.generate(today);
            return null;
        }));
        SystemActor.runAs("demo-generator", () -> {
            operations.incidents();
            return null;
        });
        SystemActor.runAs("demo-generator", () -> transaction.execute(status -> {
            review.generate();
            pulse.generate(files.persons());
            return null;
        }));
        // The board packs come last: they read every other capability's figures.
        SystemActor.runAs("demo-generator", () -> {
            board.generate(today);
            return null;
        });
    }

    private void createTeams() {
        Team office = teams.create(new TeamDraft(NorthwindStructure.EXECUTIVE_OFFICE, null,
                "The CEO, the executive team and their staff."));
        NorthwindStructure.TEAMS.forEach(t -> teams.create(new TeamDraft(t.name(), office.id(), t.description())));
    }

    private void createUsers(NorthwindFreight.Files files) {
        createUser("admin", "Demo Administrator", null, Role.ADMIN);
        createUser("exec", "Demo Executive", files.ceoEmail(), Role.EXECUTIVE);
        createUser("owner", "Demo Workflow Owner", files.ownerEmail(), Role.OWNER);
        createUser("contributor", "Demo Contributor", files.contributorEmail(), Role.CONTRIBUTOR);
        createUser("viewer", "Demo Viewer", null, Role.VIEWER);
        // Northwind's collector sends its telemetry with an ingest token of the contributor's; the
        // secret is not kept (the demo's events are generated inside the application).
        users.findAll().stream().filter(u -> u.username().equals("contributor")).findFirst().ifPresent(u ->
                tokens.issue(u.id(), new dev.pitwall.platform.tokens.NewApiToken("Northwind telemetry collector",
                        java.util.Set.of("ingest"), null)));
    }

    private void createUser(String username, String displayName, String email, Role role) {
        boolean taken = users.findAll().stream().anyMatch(u -> u.username().equalsIgnoreCase(username));
        if (!taken) {
            users.createDemoUser(username, displayName, email, role);
        }
    }
}
