package dev.pitwall.board;

import dev.pitwall.board.BoardPackContent.PackFigure;
import dev.pitwall.board.BoardPackContent.Section;
import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.FigureText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Two packs side by side: the figures of both, section by section, the later pack's order first. */
final class PackComparisons {

    private PackComparisons() {
    }

    static BoardPackComparison of(BoardPack left, BoardPack right) {
        List<BoardPackComparison.Row> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (BoardPack pack : List.of(right, left)) {
            for (Section section : pack.content().sections()) {
                if ("changes".equals(section.id())) {
                    continue;
                }
                for (PackFigure f : figures(section)) {
                    if (seen.add(f.key())) {
                        rows.add(row(section.title(), f.label(), f.key(), left.content().figure(f.key()),
                                right.content().figure(f.key())));
                    }
                }
            }
        }
        return new BoardPackComparison(left.summary(), right.summary(), rows);
    }

    private static List<PackFigure> figures(Section section) {
        List<PackFigure> all = new ArrayList<>(section.figures());
        section.tables().forEach(t -> t.rows().forEach(r -> r.cells().forEach(c -> all.add(
                new PackFigure(c.key(), r.label() + " · " + c.label(), c.value(), c.unit(), c.currency(), c.period(),
                        c.note())))));
        return all;
    }

    private static BoardPackComparison.Row row(String section, String label, String key, Optional<PackFigure> left,
            Optional<PackFigure> right) {
        String change = null;
        if (left.isPresent() && right.isPresent() && left.get().value() != null && right.get().value() != null) {
            change = FigureText.change(figure(right.get()), figure(left.get()));
        }
        return new BoardPackComparison.Row(section, key, label, left.map(PackFigure::value).orElse(null),
                right.map(PackFigure::value).orElse(null), left.map(PackFigure::display).orElse("—"),
                right.map(PackFigure::display).orElse("—"), change);
    }

    private static Figure figure(PackFigure f) {
        return new Figure(f.key(), f.value(), f.unit(), null, f.currency(), f.period());
    }
}
