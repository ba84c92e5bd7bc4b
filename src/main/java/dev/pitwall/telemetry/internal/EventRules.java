package dev.pitwall.telemetry.internal;

import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.TelemetryProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The checks every usage event passes whatever its source: an id, a plausible time, no negative
 * quantities, and values that fit their columns. Readers check syntax and types; this checks sense.
 */
@Component
public class EventRules {

    /** Earlier times are typos (or epoch zero from a sender that lost its clock). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final BigDecimal MAX_COST = new BigDecimal("999999999999");

    private final TelemetryProperties properties;

    EventRules(TelemetryProperties properties) {
        this.properties = properties;
    }

    public List<Violation> check(IncomingEvent event, Instant now) {
        return check(event, now, null);
    }

    /**
     * As {@link #check(IncomingEvent, Instant)}, also refusing an event of a day before
     * {@code keptFrom}, whose raw events the retention has deleted: it might be one of them, sent
     * again, and would be counted twice.
     */
    public List<Violation> check(IncomingEvent event, Instant now, java.time.LocalDate keptFrom) {
        List<Violation> problems = new ArrayList<>(0);
        if (keptFrom != null && event.time() != null && event.day().isBefore(keptFrom)) {
            problems.add(Violation.ofLine(event.line(), "time", "is before " + keptFrom
                    + ": raw usage events of earlier days are no longer kept (pitwall.telemetry.retention)"));
        }
        int line = event.line();
        if (event.eventId() == null || event.eventId().isBlank()) {
            problems.add(Violation.ofLine(line, "id", "is required"));
        } else if (event.eventId().length() > 200) {
            problems.add(Violation.ofLine(line, "id", "must be at most 200 characters"));
        }
        if (event.time() == null) {
            problems.add(Violation.ofLine(line, "time", "is required"));
        } else if (event.time().isAfter(now.plus(properties.maxClockSkew()))) {
            problems.add(Violation.ofLine(line, "time", "lies in the future (" + event.time() + ")"));
        } else if (event.time().isBefore(EARLIEST)) {
            problems.add(Violation.ofLine(line, "time", "is before 2000 (" + event.time() + ")"));
        }
        notNegative(problems, line, "inputTokens", event.inputTokens());
        notNegative(problems, line, "outputTokens", event.outputTokens());
        notNegative(problems, line, "latencyMs", event.latencyMs());
        if (event.cost() != null && (event.cost().signum() < 0 || event.cost().compareTo(MAX_COST) > 0)) {
            problems.add(Violation.ofLine(line, "cost", "must be between 0 and " + MAX_COST.toPlainString()));
        }
        fits(problems, line, "person", event.person(), 320);
        fits(problems, line, "operation", event.operation(), 100);
        fits(problems, line, "model", event.model(), 200);
        text(problems, line, "id", event.eventId());
        text(problems, line, "person", event.person());
        text(problems, line, "system", event.systemKey());
        text(problems, line, "workflow", event.workflowKey());
        text(problems, line, "operation", event.operation());
        text(problems, line, "model", event.model());
        if (event.identity() != null) {
            text(problems, line, "service.name", event.identity().serviceName());
            text(problems, line, "gen_ai.agent.name", event.identity().agentName());
            text(problems, line, "gen_ai.provider.name", event.identity().providerName());
            text(problems, line, "gen_ai.request.model", event.identity().model());
            text(problems, line, "application id", event.identity().applicationId());
        }
        if (event.attributes() != null) {
            attributes(problems, line, "attributes", event.attributes(), 0);
        }
        return problems;
    }

    /**
     * Whether the event's references can be looked up at all: text {@link TextPolicy} refuses (a NUL
     * above all) must not reach a database query, which PostgreSQL answers with an error.
     */
    public boolean resolvable(IncomingEvent event) {
        return TextPolicy.problem(event.person()).isEmpty() && TextPolicy.problem(event.systemKey()).isEmpty()
                && TextPolicy.problem(event.workflowKey()).isEmpty()
                && (event.identity() == null || TextPolicy.problem(String.valueOf(event.identity())).isEmpty());
    }

    /** Text that reaches pages and exports: refused when {@link TextPolicy} does not accept it. */
    private static void text(List<Violation> problems, int line, String field, String value) {
        TextPolicy.problem(value).ifPresent(reason -> problems.add(Violation.ofLine(line, field, reason)));
    }

    private static void attributes(List<Violation> problems, int line, String path, Object value, int depth) {
        if (value instanceof java.util.Map<?, ?> map && depth < 16) {
            map.forEach((key, nested) -> {
                text(problems, line, path, String.valueOf(key));
                attributes(problems, line, path + "." + key, nested, depth + 1);
            });
        } else if (value instanceof java.util.Collection<?> list && depth < 16) {
            int i = 0;
            for (Object nested : list) {
                attributes(problems, line, path + "[" + i++ + "]", nested, depth + 1);
            }
        } else if (value instanceof String string) {
            text(problems, line, path, string);
        }
    }

    private static void notNegative(List<Violation> problems, int line, String field, Long value) {
        if (value != null && value < 0) {
            problems.add(Violation.ofLine(line, field, "must not be negative"));
        }
    }

    private static void fits(List<Violation> problems, int line, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(Violation.ofLine(line, field, "must be at most " + max + " characters"));
        }
    }
}
