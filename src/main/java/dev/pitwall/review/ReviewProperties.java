package dev.pitwall.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of human review, under {@code pitwall.review.*}.
 *
 * @param deadline how long the person an item is routed to has to decide it before it is escalated
 *     along the decision rights
 * @param escalate whether this node checks the deadlines (every {@code escalationInterval})
 * @param escalationInterval how often deadlines are checked (and expired content removed)
 * @param contentRetention how long submitted content is kept when the workflow's policy keeps it and
 *     names no retention of its own
 */
@Validated
@ConfigurationProperties("pitwall.review")
public record ReviewProperties(@NotNull @DefaultValue("4h") Duration deadline, @DefaultValue("true") boolean escalate,
        @NotNull @DefaultValue("1m") Duration escalationInterval, @NotNull @DefaultValue("30d") Duration contentRetention) {
}
