package dev.pitwall.review;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An output an AI system submits for a person's decision.
 *
 * @param externalReference the AI system's own id of the output: submitting it again returns the
 *     same item
 * @param summary what the AI proposes, in a sentence or two, for the reviewer's queue
 * @param content the full output (kept only while the workflow's content retention allows)
 * @param confidence the system's confidence, 0 to 1
 * @param riskFlags flags the system raised, e.g. {@code high-amount}
 * @param attributes decision attributes, e.g. {@code {"amount": 1250, "currency": "EUR"}}
 * @param callbackUrl where the decision is posted (not yet delivered: poll the item)
 */
public record NewReviewItem(@NotBlank @Size(max = 100) String workflowKey, @NotBlank @Size(max = 100) String systemKey,
        @NotBlank @Size(max = 200) String externalReference, @NotBlank @Size(max = 2000) String summary,
        @Size(max = 100_000) String content, @DecimalMin("0") @DecimalMax("1") BigDecimal confidence,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> riskFlags, @Size(max = 50) Map<String, Object> attributes,
        @Size(max = 2000) String callbackUrl) {
}
