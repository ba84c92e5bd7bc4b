package dev.pitwall.governance;

import dev.pitwall.governance.internal.Classifications;
import dev.pitwall.governance.policy.RiskPolicy;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Classifies workflows by risk with {@link RiskPolicy}; every classification is a new, audited version. */
@Service
public class ClassificationService {

    static final String ENTITY = "risk-classification";

    private final Classifications classifications;
    private final WorkflowService workflows;
    private final AuditLog auditLog;
    private final Clock clock;

    ClassificationService(Classifications classifications, WorkflowService workflows, AuditLog auditLog, Clock clock) {
        this.classifications = classifications;
        this.workflows = workflows;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the policy makes of these answers, without recording anything (for a preview). */
    public RiskClassification preview(RiskQuestionnaire answers) {
        check(answers);
        return RiskPolicy.classify(answers);
    }

    @Transactional
    public WorkflowClassification classify(String workflowKey, RiskQuestionnaire answers) {
        check(answers);
        Workflow workflow = workflows.get(workflowKey);
        Optional<WorkflowClassification> before = classifications.current(workflow.id());
        RiskClassification result = RiskPolicy.classify(answers);
        classifications.insert(workflow.id(), answers, result, PitwallPrincipal.currentActorName(), clock.instant());
        WorkflowClassification after = classifications.current(workflow.id()).orElseThrow();
        auditLog.append(before.isEmpty() ? AuditRecord.created(ENTITY, workflowKey, after)
                : AuditRecord.updated(ENTITY, workflowKey, before.get(), after));
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<WorkflowClassification> current(String workflowKey) {
        return classifications.current(workflows.get(workflowKey).id());
    }

    @Transactional(readOnly = true)
    public List<WorkflowClassification> history(String workflowKey) {
        return classifications.history(workflows.get(workflowKey).id());
    }

    private static void check(RiskQuestionnaire answers) {
        List<Violation> violations = new ArrayList<>();
        if (answers == null) {
            throw InvalidInputException.ofField("answers", "are required");
        }
        if (answers.autonomy() == null) {
            violations.add(Violation.ofField("autonomy", "is SUGGESTS, ACTS_WITH_APPROVAL or ACTS_ALONE"));
        }
        for (int i = 0; i < answers.annexIiiUseCases().size(); i++) {
            if (!RiskQuestionnaire.ANNEX_III.contains(answers.annexIiiUseCases().get(i))) {
                violations.add(Violation.ofField("annexIiiUseCases[" + i + "]", "'" + answers.annexIiiUseCases().get(i)
                        + "' is not an Annex III point (1(a) to 8(b), e.g. 4(a))"));
            }
        }
        for (int i = 0; i < answers.prohibitedPractices().size(); i++) {
            if (!RiskQuestionnaire.PROHIBITED.contains(answers.prohibitedPractices().get(i))) {
                violations.add(Violation.ofField("prohibitedPractices[" + i + "]", "'"
                        + answers.prohibitedPractices().get(i) + "' is not an Art. 5 practice (5(1)(a) to 5(1)(h))"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The risk questionnaire has invalid answers.", violations);
        }
    }
}
