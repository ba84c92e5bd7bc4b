package dev.pitwall.telemetry;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.internal.Batches;
import dev.pitwall.telemetry.internal.Evaluations;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluation scores of AI systems ({@code gen_ai.evaluation.result}). Each is tied to an AI system:
 * the one it names ({@code pitwall.system}), else the one of the usage event it evaluated (same
 * trace and span), else the one its telemetry identifies; an evaluation of no known system is
 * rejected, since no metric could use it.
 */
@Service
public class EvaluationService {

    private static final int WRITE_ATTEMPTS = 3;

    private final Evaluations evaluations;
    private final UsageEventStore events;
    private final Batches batches;
    private final AiSystemService systems;
    private final WorkflowService workflows;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EvaluationService(Evaluations evaluations, UsageEventStore events, Batches batches, AiSystemService systems,
            WorkflowService workflows, TransactionTemplate transactions, Clock clock) {
        this.evaluations = evaluations;
        this.events = events;
        this.batches = batches;
        this.systems = systems;
        this.workflows = workflows;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores the evaluations of one OTLP logs request; the result counts log records as items. */
    public IngestionResult ingest(ParsedEvaluations parsed, String actor) {
        return ingest(TelemetrySource.OTLP_EVALUATION, parsed, actor);
    }

    /** Stores the evaluations of one request from a source; the result counts items. */
    public IngestionResult ingest(TelemetrySource source, ParsedEvaluations parsed, String actor) {
        Instant now = clock.instant();
        List<Violation> rejections = new ArrayList<>(parsed.rejections());
        Map<String, IncomingEvaluation> unique = new LinkedHashMap<>();
        int repeated = 0;
        for (IncomingEvaluation evaluation : parsed.evaluations()) {
            if (unique.putIfAbsent(evaluation.evaluationId(), evaluation) != null) {
                repeated++;
            }
        }
        List<Evaluations.Resolved> resolved = resolve(List.copyOf(unique.values()), rejections);
        rejections.sort(Comparator.comparing(Violation::line, Comparator.nullsFirst(Comparator.naturalOrder())));
        int rejected = (int) rejections.stream().map(Violation::line).distinct().count();
        if (resolved.isEmpty() && repeated == 0 && rejected == 0) {
            return new IngestionResult(0, 0, 0, 0, parsed.skipped(), List.of());
        }
        int repeatedInRequest = repeated;
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Set<String> stored = evaluations.existing(resolved.stream().map(r -> r.evaluation().evaluationId()).toList());
                    List<Evaluations.Resolved> fresh = resolved.stream()
                            .filter(r -> !stored.contains(r.evaluation().evaluationId())).toList();
                    int duplicates = repeatedInRequest + stored.size();
                    long batchId = batches.insert(source, actor, fresh.size(), duplicates, rejected,
                            parsed.skipped(), rejections, now, false);
                    evaluations.insertAll(fresh, batchId, now);
                    return new IngestionResult(batchId, fresh.size(), duplicates, rejected, parsed.skipped(),
                            List.copyOf(rejections));
                });
            } catch (DuplicateKeyException e) {
                // Another request stored one of them meanwhile: look again.
                if (attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<Evaluations.Resolved> resolve(List<IncomingEvaluation> incoming, List<Violation> rejections) {
        Map<String, Long> systemIds = new HashMap<>();
        systems.findAll().forEach(s -> systemIds.put(s.key(), s.id()));
        Map<String, UsageEvents.Link> links = events.links(TelemetrySource.OTLP,
                incoming.stream().map(IncomingEvaluation::eventRef).filter(Objects::nonNull).distinct().toList());
        Map<TelemetryIdentity, Optional<Long>> identities = new HashMap<>();
        List<Evaluations.Resolved> resolved = new ArrayList<>();
        for (IncomingEvaluation e : incoming) {
            UsageEvents.Link link = e.eventRef() == null ? null : links.get(e.eventRef());
            Long systemId;
            if (e.systemKey() != null) {
                systemId = systemIds.get(e.systemKey());
                if (systemId == null) {
                    rejections.add(Violation.ofLine(e.line(), "pitwall.system", "no AI system has the key '" + e.systemKey() + "'"));
                    continue;
                }
            } else if (link != null && link.systemId() != null) {
                systemId = link.systemId();
            } else {
                systemId = identities.computeIfAbsent(e.identity(),
                        identity -> systems.lookup(identity).map(AiSystemService.AiSystemMatch::systemId)).orElse(null);
            }
            if (systemId == null) {
                rejections.add(Violation.ofLine(e.line(), "resource", "no AI system is known for this evaluation: name it "
                        + "with pitwall.system, export the evaluated span first, or register a telemetry key for "
                        + "service.name '" + e.identity().serviceName() + "'"));
                continue;
            }
            Long workflowId = link == null ? null : link.workflowId();
            if (e.workflowKey() != null) {
                Optional<Workflow> workflow = workflows.findByKey(e.workflowKey());
                if (workflow.isEmpty()) {
                    rejections.add(Violation.ofLine(e.line(), "pitwall.workflow", "no workflow has the key '" + e.workflowKey() + "'"));
                    continue;
                }
                workflowId = workflow.get().id();
            }
            resolved.add(new Evaluations.Resolved(e, systemId, workflowId));
        }
        return resolved;
    }

    public PageResult<Evaluation> find(String systemKey, Instant from, Instant to, PageQuery page) {
        SqlWhere where = new SqlWhere()
                .and("v.system_id = (SELECT id FROM portfolio_ai_system WHERE system_key = :system)", "system", systemKey)
                .and("v.occurred_at >= :from", "from", from == null ? null : utc(from))
                .and("v.occurred_at < :to", "to", to == null ? null : utc(to));
        return PageResult.of(evaluations.find(where, page), page, evaluations.count(where));
    }

    public List<EvaluationSummary> summary(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw InvalidInputException.ofField("to", "from and to are required, to not before from");
        }
        return evaluations.summary(from, to);
    }

}
