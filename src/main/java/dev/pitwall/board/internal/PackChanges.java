package dev.pitwall.board.internal;

import dev.pitwall.board.BoardPackContent;
import dev.pitwall.board.BoardPackContent.PackFigure;
import dev.pitwall.board.BoardPackContent.Row;
import dev.pitwall.board.BoardPackContent.Section;
import dev.pitwall.board.BoardPackContent.Table;
import dev.pitwall.measurement.FigureText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pack's last section: its headline figures against the previous pack's. */
final class PackChanges {

    /** The figures compared: the organization's headline figures and the waterfall's steps. */
    static final List<String> HEADLINES = List.of("org.realizedImpact", "org.targetImpact", "org.realization",
            "org.cumulativeRealizedImpact", "org.workforceSpendShare", "org.strandedCapital", "org.adoptionDepth",
            "org.misalignedUserShare", "org.workforceIndex", "org.technicalIndex", "org.returnOnSpend",
            "waterfall.potential", "waterfall.realized", "pulse.confidenceDivide", "risk.missingControls",
            "incidents.opened");

    private PackChanges() {
    }

    static Section since(BoardPackContent previous, BoardPackContent now) {
        if (previous == null) {
            return new Section("changes", "Changes since the previous pack", "This is the first pack: there is nothing "
                    + "to compare with yet.", List.of(), List.of(), null);
        }
        List<Row> rows = new ArrayList<>();
        for (String key : HEADLINES) {
            Optional<PackFigure> after = now.figure(key);
            Optional<PackFigure> before = previous.figure(key);
            if (after.isEmpty() && before.isEmpty()) {
                continue;
            }
            PackFigure a = after.orElse(null);
            PackFigure b = before.orElse(null);
            String label = a != null ? a.label() : b.label();
            rows.add(new Row(label, List.of(
                    b == null ? PackFigure.text("changes." + key + ".previous", "Previous pack", "—")
                            : copy(b, "changes." + key + ".previous", "Previous pack"),
                    a == null ? PackFigure.text("changes." + key + ".now", "This pack", "—")
                            : copy(a, "changes." + key + ".now", "This pack"),
                    PackFigure.text("changes." + key + ".change", "Change", change(a, b)))));
        }
        return new Section("changes", "Changes since the previous pack", "Against the pack for " + previous.period()
                + " (as of " + previous.asOf() + ").", List.of(), List.of(new Table("changes", "Headline figures",
                List.of("Previous pack", "This pack", "Change"), rows)), null);
    }

    private static PackFigure copy(PackFigure f, String key, String label) {
        return new PackFigure(key, label, f.value(), f.unit(), f.currency(), f.period(), f.note());
    }

    private static String change(PackFigure now, PackFigure before) {
        if (now == null || before == null || now.value() == null || before.value() == null) {
            return "—";
        }
        String text = FigureText.change(figure(now), figure(before));
        return text == null ? "—" : text;
    }

    private static dev.pitwall.measurement.Figure figure(PackFigure f) {
        return new dev.pitwall.measurement.Figure(f.key(), f.value(), f.unit(), null, f.currency(), f.period());
    }
}
