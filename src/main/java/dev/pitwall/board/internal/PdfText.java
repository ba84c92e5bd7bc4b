package dev.pitwall.board.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The PDF's text: DejaVu Sans (regular and bold, shipped in {@code resources/fonts} with its licence),
 * embedded as subsets in each document, so names in Latin, Greek, Cyrillic and many other scripts
 * print as written on every machine. A character neither font has is written as '?'.
 */
public final class PdfText {

    private static final byte[] REGULAR = read("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("/fonts/DejaVuSans-Bold.ttf");
    private static final List<CmapLookup> LOOKUPS = List.of(lookup(REGULAR), lookup(BOLD));
    private static final Map<Integer, Boolean> SHOWN = new ConcurrentHashMap<>();

    /** The two fonts, loaded into one document. */
    record Fonts(PDFont regular, PDFont bold) {

        static Fonts of(PDDocument document) {
            try {
                return new Fonts(PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                        PDType0Font.load(document, new ByteArrayInputStream(BOLD), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private PdfText() {
    }

    /** {@code text} in characters both fonts can show; line breaks and tabs become spaces. */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (SHOWN.computeIfAbsent(c, PdfText::shown)) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean shown(int codePoint) {
        return !Character.isISOControl(codePoint) && LOOKUPS.stream().allMatch(l -> l.getGlyphId(codePoint) > 0);
    }

    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} broken into lines no wider than {@code width}; a word longer than a line is cut. */
    static List<String> wrap(PDFont font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
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

    private static byte[] read(String resource) {
        try (InputStream in = PdfText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The font " + resource + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CmapLookup lookup(byte[] font) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            return ttf.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
