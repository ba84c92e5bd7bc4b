package dev.pitwall.people;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A learning record to add; the same person, course, date and status replaces the earlier record.
 */
public record NewLearningRecord(@NotNull Long personId, @NotBlank @Size(max = 300) String course, Long skillId,
        @NotNull LearningStatus status, @DecimalMin("0") @DecimalMax("100") BigDecimal score,
        @NotNull LocalDate completedOn,
        @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a workflow key: lower-case letters, digits and dashes") String workflowKey,
        @NotBlank @Size(max = 100) String source) {
}
