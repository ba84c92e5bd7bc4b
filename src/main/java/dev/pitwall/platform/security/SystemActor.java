package dev.pitwall.platform.security;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Names the actor of changes made by a background job (the demo generator, a scheduled import)
 * so the audit log says who made them rather than "system".
 */
public final class SystemActor {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private SystemActor() {
    }

    /** Runs {@code work} with {@code name} recorded as the actor of its changes. */
    public static <T> T runAs(String name, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(name);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
