package dev.pitwall.portfolio;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A workflow's header: the unit of AI value.
 *
 * @param id the workflow's id
 * @param key stable slug, e.g. {@code invoice-exceptions}
 * @param name display name
 * @param description what work it is
 * @param initiativeId the initiative it belongs to
 * @param initiativeName its name
 * @param stage where it is in its life
 * @param aiGoLive when AI started to take part in the work
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Workflow(long id, String key, String name, String description, Long initiativeId, String initiativeName,
        WorkflowStage stage, LocalDate aiGoLive, Instant createdAt, Instant updatedAt) {
}
