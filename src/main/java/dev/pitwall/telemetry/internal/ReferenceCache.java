package dev.pitwall.telemetry.internal;

import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The AI systems, workflows and enabled attribution rules that ingestion resolves against, loaded
 * at most every few seconds instead of for every batch. A key that is not found reloads at once
 * (so a system registered a moment ago is never refused), and this node's rule changes clear it;
 * rule changes made on another node reach this one within {@link #TTL}.
 */
@Component
public class ReferenceCache {

    static final Duration TTL = Duration.ofSeconds(5);

    /** One consistent view of the references. */
    public record References(Map<String, Long> systemIds, Map<String, Long> workflowIds,
            List<AttributionRules.Row> enabledRules, Instant loadedAt, Map<Long, String> systemKeys,
            Map<Long, String> workflowKeys) {

        References(Map<String, Long> systemIds, Map<String, Long> workflowIds, List<AttributionRules.Row> enabledRules,
                Instant loadedAt) {
            this(systemIds, workflowIds, enabledRules, loadedAt, inverted(systemIds), inverted(workflowIds));
        }

        private static Map<Long, String> inverted(Map<String, Long> ids) {
            Map<Long, String> keys = new HashMap<>();
            ids.forEach((key, id) -> keys.put(id, key));
            return Map.copyOf(keys);
        }
    }

    private final AiSystemService systems;
    private final WorkflowService workflows;
    private final AttributionRules rules;
    private final Clock clock;
    private volatile References current;

    ReferenceCache(AiSystemService systems, WorkflowService workflows, AttributionRules rules, Clock clock) {
        this.systems = systems;
        this.workflows = workflows;
        this.rules = rules;
        this.clock = clock;
    }

    public References get() {
        References references = current;
        if (references == null || references.loadedAt().plus(TTL).isBefore(clock.instant())) {
            references = load();
        }
        return references;
    }

    /**
     * References that were read from the database after {@code notBefore}: the current ones
     * when a load began since then (another thread's, or this batch's own earlier reload), else a
     * new load. A batch passes its own start, so whatever existed when it arrived is found, and
     * several unknown keys in one batch cost at most one load.
     */
    public References reload(Instant notBefore) {
        References references = current;
        // Strictly after: a load stamped with the very instant the batch began (a clock that did not
        // move between them) may have begun before rows committed in that instant.
        return references != null && references.loadedAt().isAfter(notBefore) ? references : load();
    }

    /** The cache's clock reading, for a batch to mark its start. */
    public Instant now() {
        return clock.instant();
    }

    public void invalidate() {
        current = null;
    }

    private synchronized References load() {
        // Stamped with the time the reads began: everything committed before then is in them.
        Instant began = clock.instant();
        Map<String, Long> systemIds = new HashMap<>();
        for (AiSystem system : systems.findAll()) {
            systemIds.put(system.key(), system.id());
        }
        Map<String, Long> workflowIds = new HashMap<>();
        for (Workflow workflow : workflows.find(null, null)) {
            workflowIds.put(workflow.key(), workflow.id());
        }
        References references = new References(Map.copyOf(systemIds), Map.copyOf(workflowIds),
                rules.findAll().stream().filter(r -> r.rule().enabled()).toList(), began);
        current = references;
        return references;
    }
}
