package dev.pitwall.portfolio;

import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.internal.AiSystems;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintains the AI systems and answers which system a piece of telemetry belongs to
 * ({@link #lookup(TelemetryIdentity)}), so that telemetry can be attributed.
 */
@Service
public class AiSystemService {

    static final String ENTITY = "AI_SYSTEM";

    private final AiSystems systems;
    private final PersonService people;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    AiSystemService(AiSystems systems, PersonService people, AuditLog auditLog, InputValidator validator, Clock clock) {
        this.systems = systems;
        this.people = people;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AiSystem> findAll() {
        return systems.findAll();
    }

    @Transactional(readOnly = true)
    public AiSystem get(String key) {
        return systems.findByKey(key).orElseThrow(() -> new AiSystemNotFound(key));
    }

    @Transactional(readOnly = true)
    public Optional<AiSystem> findByKey(String key) {
        return systems.findByKey(key);
    }

    @Transactional
    public AiSystem create(AiSystemDraft draft) {
        check(draft, null);
        long id = systems.insert(draft, clock.instant());
        AiSystem created = get(draft.key());
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    @Transactional
    public AiSystem update(String key, AiSystemDraft draft) {
        AiSystem before = get(key);
        check(draft, before.id());
        systems.update(before.id(), draft, clock.instant());
        AiSystem after = get(draft.key());
        auditLog.append(AuditRecord.updated(ENTITY, before.id(), before, after));
        return after;
    }

    /** Deletes a system no workflow uses. */
    @Transactional
    public void delete(String key) {
        AiSystem before = get(key);
        if (systems.usage(before.id()) > 0) {
            throw new ConflictException("AI_SYSTEM_IN_USE", "Workflows still use '" + key + "'.");
        }
        systems.delete(before.id());
        auditLog.append(AuditRecord.deleted(ENTITY, before.id(), before));
    }

    /**
     * The AI system a piece of telemetry belongs to, trying the most specific key first: an
     * application id, then {@code gen_ai.agent.name}, then {@code service.name}, then provider and
     * model, then the provider alone.
     */
    @Transactional(readOnly = true)
    public Optional<AiSystemMatch> lookup(TelemetryIdentity identity) {
        return first(TelemetryKeyKind.APPLICATION_ID, identity.applicationId(), null)
                .or(() -> first(TelemetryKeyKind.AGENT_NAME, identity.agentName(), null))
                .or(() -> first(TelemetryKeyKind.SERVICE_NAME, identity.serviceName(), null))
                .or(() -> providerMatch(identity, true))
                .or(() -> providerMatch(identity, false));
    }

    /**
     * A telemetry match.
     *
     * @param systemId the system's id
     * @param systemKey the system's key
     * @param matchedBy which kind of key matched
     */
    public record AiSystemMatch(long systemId, String systemKey, TelemetryKeyKind matchedBy) {
    }

    private Optional<AiSystemMatch> first(TelemetryKeyKind kind, String value, String model) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return systems.matching(kind, value.trim()).stream().findFirst()
                .map(m -> new AiSystemMatch(m.systemId(), m.systemKey(), kind));
    }

    private Optional<AiSystemMatch> providerMatch(TelemetryIdentity identity, boolean withModel) {
        if (identity.providerName() == null || identity.providerName().isBlank()) {
            return Optional.empty();
        }
        return systems.matching(TelemetryKeyKind.PROVIDER_MODEL, identity.providerName().trim()).stream()
                .filter(m -> withModel ? m.model() != null && m.model().equalsIgnoreCase(identity.model()) : m.model() == null)
                .findFirst().map(m -> new AiSystemMatch(m.systemId(), m.systemKey(), TelemetryKeyKind.PROVIDER_MODEL));
    }

    private void check(AiSystemDraft draft, Long self) {
        validator.validate(draft);
        // Stored joined by commas in one column of 1,000 characters.
        if (String.join(",", draft.modelsOrEmpty()).length() > 1000) {
            throw InvalidInputException.ofField("models", "together have at most 1000 characters");
        }
        systems.findByKey(draft.key()).filter(s -> self == null || s.id() != self).ifPresent(s -> {
            throw new ConflictException("AI_SYSTEM_KEY_TAKEN", "An AI system with the key '" + draft.key() + "' exists.");
        });
        if (draft.ownerId() != null && people.findAllById(List.of(draft.ownerId())).isEmpty()) {
            throw InvalidInputException.ofField("ownerId", "no person has the id " + draft.ownerId());
        }
        for (int i = 0; i < draft.telemetryKeysOrEmpty().size(); i++) {
            TelemetryKey key = draft.telemetryKeysOrEmpty().get(i);
            if (key.model() != null && !key.model().isBlank() && key.kind() != TelemetryKeyKind.PROVIDER_MODEL) {
                throw InvalidInputException.ofField("telemetryKeys[" + i + "].model",
                        "only PROVIDER_MODEL keys name a model");
            }
        }
    }
}
