package dev.pitwall.measurement.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Computed scorecards by scope and as-of date. An entry is used while the operating model is
 * unchanged (the audit log's last sequence: KPIs, measurements, deployments, the portfolio, the
 * directory) — any such change recomputes at once. Usage data changes all the time while
 * telemetry flows, so an entry older than the TTL whose usage has changed is served once more
 * while it is recomputed in the background: figures lag arriving telemetry by at most about the
 * TTL, and no reader waits for a recomputation after the first.
 */
public class ScorecardCache {

    /** What the figures were computed from. */
    public record Versions(long operatingModel, String usage) {
    }

    private record Entry(Object value, Versions versions, Instant computedAt) {
    }

    private final Map<String, Entry> entries;
    /** Keys being refreshed, so a burst of readers starts one refresh. */
    private final java.util.Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Duration ttl;
    private final Clock clock;
    private final Executor refresher;

    public ScorecardCache(int capacity, Duration ttl, Clock clock, Executor refresher) {
        this.ttl = ttl;
        this.clock = clock;
        this.refresher = refresher;
        this.entries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        });
    }

    /**
     * The cached value of {@code key} for these versions, computing it when there is none or the
     * operating model changed, and refreshing it in the background when only usage changed and
     * the entry is older than the TTL.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Versions current, Supplier<T> compute) {
        Entry entry = entries.get(key);
        if (entry == null || entry.versions().operatingModel() != current.operatingModel()) {
            return (T) store(key, current, compute);
        }
        if (!Objects.equals(entry.versions().usage(), current.usage())
                && !entry.computedAt().plus(ttl).isAfter(clock.instant())) {
            if (ttl.isZero()) {
                return (T) store(key, current, compute);
            }
            if (refreshing.add(key)) {
                refresher.execute(() -> {
                    try {
                        store(key, current, compute);
                    } finally {
                        refreshing.remove(key);
                    }
                });
            }
        }
        return (T) entry.value();
    }

    /** When the value served for {@code key} was computed, if it is cached. */
    public Instant computedAt(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.computedAt();
    }

    public void clear() {
        entries.clear();
    }

    private Object store(String key, Versions versions, Supplier<?> compute) {
        Instant started = clock.instant();
        Object value = compute.get();
        entries.put(key, new Entry(value, versions, started));
        return value;
    }
}
