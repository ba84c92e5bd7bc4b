package dev.pitwall.board;

import java.util.List;

/**
 * Two packs side by side: every figure of either, in the later pack's order.
 *
 * @param rows one per figure key with a value or text in either pack
 */
public record BoardPackComparison(BoardPack.Summary left, BoardPack.Summary right, List<Row> rows) {

    /**
     * @param section the section's title
     * @param change right − left as people read it ({@code null} when either is unknown or text)
     */
    public record Row(String section, String key, String label, Double left, Double right, String leftText,
            String rightText, String change) {
    }
}
