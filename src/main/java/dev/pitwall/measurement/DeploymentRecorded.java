package dev.pitwall.measurement;

/**
 * The answer to a reported deployment.
 *
 * @param deployment the stored deployment
 * @param duplicate whether it had been reported before (a retry), in which case nothing changed
 */
public record DeploymentRecorded(Deployment deployment, boolean duplicate) {
}
