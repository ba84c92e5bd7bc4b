package dev.pitwall.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Evidence that a higher module generates from its own records (operations: active monitors, handled
 * incidents, passed fallback drills). It is computed whenever controls are read, only while the
 * records support it, so it lapses on its own; the gate and the coverage see it like any other
 * evidence. Implementations read their own tables only: the gate is built before other services.
 */
public interface GeneratedEvidenceSource {

    /**
     * Evidence valid on {@code day}, by workflow id and control key.
     *
     * @param tiers the workflows asked about, each with its current risk tier ({@code null} when not
     *     classified)
     */
    Map<Long, Map<String, List<Evidence>>> evidence(Map<Long, RiskTier> tiers, LocalDate day);

    /** Evidence of this kind: {@code url} is a path in Pitwall, {@code id} 0 (it cannot be removed). */
    String KIND = "GENERATED";
}
