package dev.pitwall.board.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text for the PDF's standard fonts, which encode WinAnsi only: the few signs pages use beyond it
 * are written as their ASCII equivalents (− as -, ≥ as >=, → as ->), anything else as '?'.
 */
public final class PdfText {

    static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private static final Map<Integer, String> EQUIVALENTS = Map.ofEntries(Map.entry(0x2212, "-"),
            Map.entry(0x2265, ">="), Map.entry(0x2264, "<="), Map.entry(0x2192, "->"), Map.entry(0x2248, "~"),
            Map.entry(0x25B2, "+"), Map.entry(0x25BC, "-"), Map.entry(0x202F, " "), Map.entry(0x2009, " "),
            Map.entry(0x2011, "-"), Map.entry(0x2713, "v"));
    private static final Map<Integer, Boolean> ENCODABLE = new ConcurrentHashMap<>();

    private PdfText() {
    }

    /** {@code text} in characters the standard fonts can show; line breaks and tabs become spaces. */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (EQUIVALENTS.containsKey(c)) {
                out.append(EQUIVALENTS.get(c));
            } else if (ENCODABLE.computeIfAbsent(c, PdfText::encodable)) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodable(int codePoint) {
        try {
            REGULAR.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code text} broken into lines no wider than {@code width}; a word longer than a line is cut. */
    static java.util.List<String> wrap(PDFont font, float size, String text, float width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text).split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            line.setLength(0);
            String rest = word;
            while (width(font, size, rest) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
