package dev.pitwall.platform.audit.web;

import dev.pitwall.platform.audit.AuditAction;
import dev.pitwall.platform.audit.AuditEntry;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.audit.AuditVerification;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log", description = "The append-only, hash-chained record of every change")
@PreAuthorize(Permission.Checks.AUDIT_READ)
class AuditApiController {

    private final AuditLog auditLog;
    private final Paging paging;

    AuditApiController(AuditLog auditLog, Paging paging) {
        this.auditLog = auditLog;
        this.paging = paging;
    }

    @GetMapping
    @Operation(summary = "List audit entries, newest first",
            description = "Filters combine; time bounds are ISO-8601 instants, `from` inclusive, `to` exclusive.")
    PageResult<AuditEntry> list(@RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return auditLog.find(new AuditQuery(entityType, entityId, actor, action, from, to), paging.of(page, size));
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the hash chain",
            description = "Recomputes every entry's hash in order and reports the first broken link, if any.")
    AuditVerification verify() {
        return auditLog.verify();
    }
}
