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
 * review and every hiring-screening recommendation does (EU AI Act Art. 14). The claims handlers
 * hold OUTPUT_APPROVER as a role and share one queue: a backlog of 14 settlements, and 3 submitted
 * earlier that missed their 4-hour deadline and were escalated to the escalation contact (the
 * breaches). One claims handler signs in as the demo user {@code reviewer}; hiring recommendations
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

    private final java.time.Clock clock;

    NorthwindReview(ReviewService reviews, ReviewPolicyService policies, DecisionRightsService rights, UserService users,
            java.time.Clock clock) {
        this.clock = clock;
        this.reviews = reviews;
        this.policies = policies;
        this.rights = rights;
        this.users = users;
    }

    void generate() {
        // Claims keep the proposed settlement's text for 90 days (the reviewer reads it); hiring keeps none.
        policies.set("claims-assistant", new ReviewPolicy(List.of(new ReviewPolicy.Rule(null, "amount",
                new BigDecimal("1000"))), 4, true, 90));
        policies.set("hiring-screening", new ReviewPolicy(List.of(new ReviewPolicy.Rule(true, null, null))));
        String approver = rights.report("claims-assistant").rights().stream()
                .filter(r -> r.right() == DecisionRight.OUTPUT_APPROVER).flatMap(r -> r.activeHolders().stream())
                .map(p -> p.email()).findFirst().orElseThrow();
        if (users.findAll().stream().noneMatch(u -> u.username().equals("reviewer"))) {
            users.createDemoUser("reviewer", "Demo Claims Reviewer", approver, Role.CONTRIBUTOR);
        }
        Random random = new Random(11);
        java.time.Instant now = java.time.Instant.now(clock);
        for (int i = 0; i < 17; i++) {
            int amount = 1_050 + random.nextInt(38) * 100;
            String claim = CLAIMS[random.nextInt(CLAIMS.length)];
            // The first three came in this morning and waited past their deadline.
            java.time.Instant submitted = i < 3 ? now.minus(java.time.Duration.ofHours(9 - i)) : now;
            reviews.submit(submitted, new NewReviewItem("claims-assistant", "nw-agents", "claim-" + (48_210 + i * 7),
                    "Settle " + String.format(java.util.Locale.ROOT, "%,d", amount) + " EUR for " + claim,
                    "Proposed settlement of " + amount + " EUR. Policy limit for automatic settlement: 1,000 EUR.",
                    BigDecimal.valueOf(60 + random.nextInt(35), 2), amount > 3_000 ? List.of("high-amount") : List.of(),
                    Map.of("amount", amount, "currency", "EUR"), null));
        }
        reviews.escalateOverdue();
        for (int i = 0; i < 6; i++) {
            reviews.submit(new NewReviewItem("hiring-screening", "talentscreen", "application-" + (3_301 + i),
                    "Shortlist recommendation for application " + (3_301 + i) + " (warehouse shift lead)",
                    null, BigDecimal.valueOf(55 + random.nextInt(40), 2), List.of("art-14-oversight"),
                    Map.of("role", "Warehouse shift lead"), null));
        }
    }
}
