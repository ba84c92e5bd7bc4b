package dev.pitwall.review.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.review.NewReviewItem;
import dev.pitwall.review.ReviewDecision;
import dev.pitwall.review.ReviewItem;
import dev.pitwall.review.ReviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Human review", description = "AI output submitted for a person's decision, routed by decision rights")
class ReviewApiController {

    private final ReviewService reviews;
    private final dev.pitwall.review.DecisionCheckService checks;
    private final dev.pitwall.review.ReviewPolicyService policies;

    ReviewApiController(ReviewService reviews, dev.pitwall.review.DecisionCheckService checks,
            dev.pitwall.review.ReviewPolicyService policies) {
        this.reviews = reviews;
        this.checks = checks;
        this.policies = policies;
    }

    @PostMapping("/api/v1/decisions/check")
    @PreAuthorize(Permission.Checks.REVIEW_SUBMIT)
    @Operation(summary = "May this AI act?", description = "{\"workflowKey\":\"claims-assistant\",\"systemKey\":\"nw-agents\","
            + "\"action\":\"settle-claim\",\"person\":\"clerk@example.com\",\"attributes\":{\"amount\":1250},"
            + "\"externalReference\":\"claim-4711\"}. Answers ALLOW, REVIEW (with the review item it created) or DENY, "
            + "with the reasons.")
    dev.pitwall.review.CheckResult check(@RequestBody dev.pitwall.review.DecisionCheck request) {
        return checks.check(request);
    }

    @PostMapping("/api/v1/ai-systems/{key}/review-callback-key")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Create the key an AI system's review callbacks are signed with", description = "Answers "
            + "{\"systemKey\":…,\"secret\":…} this once; a new key replaces the old one. Callbacks carry "
            + "Pitwall-Signature: t=…,v1=HMAC-SHA256(secret, t + \".\" + body).")
    java.util.Map<String, String> callbackKey(@org.springframework.web.bind.annotation.PathVariable String key) {
        return java.util.Map.of("systemKey", key, "secret", reviews.createCallbackKey(key));
    }

    @GetMapping("/api/v1/workflows/{key}/review-policy")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's review policy")
    dev.pitwall.review.ReviewPolicy policy(@org.springframework.web.bind.annotation.PathVariable String key) {
        return policies.get(key);
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/workflows/{key}/review-policy")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Set a workflow's review policy", description = "{\"rules\":[{\"attribute\":\"amount\","
            + "\"above\":1000}]} or {\"rules\":[{\"always\":true}]}")
    dev.pitwall.review.ReviewPolicy setPolicy(@org.springframework.web.bind.annotation.PathVariable String key,
            @RequestBody dev.pitwall.review.ReviewPolicy policy) {
        return policies.set(key, policy);
    }

    @PostMapping("/api/v1/review-items")
    @PreAuthorize(Permission.Checks.REVIEW_SUBMIT)
    @Operation(summary = "Submit an output for review", description = "{\"workflowKey\":\"claims-assistant\",\"systemKey\":"
            + "\"nw-agents\",\"externalReference\":\"claim-4711\",\"summary\":\"Refund 1,250 EUR\",\"confidence\":0.82,"
            + "\"attributes\":{\"amount\":1250}}. 201 with the new item; 200 with the existing one when the system "
            + "submitted this reference before. 400 names each bad field. A token needs the review scope.")
    ResponseEntity<ReviewItem> submit(@RequestBody NewReviewItem item) {
        ReviewService.Submission submission = reviews.submit(item);
        return submission.created()
                ? ResponseEntity.created(URI.create("/api/v1/review-items/" + submission.item().id())).body(submission.item())
                : ResponseEntity.status(HttpStatus.OK).body(submission.item());
    }

    @GetMapping("/api/v1/review-items/{id}")
    @PreAuthorize("hasAnyAuthority('review:submit', 'review:decide')")
    @Operation(summary = "A review item with its decision (poll until status is DECIDED)", description = "For the AI "
            + "systems that submit (review:submit) and the people who decide (review:decide): items may hold personal "
            + "data, so readers of the portfolio alone do not see them.")
    ReviewItem item(@PathVariable long id) {
        return reviews.get(id);
    }

    @GetMapping("/api/v1/me/review-items")
    @PreAuthorize(Permission.Checks.REVIEW_DECIDE)
    @Operation(summary = "The items waiting for my decision, the soonest due first")
    List<ReviewItem> inbox() {
        return reviews.inbox();
    }

    @PostMapping("/api/v1/me/review-items/accept-low-risk")
    @PreAuthorize(Permission.Checks.REVIEW_DECIDE)
    @Operation(summary = "Accept every low-risk item of my inbox", description = "Low risk: no risk flags and a "
            + "confidence of at least minConfidence (default 0.9, between 0.5 and 1). Answers the items accepted.")
    List<ReviewItem> acceptLowRisk(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0.9")
            java.math.BigDecimal minConfidence) {
        return reviews.acceptLowRisk(minConfidence);
    }

    @PostMapping("/api/v1/review-items/{id}/decision")
    @PreAuthorize(Permission.Checks.REVIEW_DECIDE)
    @Operation(summary = "Decide an item", description = "{\"outcome\":\"OVERRIDDEN\",\"reason\":\"POLICY_BREACH\","
            + "\"reasonText\":\"…\",\"editedOutput\":\"…\"}. 403 NOT_A_REVIEWER unless you are the person it is routed "
            + "to or hold OUTPUT_APPROVER; reversing a decided item needs OVERRIDE_AUTHORITY.")
    ReviewItem decide(@PathVariable long id, @RequestBody ReviewDecision decision) {
        return reviews.decide(id, decision);
    }
}
