package dev.pitwall.board;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the board view, under {@code pitwall.board.*}.
 *
 * @param subscriptionSweep how often to look for board packs due to subscribers (a period that ended
 *     is sent at the next sweep after it ends)
 */
@ConfigurationProperties("pitwall.board")
@Validated
public record BoardProperties(@DefaultValue("1h") Duration subscriptionSweep) {
}
