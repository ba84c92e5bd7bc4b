package dev.pitwall.measurement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A deployment to record. Shaped for a CI step:
 * {@code {"system":"invoiceiq","version":"2.4.1","time":"…","status":"SUCCEEDED"}}; the same
 * system, environment, version and time again is recognized as a retry.
 *
 * @param system the AI system's key
 * @param version what was deployed
 * @param time when it finished (default: now)
 * @param status how it ended (default {@code SUCCEEDED})
 * @param environment where (default {@code production}); only production deployments count
 * @param pipelineUrl the pipeline run
 * @param workflow the workflow whose part of the system was deployed (an agent of an agent
 *     platform), or {@code null} when the deployment serves every workflow using the system
 */
public record NewDeployment(@NotBlank @Size(max = 100) String system, @NotBlank @Size(max = 200) String version,
        Instant time, DeploymentStatus status, @Size(max = 100) String environment,
        @Size(max = 1000) String pipelineUrl, @Size(max = 100) String workflow) {
}
