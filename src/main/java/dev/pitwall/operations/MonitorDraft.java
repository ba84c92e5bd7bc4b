package dev.pitwall.operations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A monitor to create or change. Exactly one of {@code workflowKey} and {@code systemKey};
 * {@code signal} by its id (e.g. {@code overrideRate}); {@code kpiId} only with {@code kpi};
 * {@code lifecycleAction}, optional, what its incidents do to the workflow in production whatever
 * their severity (else the workflow's policy for SEV1 applies).
 */
public record MonitorDraft(@NotBlank @Size(max = 200) String name, @Size(max = 100) String workflowKey,
        @Size(max = 100) String systemKey, @NotBlank @Size(max = 40) String signal, Long kpiId,
        @NotNull ThresholdComparator comparator,
        @NotNull @DecimalMin("-1E15") @DecimalMax("1E15") BigDecimal threshold,
        @NotNull @Min(1) @Max(90) Integer windowDays, @NotNull @Min(0) @Max(1000000) Integer minSamples,
        @NotNull Severity severity, Boolean enabled, LifecycleAction lifecycleAction) {
}
