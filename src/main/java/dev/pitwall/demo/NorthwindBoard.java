package dev.pitwall.demo;

import dev.pitwall.board.BoardPackPeriod;
import dev.pitwall.board.BoardPackService;
import java.time.LocalDate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Northwind's board packs (DEMO.md, the board view): the latest quarter that has ended, and the
 * two latest months, the later compared with the earlier, so the Board page opens on packs with
 * their changes and can verify them.
 */
@Component
@Profile("demo")
class NorthwindBoard {

    private final BoardPackService packs;

    NorthwindBoard(BoardPackService packs) {
        this.packs = packs;
    }

    void generate(LocalDate today) {
        BoardPackPeriod month = BoardPackPeriod.latestEnded(BoardPackPeriod.Cadence.MONTHLY, today);
        packs.generate(BoardPackPeriod.latestEnded(BoardPackPeriod.Cadence.QUARTERLY, today).label());
        packs.generate(BoardPackPeriod.containing(BoardPackPeriod.Cadence.MONTHLY, month.from().minusDays(1)).label());
        packs.generate(month.label());
    }
}
