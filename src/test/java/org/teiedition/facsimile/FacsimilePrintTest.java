package org.teiedition.facsimile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;

/** build --facsimile: the PDF opens with a plate per page image that can be read, captioned, paged i, ii; the text starts on page 1. */
class FacsimilePrintTest {
    @Test
    void thePdfOpensWithAPlatePerReadableImageBeforeTheText(@TempDir Path dir) throws Exception {
        Path letter = FacsimileFixture.letter(dir);
        Run r = Cli.run("build", "-o", dir.resolve("out").toString(), "-e", "print", "--facsimile", letter.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("out/letter/print.pdf").toFile())) {
            int n = pdf.getNumberOfPages();
            List<String> images = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PDPage page = pdf.getPage(i);
                // the images the page draws (FOP shares one resource dictionary between pages)
                List<Object> tokens = new org.apache.pdfbox.pdfparser.PDFStreamParser(page).parse();
                for (int t = 1; t < tokens.size(); t++) {
                    if (tokens.get(t) instanceof org.apache.pdfbox.contentstream.operator.Operator op && op.getName().equals("Do")
                            && tokens.get(t - 1) instanceof COSName name
                            && page.getResources().getXObject(name) instanceof PDImageXObject img) {
                        images.add((i + 1) + ":" + img.getWidth() + "x" + img.getHeight());
                    }
                }
            }
            // page 1r as drawn, page 1v scaled to 2400 pixels; the unreadable page 2r has none
            assertEquals(List.of("1:800x1000", "2:1800x2400"), images);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(2);
            String plates = text.getText(pdf);
            assertTrue(plates.contains("Plate 1: page 1r") && plates.contains("Plate 2: page 1v"), plates);
            assertTrue(!plates.contains("Dear Bert,"), "no text on the plates");
            text.setStartPage(3);
            text.setEndPage(3);
            assertTrue(text.getText(pdf).contains("Dear Bert,"), "the text follows the plates");
            // the page labels: the plates i, ii, the text from 1
            assertEquals("i ii 1", String.join(" ", java.util.Arrays.copyOf(pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices(), 3)));
        }
    }
}
