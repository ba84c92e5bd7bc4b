package dev.pitwall.board;

import dev.pitwall.board.internal.SavedViews;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.platform.web.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named scorecard views, saved per user and opened by their link. Only scorecard pages and their
 * known filters are kept, so a view's link can never lead anywhere else.
 */
@Service
@Transactional
public class SavedViewService {

    static final String ENTITY = "saved-view";
    /** The scorecard pages a view may open. */
    private static final Pattern PATH = Pattern.compile("/scorecards(/initiatives/\\d{1,18}|/teams/\\d{1,18}"
            + "|/workflows/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?");
    /** The filters and settings a scorecard page reads from its address. */
    public static final Set<String> PARAMETERS = Set.of("asOf", "compare", "compareDate", "initiative", "team", "stage",
            "constraint");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:-]{0,64}");

    private final SavedViews views;
    private final AuditLog auditLog;
    private final Clock clock;

    SavedViewService(SavedViews views, AuditLog auditLog, Clock clock) {
        this.views = views;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Saves the page and its filters under a name of the signed-in user's own; bad input is refused whole. */
    public SavedView save(String name, String path, String query) {
        String owner = owner();
        List<Violation> violations = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        TextPolicy.problem(trimmed).ifPresent(r -> violations.add(Violation.ofField("name", r)));
        if (trimmed.isEmpty()) {
            violations.add(Violation.ofField("name", "is required"));
        } else if (trimmed.length() > 200) {
            violations.add(Violation.ofField("name", "is longer than 200 characters"));
        } else if (views.exists(owner, trimmed)) {
            violations.add(Violation.ofField("name", "you already have a view named '" + trimmed + "'"));
        }
        if (path == null || !PATH.matcher(path).matches()) {
            violations.add(Violation.ofField("path", "is a scorecard page: /scorecards, /scorecards/initiatives/{id}, "
                    + "/scorecards/teams/{id} or /scorecards/workflows/{key}"));
        }
        String canonical = canonicalQuery(query, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The view was not saved.", violations);
        }
        long id = views.insert(owner, trimmed, path, canonical, clock.instant());
        SavedView view = views.find(id).orElseThrow();
        auditLog.append(AuditRecord.created(ENTITY, id, Map.of("name", trimmed, "url", view.url())));
        return view;
    }

    /** The query with known parameters only, each once, in a fixed order, blanks dropped. */
    public static String canonicalQuery(String query, List<Violation> violations) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            for (String pair : query.replaceFirst("^\\?", "").split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (!PARAMETERS.contains(key)) {
                    violations.add(Violation.ofField("query", "'" + key + "' is not a scorecard filter; one of "
                            + String.join(", ", PARAMETERS.stream().sorted().toList())));
                } else if (!VALUE.matcher(value).matches()) {
                    violations.add(Violation.ofField("query", "the value of '" + key + "' is not a filter value"));
                } else if (!value.isEmpty()) {
                    params.put(key, value);
                }
            }
        }
        return String.join("&", PARAMETERS.stream().sorted().filter(params::containsKey)
                .map(k -> k + "=" + params.get(k)).toList());
    }

    @Transactional(readOnly = true)
    public List<SavedView> mine() {
        return views.ofOwner(owner());
    }

    /** A view by its link: anyone who may read scorecards may open it. */
    @Transactional(readOnly = true)
    public SavedView get(long id) {
        return views.find(id).orElseThrow(() -> new SavedViewNotFound(id));
    }

    /** Deletes a view (its owner, or an administrator) and returns what it was. */
    public SavedView delete(long id) {
        SavedView view = get(id);
        PitwallPrincipal me = PitwallPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!view.owner().equals(me.username()) && me.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only its owner deletes a saved view");
        }
        views.delete(id);
        auditLog.append(AuditRecord.deleted(ENTITY, id, Map.of("name", view.name(), "url", view.url())));
        return view;
    }

    private static String owner() {
        return PitwallPrincipal.current().map(PitwallPrincipal::username)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
