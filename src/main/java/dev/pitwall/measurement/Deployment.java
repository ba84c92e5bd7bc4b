package dev.pitwall.measurement;

import java.time.Instant;

/**
 * A deployment of an AI system, as a CI pipeline reports it.
 *
 * @param id the deployment's id
 * @param systemKey the AI system deployed
 * @param version what was deployed (a tag, a model version, a commit)
 * @param time when it finished
 * @param status how it ended
 * @param environment where it went (default {@code production})
 * @param pipelineUrl the pipeline run, for people to follow
 * @param workflowKey the one workflow it was for, or {@code null} for all that use the system
 * @param recordedBy who reported it
 * @param recordedAt when it was reported
 */
public record Deployment(long id, String systemKey, String version, Instant time, DeploymentStatus status,
        String environment, String pipelineUrl, String workflowKey, String recordedBy, Instant recordedAt) {
}
