/**
 * Telemetry: usage events ingested from native NDJSON, OpenTelemetry and SaaS reports, attributed
 * to people, AI systems and workflows, stored durably without duplicates, and rolled up by day.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telemetry")
package dev.pitwall.telemetry;
