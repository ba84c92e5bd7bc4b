package dev.pitwall.demo;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.pitwall.people.DirectoryOverview;
import dev.pitwall.people.ImportResult;
import dev.pitwall.people.PeopleImportService;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamDraft;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo generator against mocks of the modules it drives (people, platform). */
class DemoOrganizationTest {

    private final DirectoryOverview directory = mock(DirectoryOverview.class);
    private final TeamService teams = mock(TeamService.class);
    private final PeopleImportService imports = mock(PeopleImportService.class);
    private final UserService users = mock(UserService.class);
    private final TransactionTemplate transaction = new TransactionTemplate() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return action.doInTransaction(new SimpleTransactionStatus());
        }
    };
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    private final NorthwindPortfolio portfolio = mock(NorthwindPortfolio.class);
    private final NorthwindTelemetry telemetry = mock(NorthwindTelemetry.class);
    private final NorthwindMeasurement measurement = mock(NorthwindMeasurement.class);
    private final NorthwindGovernance governance = mock(NorthwindGovernance.class);
    private final dev.pitwall.platform.organization.OrganizationService organization =
            mock(dev.pitwall.platform.organization.OrganizationService.class);
    private final dev.pitwall.platform.tokens.ApiTokenService tokens = mock(dev.pitwall.platform.tokens.ApiTokenService.class);
    private final DemoOrganization demo = new DemoOrganization(directory, teams, imports, users, portfolio, telemetry,
            measurement, governance, transaction, clock, new DemoProperties(true), organization, tokens,
            mock(NorthwindOperations.class), mock(NorthwindReview.class), mock(NorthwindPulse.class),
            mock(NorthwindBoard.class));

    @Test
    void generatesNothingWhenTheDirectoryHasPeople() {
        when(directory.isEmpty()).thenReturn(false);
        demo.run(new DefaultApplicationArguments());
        verifyNoInteractions(teams, imports, users, portfolio, telemetry, measurement, governance, organization, tokens);
    }

    @Test
    void importsTheGeneratedFilesInOrderAndCreatesTheDemoUsers() {
        when(directory.isEmpty()).thenReturn(true);
        when(teams.create(any())).thenReturn(new Team(1, "Executive Office", null, null, null, 0, null, null));
        ImportResult result = new ImportResult(1, 1, 0, 0, List.of(), List.of());
        when(imports.importPeople(anyString())).thenReturn(result);
        when(imports.importAssessments(anyString())).thenReturn(result);
        when(imports.importLearningRecords(anyString())).thenReturn(result);
        NorthwindFreight.Files expected = NorthwindFreight.generate(java.time.LocalDate.of(2026, 11, 25));

        demo.run(new DefaultApplicationArguments());

        verify(organization).update(new dev.pitwall.platform.organization.OrganizationUpdate("Northwind Freight", "EUR"));
        verify(teams).create(new TeamDraft("Executive Office", null, "The CEO, the executive team and their staff."));
        verify(teams, times(12)).create(any());
        var order = inOrder(imports);
        order.verify(imports).importPeople(expected.people());
        order.verify(imports).importAssessments(expected.assessments());
        order.verify(imports).importLearningRecords(expected.learning());
        verify(users).createDemoUser(eq("admin"), anyString(), isNull(), eq(Role.ADMIN));
        verify(users).createDemoUser(eq("exec"), anyString(), eq(expected.ceoEmail()), eq(Role.EXECUTIVE));
        verify(users).createDemoUser(eq("owner"), anyString(), anyString(), eq(Role.OWNER));
        verify(users).createDemoUser(eq("contributor"), anyString(), anyString(), eq(Role.CONTRIBUTOR));
        verify(users).createDemoUser(eq("viewer"), anyString(), isNull(), eq(Role.VIEWER));
        verify(users, never()).create(any());
        // The contracts and the governance come between the portfolio and the promotions, whose gate checks them.
        var portfolioOrder = inOrder(portfolio, measurement, governance);
        portfolioOrder.verify(portfolio).generate(new NorthwindStaff(expected.persons()), java.time.LocalDate.of(2026, 11, 25));
        portfolioOrder.verify(measurement).contracts(java.time.LocalDate.of(2026, 11, 25));
        portfolioOrder.verify(governance).generate(java.time.LocalDate.of(2026, 11, 25));
        portfolioOrder.verify(portfolio).promote(new NorthwindStaff(expected.persons()), java.time.LocalDate.of(2026, 11, 25));
        portfolioOrder.verify(measurement).history(java.time.LocalDate.of(2026, 11, 25));
        verify(telemetry).generate(expected.persons(), java.time.LocalDate.of(2026, 11, 25));
    }
}
