package dev.pitwall.board.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    @Test
    void keepsWhatTheEmbeddedFontsShowAndMarksTheRest() {
        assertThat(PdfText.safe("Łódź Ковальски Ελλάδα −5 % ≥ 3 → ok")).isEqualTo("Łódź Ковальски Ελλάδα −5 % ≥ 3 → ok");
        assertThat(PdfText.safe("東京\tline\nbreak\u0007")).isEqualTo("?? line break?");
    }

    @Test
    void textWrittenWithTheFontsIsReadBackAsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PdfText.Fonts fonts = PdfText.Fonts.of(document);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(fonts.bold(), 12);
                stream.newLineAtOffset(50, 700);
                stream.showText(PdfText.safe("Łódź Ковальски −1,200 EUR per month"));
                stream.endText();
            }
            document.save(out);
        }
        try (PDDocument read = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(read).trim()).isEqualTo("Łódź Ковальски −1,200 EUR per month");
        }
        // Subsets only: far smaller than the two fonts (1.4 MB).
        assertThat(out.size()).isLessThan(60_000);
    }

    @Test
    void wrapsWithinTheWidthAndCutsWordsLongerThanALine() {
        PDDocument document = new PDDocument();
        PdfText.Fonts fonts = PdfText.Fonts.of(document);
        var lines = PdfText.wrap(fonts.regular(), 10, "one two three " + "x".repeat(80), 60);
        assertThat(lines).allSatisfy(l -> assertThat(PdfText.width(fonts.regular(), 10, l)).isLessThanOrEqualTo(60));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo("onetwothree" + "x".repeat(80));
    }
}
