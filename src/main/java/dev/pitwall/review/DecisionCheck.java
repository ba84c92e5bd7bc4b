package dev.pitwall.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What an AI system asks before it acts: may it, for this workflow, this action and these attributes?
 *
 * @param action what it is about to do, e.g. {@code settle-claim}
 * @param person the email of the person the action is for (a pilot is open to its intended users only)
 * @param externalReference the system's id of the action, for the review item a REVIEW answer creates
 * @param summary what the action is, for the reviewer (default: the action and its attributes)
 */
public record DecisionCheck(@NotBlank @Size(max = 100) String workflowKey, @NotBlank @Size(max = 100) String systemKey,
        @NotBlank @Size(max = 100) String action, @Size(max = 320) String person,
        @Size(max = 50) Map<String, Object> attributes, @Size(max = 200) String externalReference,
        @Size(max = 2000) String summary) {
}
