package dev.pitwall.platform.audit.web;

import dev.pitwall.platform.audit.AuditAction;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.Paging;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PreAuthorize(Permission.Checks.AUDIT_READ)
class AuditPageController {

    private final AuditLog auditLog;
    private final Paging paging;

    AuditPageController(AuditLog auditLog, Paging paging) {
        this.auditLog = auditLog;
        this.paging = paging;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page, Model model) {
        AuditQuery query = new AuditQuery(blankToNull(entityType), blankToNull(entityId), blankToNull(actor), action,
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        model.addAttribute("entries", auditLog.find(query, paging.of(page, 50)));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("filter", new Filter(entityType, entityId, actor, action, from, to));
        return "platform/audit";
    }

    @GetMapping("/audit/verification")
    String verify(Model model) {
        model.addAttribute("verification", auditLog.verify());
        return "platform/audit :: verification";
    }

    record Filter(String entityType, String entityId, String actor, AuditAction action, LocalDate from, LocalDate to) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
