package dev.pitwall.portfolio;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.WorkflowDetails.DataAssessment;
import dev.pitwall.portfolio.WorkflowDetails.DataSource;
import dev.pitwall.portfolio.internal.WorkflowParts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readiness of the data workflows depend on: assessments of freshness, quality, access and
 * governance (0–4 each) with their history. The sources themselves belong to the workflow's
 * definition.
 */
@Service
public class DataReadinessService {

    static final String ENTITY = "DATA_ASSESSMENT";

    private final WorkflowReader reader;
    private final WorkflowParts parts;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    DataReadinessService(WorkflowReader reader, WorkflowParts parts, AuditLog auditLog, InputValidator validator,
            Clock clock) {
        this.reader = reader;
        this.parts = parts;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DataSource> sources(String workflowKey) {
        return parts.dataSources(reader.workflow(workflowKey).id());
    }

    @Transactional(readOnly = true)
    public List<DataAssessment> history(long sourceId) {
        parts.workflowOfSource(sourceId).orElseThrow(() -> new DataSourceNotFound(sourceId));
        return parts.assessments(sourceId);
    }

    @Transactional
    public DataAssessment assess(long sourceId, DataAssessmentRequest request) {
        validator.validate(request);
        parts.workflowOfSource(sourceId).orElseThrow(() -> new DataSourceNotFound(sourceId));
        LocalDate today = LocalDate.now(clock);
        LocalDate on = request.assessedOn() == null ? today : request.assessedOn();
        if (on.isAfter(today)) {
            throw InvalidInputException.ofField("assessedOn", "must not be in the future");
        }
        long id = parts.insertAssessment(sourceId, new DataAssessment(0, on, request.freshness(), request.quality(),
                request.access(), request.governance(), request.note() == null ? null : request.note().trim()),
                clock.instant());
        DataAssessment created = parts.assessments(sourceId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        auditLog.append(AuditRecord.created(ENTITY, id, new Recorded(sourceId, created, created.score())));
        return created;
    }

    /** What the audit log records of an assessment. */
    record Recorded(long dataSourceId, DataAssessment assessment, java.math.BigDecimal score) {
    }
}
