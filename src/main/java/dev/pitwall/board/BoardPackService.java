package dev.pitwall.board;

import dev.pitwall.board.internal.BoardPackComposer;
import dev.pitwall.board.internal.BoardPackPdf;
import dev.pitwall.board.internal.BoardPacks;
import dev.pitwall.board.internal.PackJson;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.telemetry.UsageFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Board packs: made for a period, stored once with what they were computed on, read as HTML, PDF
 * or JSON, verified against their figures computed again, and compared side by side
 * (docs/board-pack.md).
 */
@Service
public class BoardPackService {

    static final String ENTITY = "board-pack";

    private final BoardPackComposer composer;
    private final BoardPacks packs;
    private final BoardPackPdf pdf;
    private final BoardPackVerifier verifier;
    private final UsageFacts usage;
    private final AuditLog auditLog;
    private final Clock clock;

    BoardPackService(BoardPackComposer composer, BoardPacks packs, BoardPackPdf pdf, BoardPackVerifier verifier,
            UsageFacts usage, AuditLog auditLog, Clock clock) {
        this.composer = composer;
        this.packs = packs;
        this.pdf = pdf;
        this.verifier = verifier;
        this.usage = usage;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Makes and stores the pack for a period that has ended, compared with the latest earlier pack of
     * the same cadence. The data versions are read before the figures, in the same transaction, so a
     * change that lands meanwhile shows in verification as data changed after.
     */
    @Transactional
    public BoardPack generate(String periodLabel) {
        BoardPackPeriod period = BoardPackPeriod.parse(periodLabel).requireEnded(LocalDate.now(clock));
        var head = auditLog.chainHead();
        String usageVersion = usage.version();
        Long previousId = packs.previous(period.cadence().name(), period.to()).orElse(null);
        BoardPackContent previous = previousId == null ? null : packs.find(previousId).orElseThrow().pack().content();
        BoardPackContent content = composer.compose(period, previous);
        String json = PackJson.write(content);
        Instant now = clock.instant();
        BoardPack draft = new BoardPack(0, period.label(), period.cadence().name(), period.from(), period.to(), now,
                PitwallPrincipal.currentActorName(), usageVersion, head.sequence(), head.hash(),
                PackJson.definitionsVersion(), previousId, PackJson.sha256(json), content);
        long id = packs.insert(draft, json);
        auditLog.append(AuditRecord.created(ENTITY, id, Map.of("period", period.label(), "asOf", period.to().toString(),
                "sha256", draft.sha256())));
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<BoardPack.Summary> list() {
        return packs.summaries();
    }

    @Transactional(readOnly = true)
    public BoardPack get(long id) {
        return packs.find(id).orElseThrow(() -> new BoardPackNotFound(id)).pack();
    }

    /** The pack as a PDF, written from its stored content (with its charts drawn). */
    @Transactional(readOnly = true)
    public byte[] pdf(long id) {
        return pdf.write(get(id));
    }

    /** Checks the stored pack against its SHA-256, and its figures against the same figures computed now. */
    @Transactional(readOnly = true)
    public BoardPackVerification verify(long id) {
        BoardPacks.Stored stored = packs.find(id).orElseThrow(() -> new BoardPackNotFound(id));
        BoardPackContent previous = stored.pack().previousPackId() == null ? null
                : packs.find(stored.pack().previousPackId()).map(s -> s.pack().content()).orElse(null);
        BoardPackContent recomputed = composer.compose(BoardPackPeriod.parse(stored.pack().period()), previous);
        return verifier.verify(stored, recomputed);
    }

    /** Two packs side by side, every figure of either in the later one's order. */
    @Transactional(readOnly = true)
    public BoardPackComparison compare(long left, long right) {
        return PackComparisons.of(get(left), get(right));
    }
}
