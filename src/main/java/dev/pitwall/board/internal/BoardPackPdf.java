package dev.pitwall.board.internal;

import dev.pitwall.board.BoardPack;
import dev.pitwall.board.BoardPackContent;
import dev.pitwall.board.BoardPackContent.PackFigure;
import dev.pitwall.board.BoardPackContent.Row;
import dev.pitwall.board.BoardPackContent.Section;
import dev.pitwall.board.BoardPackContent.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;

/**
 * Writes a stored pack as a PDF with Apache PDFBox: the same sections, figures and tables as the
 * page, the charts drawn as vector shapes from the same layout ({@link PackChart}), the text in
 * embedded DejaVu Sans ({@link PdfText}), and a last section that says what the pack was computed on and how to verify it. No browser is involved.
 */
@Component
public class BoardPackPdf {

    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    public byte[] write(BoardPack pack) {
        try (PDDocument document = new PDDocument()) {
            info(document, pack);
            PdfCursor cursor = new PdfCursor(document, "Pitwall board pack " + pack.period() + " · "
                    + pack.content().organization());
            BoardPackContent content = pack.content();
            cursor.text(cursor.bold, 18, "Board pack " + content.period(), 0);
            cursor.text(cursor.regular, 10, content.organization() + " · as of " + content.asOf() + " (period "
                    + content.from() + " to " + content.asOf() + ") · money in " + content.currency(), 0.35f);
            cursor.gap(8);
            cursor.paragraph(cursor.bold, 11, content.boardQuestion(), 0);
            for (Section section : content.sections()) {
                section(cursor, section, content);
            }
            provenance(cursor, pack);
            cursor.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void info(PDDocument document, BoardPack pack) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(PdfText.safe("Board pack " + pack.period() + " · " + pack.content().organization()));
        info.setSubject("Pitwall board pack, content SHA-256 " + pack.sha256());
        info.setProducer("Pitwall");
        Calendar made = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        made.setTimeInMillis(pack.generatedAt().toEpochMilli());
        info.setCreationDate(made);
    }

    private static void section(PdfCursor cursor, Section section, BoardPackContent content) throws IOException {
        cursor.need(60);
        cursor.gap(10);
        cursor.text(cursor.bold, 13, section.title(), 0);
        cursor.paragraph(cursor.regular, 9.5f, section.lead(), 0.35f);
        for (PackFigure f : section.figures()) {
            cursor.figure(f.label(), f.display() + (f.value() == null && f.note() != null && !"text".equals(f.unit())
                    ? " (" + f.note() + ")" : ""));
        }
        PackChart chart = PackChart.of(section.chart(), content);
        if (chart != null) {
            cursor.chart(chart);
        }
        for (Table table : section.tables()) {
            if (!table.rows().isEmpty()) {
                table(cursor, table);
            }
        }
    }

    private static void table(PdfCursor cursor, Table table) throws IOException {
        cursor.need(40);
        cursor.gap(4);
        cursor.text(cursor.bold, 10, table.title(), 0);
        float first = table.columns().size() > 5 ? 110 : table.columns().size() > 3 ? 140 : 170;
        float[] widths = new float[table.columns().size() + 1];
        widths[0] = first;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = (WIDTH - first) / table.columns().size();
        }
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(table.columns());
        cursor.row(cursor.bold, 7.5f, widths, header);
        for (Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            row.cells().forEach(c -> cells.add(c.display()));
            cursor.row(cursor.regular, 8, widths, cells);
        }
    }

    private static void provenance(PdfCursor cursor, BoardPack pack) throws IOException {
        cursor.need(120);
        cursor.gap(10);
        cursor.text(cursor.bold, 13, "What this pack was computed on", 0);
        cursor.figure("Pack", "#" + pack.id() + ", made " + pack.generatedAt() + " by " + pack.generatedBy());
        cursor.figure("As of", pack.asOf().toString());
        cursor.figure("Usage data version", pack.usageVersion());
        cursor.figure("Audit chain head", "entry " + pack.auditSequence() + ", " + pack.auditHash());
        cursor.figure("Metric definitions version", pack.definitionsVersion());
        cursor.figure("Content SHA-256", pack.sha256());
        cursor.paragraph(cursor.regular, 9, "Verify it at any time: GET /api/v1/board-packs/" + pack.id()
                + "/verification computes every figure again and names any that differs, and why.", 0.35f);
    }

