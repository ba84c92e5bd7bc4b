package dev.pitwall.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo organization, under {@code pitwall.demo.*} (only read in the {@code demo} profile).
 *
 * @param telemetry whether to generate the 90 days of telemetry (about 240,000 events, some 12 s
 *     on H2 with two cores); tests that only need the organization turn it off
 */
@ConfigurationProperties("pitwall.demo")
record DemoProperties(@DefaultValue("true") boolean telemetry) {
}
