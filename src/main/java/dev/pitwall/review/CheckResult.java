package dev.pitwall.review;

import java.util.List;

/**
 * The runtime check's answer.
 *
 * @param decision ALLOW (act), REVIEW (a person decides: the item is created) or DENY (do not act)
 * @param reasons why, one sentence each
 * @param reviewItemId the review item created for a REVIEW answer
 */
public record CheckResult(String decision, List<String> reasons, Long reviewItemId) {
}
