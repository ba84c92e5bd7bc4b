package dev.pitwall.measurement;

/** How a deployment ended; only {@link #SUCCEEDED} ones count for {@code deploymentsPerMonth}. */
public enum DeploymentStatus {
    SUCCEEDED, FAILED, ROLLED_BACK
}
