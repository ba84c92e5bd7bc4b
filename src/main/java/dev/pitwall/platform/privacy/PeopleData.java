package dev.pitwall.platform.privacy;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees usage data of named people. A view of such data (a drill-down to people, a list of
 * usage events) asks {@link #open}: holders of {@code people:identify} see names and emails, and
 * the view is written to the audit log (who, what, how many people); everyone else sees stable
 * pseudonyms instead, or, with {@code pitwall.privacy.pseudonymous=false}, is refused.
 */
@Component
public class PeopleData {

    /** The audit log's entity type of an identified view. */
    public static final String IDENTIFIED_VIEW = "IDENTIFIED_VIEW";

    private final PrivacyProperties properties;
    private final Pseudonyms pseudonyms;
    private final AuditLog auditLog;

    PeopleData(PrivacyProperties properties, Pseudonyms pseudonyms, AuditLog auditLog) {
        this.properties = properties;
        this.pseudonyms = pseudonyms;
        this.auditLog = auditLog;
    }

    /** How one view shows people. */
    public record View(boolean identified, Pseudonyms pseudonyms) {

        public String name(long personId, String name) {
            return identified ? name : pseudonyms.of(personId);
        }

        /** The email of an identified view; none under a pseudonym. */
        public String email(String email) {
            return identified ? email : null;
        }

        /** What else names a person (a team, a reference): shown only when identified. */
        public String detail(String detail) {
            return identified ? detail : null;
        }
    }

    /** What the audit log records of an identified view: never who was seen, only how many. */
    record IdentifiedView(String kind, String view, int people) {
    }

    /**
     * Opens a view of usage data about {@code people} people: {@code kind} names the view (the audit
     * entry's id, e.g. "adoption-drill-down") and {@code view} describes it without naming anyone
     * (e.g. "adoption level 2 of workflow invoice-exceptions"); audited when it identifies them.
     *
     * @throws AccessDeniedException when the user may not identify people and pseudonyms are off
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public View open(String kind, String view, int people) {
        if (identifies()) {
            if (people > 0) {
                auditLog.append(AuditRecord.created(IDENTIFIED_VIEW, kind, new IdentifiedView(kind, view, people)));
            }
            return new View(true, pseudonyms);
        }
        if (!properties.pseudonymous()) {
            throw new AccessDeniedException("Seeing usage data of people needs the people:identify permission.");
        }
        return new View(false, pseudonyms);
    }

    /** Whether the current user may see usage data of named people. */
    public boolean identifies() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && PitwallPrincipal.current().isPresent() && authentication.getAuthorities()
                .stream().anyMatch(a -> Permission.PEOPLE_IDENTIFY.authority().equals(a.getAuthority()));
    }

    public int minGroupSize() {
        return properties.minGroupSize();
    }

    public String pseudonym(long personId) {
        return pseudonyms.of(personId);
    }
}
