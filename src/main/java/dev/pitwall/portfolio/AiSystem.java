package dev.pitwall.portfolio;

import java.util.List;

/**
 * A model, agent or AI product, with the keys that attribute telemetry to it.
 *
 * @param id the system's id
 * @param key stable slug, e.g. {@code invoiceiq}
 * @param name display name
 * @param kind what it is
 * @param provider who provides it
 * @param models the models it runs
 * @param ownerId the owning person
 * @param ownerName their name
 * @param description what it does
 * @param telemetryKeys how telemetry names it
 */
public record AiSystem(long id, String key, String name, AiSystemKind kind, String provider, List<String> models,
        Long ownerId, String ownerName, String description, List<TelemetryKey> telemetryKeys) {
}
