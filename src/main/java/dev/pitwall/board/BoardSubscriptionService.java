package dev.pitwall.board;

import dev.pitwall.board.internal.BoardPacks;
import dev.pitwall.board.internal.BoardSubscriptions;
import dev.pitwall.operations.Callbacks;
import dev.pitwall.operations.NotificationEvent;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to the monthly or quarterly board pack. Once a period ends, the sweep makes its
 * pack (unless one was made) and emails each subscriber a link and the headline figures, once per
 * subscription and period, through the operations capability's outbox (retried, dead-lettered).
 */
@Service
@Transactional
public class BoardSubscriptionService {

    static final String ENTITY = "board-subscription";

    private final BoardSubscriptions subscriptions;
    private final BoardPacks packs;
    private final BoardPackService packService;
    private final UserService users;
    private final Callbacks callbacks;
    private final AuditLog auditLog;
    private final Clock clock;

    BoardSubscriptionService(BoardSubscriptions subscriptions, BoardPacks packs, BoardPackService packService,
            UserService users, Callbacks callbacks, AuditLog auditLog, Clock clock) {
        this.subscriptions = subscriptions;
        this.packs = packs;
        this.packService = packService;
        this.users = users;
        this.callbacks = callbacks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Subscribes the signed-in user, at the email address of their account. */
    public BoardSubscription subscribe(String cadence) {
        BoardPackPeriod.Cadence parsed = parse(cadence);
        PitwallPrincipal me = PitwallPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        User user = users.get(me.userId());
        if (user.email() == null || user.email().isBlank()) {
            throw InvalidInputException.ofField("email", "your account has no email address; add one on your account page");
        }
        if (!callbacks.emailConfigured()) {
            throw InvalidInputException.ofField("email", "email is not configured on this installation (spring.mail.host, "
                    + "docs/configuration.md)");
        }
        if (subscriptions.ofUser(user.id()).stream().anyMatch(s -> s.cadence() == parsed)) {
            throw InvalidInputException.ofField("cadence", "you already receive the " + parsed.name().toLowerCase(Locale.ROOT)
                    + " pack");
        }
        long id = subscriptions.insert(user.id(), user.username(), user.email(), parsed, clock.instant());
        auditLog.append(AuditRecord.created(ENTITY, id, Map.of("user", user.username(), "cadence", parsed.name())));
        return subscriptions.find(id).orElseThrow();
    }

    /** Whether packs can be emailed at all on this installation. */
    public boolean emailConfigured() {
        return callbacks.emailConfigured();
    }

    @Transactional(readOnly = true)
    public List<BoardSubscription> mine() {
        return PitwallPrincipal.current().map(me -> subscriptions.ofUser(me.userId())).orElse(List.of());
    }

    /** Ends a subscription: its subscriber's own, or any for an administrator. */
    public void unsubscribe(long id) {
        BoardSubscription s = subscriptions.find(id).orElseThrow(() -> new BoardSubscriptionNotFound(id));
        PitwallPrincipal me = PitwallPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (s.userId() != me.userId() && me.role() != dev.pitwall.platform.security.Role.ADMIN) {
            throw new AccessDeniedException("Only its subscriber ends a subscription");
        }
        subscriptions.delete(id);
        auditLog.append(AuditRecord.deleted(ENTITY, id, Map.of("user", s.username(), "cadence", s.cadence().name())));
    }

    /**
     * For each cadence with subscribers: the pack of the latest period that has ended (made now if
     * there is none), emailed to each subscriber who has not had that period's yet. Returns the
     * emails queued.
     */
    public int sendDue() {
        int queued = 0;
        LocalDate today = LocalDate.now(clock);
        for (BoardPackPeriod.Cadence cadence : BoardPackPeriod.Cadence.values()) {
            BoardPackPeriod period = BoardPackPeriod.latestEnded(cadence, today);
            List<BoardSubscription> due = subscriptions.ofCadence(cadence).stream()
                    .filter(s -> !subscriptions.sentPeriods(s.id()).contains(period.label())).toList();
            if (due.isEmpty()) {
                continue;
            }
            BoardPack pack = packs.latestFor(period.label()).map(packService::get)
                    .orElseGet(() -> packService.generate(period.label()));
            for (BoardSubscription s : due) {
                if (subscriptions.markSent(s.id(), period.label(), pack.id(), clock.instant())
                        && callbacks.email(s.email(), NotificationEvent.BOARD_PACK_PUBLISHED, subject(pack), text(pack),
                                "/board/packs/" + pack.id(), data(pack))) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private static String subject(BoardPack pack) {
        return "Board pack " + pack.period() + " · " + pack.content().organization();
    }

    private static String text(BoardPack pack) {
        StringBuilder text = new StringBuilder("The board pack for " + pack.period() + " (as of " + pack.asOf() + ") is ready.\n\n");
        text.append(pack.content().boardQuestion()).append("\n");
        for (String key : List.of("org.realizedImpact", "org.targetImpact", "org.realization", "org.adoptionDepth",
                "org.workforceSpendShare", "risk.missingControls", "incidents.opened")) {
            pack.content().figure(key).ifPresent(f -> text.append("\n").append(f.label()).append(": ").append(f.display()));
        }
        text.append("\n\nThe PDF: /board/packs/").append(pack.id()).append("/pdf · content SHA-256 ").append(pack.sha256());
        return text.toString();
    }

    private static Map<String, Object> data(BoardPack pack) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("packId", pack.id());
        data.put("period", pack.period());
        data.put("asOf", pack.asOf().toString());
        data.put("sha256", pack.sha256());
        return data;
    }

    private static BoardPackPeriod.Cadence parse(String cadence) {
        try {
            return BoardPackPeriod.Cadence.valueOf(cadence == null ? "" : cadence.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.ofField("cadence", "is MONTHLY or QUARTERLY");
        }
    }
}
