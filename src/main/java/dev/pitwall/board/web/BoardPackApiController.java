package dev.pitwall.board.web;

import dev.pitwall.board.BoardPack;
import dev.pitwall.board.BoardPackComparison;
import dev.pitwall.board.BoardPackService;
import dev.pitwall.board.BoardPackVerification;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Board packs: made for a period, read as JSON or PDF, verified and compared (docs/board-pack.md). */
@RestController
@RequestMapping("/api/v1/board-packs")
@Tag(name = "Board packs", description = "Reproducible, verifiable board packs for a month or a quarter")
class BoardPackApiController {

    private final BoardPackService packs;

    BoardPackApiController(BoardPackService packs) {
        this.packs = packs;
    }

    /** @param period a month ({@code 2026-10}) or a quarter ({@code 2026-Q3}) that has ended */
    record NewPack(String period) {
    }

    @PostMapping
    @PreAuthorize(Permission.Checks.BOARD_PUBLISH)
    @Operation(summary = "Make and store the pack for a month or quarter that has ended",
            description = "{\"period\":\"2026-Q3\"}: every figure as of the period's last day, compared with the latest "
                    + "earlier pack of the same cadence; stored with the data and definitions versions and a SHA-256.")
    ResponseEntity<BoardPack> generate(@RequestBody NewPack request) {
        BoardPack pack = packs.generate(request == null ? null : request.period());
        return ResponseEntity.created(URI.create("/api/v1/board-packs/" + pack.id())).body(pack);
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Every pack, the latest period first")
    List<BoardPack.Summary> list() {
        return packs.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "One pack with everything it says and what it was computed on")
    BoardPack get(@PathVariable long id) {
        return packs.get(id);
    }

    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The pack as a PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return pdfResponse(packs.get(id), packs.pdf(id));
    }

    @GetMapping("/{id}/verification")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Verify a pack", description = "Checks the stored content against its SHA-256 and computes "
            + "every figure again: each that differs is listed with the reason (STORED_CONTENT_ALTERED, "
            + "DEFINITIONS_CHANGED, DATA_CHANGED with the audited changes since, or UNEXPLAINED).")
    BoardPackVerification verify(@PathVariable long id) {
        return packs.verify(id);
    }

    @GetMapping("/compare")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Two packs side by side")
    BoardPackComparison compare(@RequestParam long left, @RequestParam long right) {
        return packs.compare(left, right);
    }

    static ResponseEntity<byte[]> pdfResponse(BoardPack pack, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("pitwall-board-pack-" + pack.period() + "-" + pack.id() + ".pdf").build().toString())
                .body(pdf);
    }
}
