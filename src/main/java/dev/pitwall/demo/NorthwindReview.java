package dev.pitwall.demo;

import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.DecisionRightsService;
import dev.pitwall.review.NewReviewItem;
import dev.pitwall.review.ReviewPolicy;
import dev.pitwall.review.ReviewPolicyService;
import dev.pitwall.review.ReviewService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Northwind's human review (DEMO.md, Review): claims settlements above 1,000 EUR need a person's
 * review and every hiring-screening recommendation does (EU AI Act Art. 14). A backlog waits in the
 * claims approver's queue, who signs in as the demo user {@code reviewer}; hiring recommendations
 * wait for the HR manager. Nothing is decided yet, so the demo's acceptance and override rates stay
 * those of its telemetry.
 */
@Component
@Profile("demo")
class NorthwindReview {

    private static final String[] CLAIMS = {"a damaged pallet of glassware", "a parcel lost in transit",
        "the late delivery of perishables", "a crushed carton of electronics", "water damage to furniture",
        "items missing from a multi-parcel order", "a delivery to the wrong address", "a refused delivery returned damaged"};

    private final ReviewService reviews;
    private final ReviewPolicyService policies;
    private final DecisionRightsService rights;
    private final UserService users;

    NorthwindReview(ReviewService reviews, ReviewPolicyService policies, DecisionRightsService rights, UserService users) {
        this.reviews = reviews;
        this.policies = policies;
        this.rights = rights;
        this.users = users;
    }

    void generate() {
        policies.set("claims-assistant", new ReviewPolicy(List.of(new ReviewPolicy.Rule(null, "amount",
                new BigDecimal("1000")))));
        policies.set("hiring-screening", new ReviewPolicy(List.of(new ReviewPolicy.Rule(true, null, null))));
        String approver = rights.report("claims-assistant").rights().stream()
                .filter(r -> r.right() == DecisionRight.OUTPUT_APPROVER && r.holder() != null)
                .map(r -> r.holder().email()).findFirst().orElseThrow();
        if (users.findAll().stream().noneMatch(u -> u.username().equals("reviewer"))) {
            users.createDemoUser("reviewer", "Demo Claims Reviewer", approver, Role.CONTRIBUTOR);
        }
        Random random = new Random(11);
        for (int i = 0; i < 14; i++) {
            int amount = 1_050 + random.nextInt(38) * 100;
            String claim = CLAIMS[random.nextInt(CLAIMS.length)];
            reviews.submit(new NewReviewItem("claims-assistant", "nw-agents", "claim-" + (48_210 + i * 7),
                    "Settle " + String.format(java.util.Locale.ROOT, "%,d", amount) + " EUR for " + claim,
                    "Proposed settlement of " + amount + " EUR. Policy limit for automatic settlement: 1,000 EUR.",
                    BigDecimal.valueOf(60 + random.nextInt(35), 2), amount > 3_000 ? List.of("high-amount") : List.of(),
                    Map.of("amount", amount, "currency", "EUR"), null));
        }
        for (int i = 0; i < 6; i++) {
            reviews.submit(new NewReviewItem("hiring-screening", "talentscreen", "application-" + (3_301 + i),
                    "Shortlist recommendation for application " + (3_301 + i) + " (warehouse shift lead)",
                    null, BigDecimal.valueOf(55 + random.nextInt(40), 2), List.of("art-14-oversight"),
                    Map.of("role", "Warehouse shift lead"), null));
        }
    }
}
