package dev.pitwall.governance;

import dev.pitwall.governance.internal.Controls;
import dev.pitwall.governance.internal.FrameworkCatalogs;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control library: Pitwall's controls and the organization's own. Every change makes a new
 * version, keeps a snapshot of it and is audited.
 */
@Service
public class ControlLibraryService {

    static final String ENTITY = "control";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Controls controls;
    private final FrameworkCatalogs catalogs;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    ControlLibraryService(Controls controls, FrameworkCatalogs catalogs, AuditLog auditLog, InputValidator validator,
            Clock clock) {
        this.controls = controls;
        this.catalogs = catalogs;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Control> all() {
        return controls.findAll();
    }

    @Transactional(readOnly = true)
    public Control get(String key) {
        return controls.findByKey(key).orElseThrow(() -> new ControlNotFound(key));
    }

    /** The controls a workflow of this tier, with these EU AI Act obligations, must implement. */
    @Transactional(readOnly = true)
    public List<Control> requiredFor(RiskTier tier, java.util.Set<EuCategory> obligations) {
        return controls.findAll().stream().filter(c -> c.requiredFor(tier, obligations)).toList();
    }

    @Transactional
    public Control create(ControlDraft draft) {
        validator.validate(draft);
        checkReferences(draft.references());
        if (controls.findByKey(draft.key()).isPresent()) {
            throw new ConflictException("CONTROL_EXISTS", "A control '" + draft.key() + "' exists already.");
        }
        long id = controls.insert(draft, clock.instant());
        Control created = get(draft.key());
        controls.recordVersion(id, 1, JSON.writeValueAsString(created), PitwallPrincipal.currentActorName(),
                clock.instant());
        auditLog.append(AuditRecord.created(ENTITY, draft.key(), created));
        return created;
    }

    @Transactional
    public Control update(String key, ControlDraft draft) {
        validator.validate(draft);
        Control before = get(key);
        if (!draft.key().equals(key)) {
            throw InvalidInputException.ofField("key", "is the control's stable id and cannot change (it is '" + key + "')");
        }
        checkReferences(draft.references());
        int version = before.version() + 1;
        controls.update(before.id(), draft, version, clock.instant());
        Control after = get(key);
        controls.recordVersion(before.id(), version, JSON.writeValueAsString(after), PitwallPrincipal.currentActorName(),
                clock.instant());
        auditLog.append(AuditRecord.updated(ENTITY, key, before, after));
        return after;
    }

    /** Every version of a control, newest first; version 1 of a built-in control is as shipped. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> versions(String key) {
        return controls.versions(get(key).id());
    }

    private void checkReferences(List<ControlReference> references) {
        List<Violation> violations = new ArrayList<>();
        Map<Framework, Set<String>> known = new java.util.EnumMap<>(Framework.class);
        for (int i = 0; i < references.size(); i++) {
            ControlReference r = references.get(i);
            Set<String> refs = known.computeIfAbsent(r.framework(), f -> {
                Set<String> all = new HashSet<>();
                catalogs.items(f).forEach(item -> all.add(item.ref()));
                return all;
            });
            if (!refs.contains(r.ref())) {
                violations.add(Violation.ofField("references[" + i + "].ref",
                        "'" + r.ref() + "' is not in the " + r.framework().label() + " catalog"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("A control may only reference entries of the loaded catalogs.", violations);
        }
    }
}