    /** Keeps the position on the page, and starts a new page when the next block does not fit. */
    static final class PdfCursor {
        private final PDDocument document;
        private final String footer;
        final PDFont regular;
        final PDFont bold;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        PdfCursor(PDDocument document, String footer) throws IOException {
            this.document = document;
            this.footer = PdfText.safe(footer);
            PdfText.Fonts fonts = PdfText.Fonts.of(document);
            this.regular = fonts.regular();
            this.bold = fonts.bold();
            newPage();
        }

        void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            pages++;
            show(regular, 7.5f, MARGIN, 30, footer + " · page " + pages, 0.45f);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void text(PDFont font, float size, String text, float grey) throws IOException {
            need(size + 4);
            y -= size + 4;
            show(font, size, MARGIN, y, PdfText.safe(text), grey);
        }

        void paragraph(PDFont font, float size, String text, float grey) throws IOException {
            for (String line : PdfText.wrap(font, size, text, WIDTH)) {
                text(font, size, line, grey);
            }
        }

        /** A label on the left and its figure on the right; each wraps within its column. */
        void figure(String label, String value) throws IOException {
            List<String> labels = PdfText.wrap(regular, 9.5f, label, 192);
            List<String> lines = PdfText.wrap(bold, 9.5f, value, WIDTH - 200);
            int rows = Math.max(labels.size(), lines.size());
            need(12 * rows + 1);
            y -= 13;
            for (int i = 0; i < rows; i++) {
                if (i < labels.size()) {
                    show(regular, 9.5f, MARGIN, y - 12 * i, labels.get(i), 0.3f);
                }
                if (i < lines.size()) {
                    show(bold, 9.5f, MARGIN + 200, y - 12 * i, lines.get(i), 0);
                }
            }
            y -= 12 * (rows - 1);
        }

        /** One table row; each cell wraps within its column, cell after cell. */
        void row(PDFont font, float size, float[] widths, List<String> cells) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> cell = PdfText.wrap(font, size, cells.get(i), widths[i] - 4);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * 10 + 4;
            need(height);
            float x = MARGIN;
            for (int i = 0; i < wrapped.size(); i++) {
                for (int l = 0; l < wrapped.get(i).size(); l++) {
                    show(font, size, x, y - 10 - l * 10, wrapped.get(i).get(l), 0);
                }
                x += widths[i];
            }
            y -= height;
            stream.setStrokingColor(0.85f, 0.85f, 0.85f);
            stream.moveTo(MARGIN, y + 2);
            stream.lineTo(MARGIN + WIDTH, y + 2);
            stream.stroke();
        }

        void chart(PackChart chart) throws IOException {
            float scale = WIDTH / (float) chart.width();
            need((float) chart.height() * scale + 20);
            text(regular, 8.5f, chart.title(), 0.35f);
            float top = y - 4;
            for (PackChart.Bar bar : chart.bars()) {
                float[] rgb = tone(bar.tone());
                stream.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
                stream.addRect(MARGIN + (float) bar.x() * scale, top - (float) (bar.y() + bar.h()) * scale,
                        (float) bar.w() * scale, (float) bar.h() * scale);
                stream.fill();
            }
            for (PackChart.Label label : chart.labels()) {
                String text = PdfText.safe(label.text());
                float w = PdfText.width(regular, 7, text);
                float x = MARGIN + (float) label.x() * scale - ("middle".equals(label.anchor()) ? w / 2
                        : "end".equals(label.anchor()) ? w : 0);
                show(regular, 7, x, top - (float) label.y() * scale, text, 0.2f);
            }
            y = top - (float) chart.height() * scale - 6;
        }

        private static float[] tone(String tone) {
            return switch (tone) {
                case "loss" -> new float[] {0.80f, 0.33f, 0.29f};
                case "gain" -> new float[] {0.30f, 0.62f, 0.38f};
                case "realized" -> new float[] {0.13f, 0.36f, 0.60f};
                case "target" -> new float[] {0.75f, 0.82f, 0.90f};
                default -> new float[] {0.45f, 0.50f, 0.56f};
            };
        }

        private void show(PDFont font, float size, float x, float at, String text, float grey) throws IOException {
            stream.beginText();
            stream.setNonStrokingColor(grey, grey, grey);
            stream.setFont(font, size);
            stream.newLineAtOffset(x, at);
            stream.showText(text);
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
