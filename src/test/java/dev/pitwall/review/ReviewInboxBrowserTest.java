package dev.pitwall.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.testing.AxeCheck;
import dev.pitwall.testing.DemoBrowserTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reviewer works the inbox with the keyboard only, in real Chromium on the demo: the demo owner
 * holds OUTPUT_APPROVER of the claims assistant, accepts one item and overrides another for a
 * policy breach without touching the mouse.
 */
class ReviewInboxBrowserTest extends DemoBrowserTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    WorkflowService workflows;
    @Autowired
    UserService users;

    @Test
    void aReviewerAcceptsAndOverridesItemsWithTheKeyboard() {
        String owner = users.findAll().stream().filter(u -> u.username().equals("owner")).findFirst().orElseThrow().email();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long first = SystemActor.runAs("test", () -> {
            workflows.assignRight("claims-assistant", DecisionRight.OUTPUT_APPROVER, owner, "reviews claims in the test");
            return reviews.submit(item("kbd-a-" + suffix, "Refund 80 EUR for a late parcel")).item().id();
        });
        long second = SystemActor.runAs("test", () -> reviews.submit(item("kbd-b-" + suffix,
                "Refund 1,900 EUR for a lost pallet")).item().id());

        WebDriverWait wait = signInAndOpen("owner", "/review/inbox");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-" + first)));
        assertThat(AxeCheck.seriousViolations(browser)).isEmpty();
        Actions keys = new Actions(browser);
        // j selects the first item: the soonest due, the one submitted first.
        keys.sendKeys("j").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("item-" + first);
        keys.sendKeys("a").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("item-" + first)));
        keys = new Actions(browser);
        keys.sendKeys("j").sendKeys("2").sendKeys("o").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("item-" + second)));

        ReviewItem accepted = SystemActor.runAs("test", () -> reviews.get(first));
        ReviewItem overridden = SystemActor.runAs("test", () -> reviews.get(second));
        assertThat(accepted.outcome()).isEqualTo("ACCEPTED");
        assertThat(overridden.outcome()).isEqualTo("OVERRIDDEN");
        assertThat(overridden.reason()).isEqualTo("POLICY_BREACH");
        assertThat(accepted.decidedById()).isNotNull().isEqualTo(overridden.decidedById());
        assertThat(browser.findElement(By.cssSelector("body")).getText()).contains("Overridden: Refund 1,900 EUR");
    }

    private static NewReviewItem item(String reference, String summary) {
        return new NewReviewItem("claims-assistant", "nw-agents", reference, summary, null, new BigDecimal("0.7"),
                List.of("refund"), Map.of("amount", 80), null);
    }
}
