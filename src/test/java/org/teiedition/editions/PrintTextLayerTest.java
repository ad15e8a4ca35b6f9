package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.sf.saxon.s9api.XdmNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF's text layer is the text: what a reader copies or searches is the reading text, letter for letter. */
class PrintTextLayerTest {
    static byte[] pdf;
    static XdmNode model;

    @BeforeAll
    static void build() throws Exception {
        var doc = EditionSupport.TOOLKIT.parse(EditionSupport.LETTER);
        pdf = EditionSupport.TOOLKIT.renderer().render(doc, Editions.PRINT, null);
        model = EditionSupport.TOOLKIT.renderer().model(doc, View.READING, null);
    }

    @Test
    void theExtractedTextHasNoLigatureCharacters() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String all = new PrintEditionTest.TextLayer().getText(d);
            assertFalse(all.matches("(?s).*[\uFB00-\uFB06].*"), all);
            // the words of the issue: the page still sets them with ligature glyphs (DejaVu's ff, fi)
            for (String w : List.of("first", "offensive", "effective", "intensification")) {
                assertTrue(PrintEditionTest.flat(all).contains(w), w + " in\n" + all);
            }
        }
    }

    @Test
    void theLetterReadsWordForWordAsTheModelsReadingText() throws Exception {
        // the model's reading text (markers are empty elements, § numbers attributes): what the main text size shows
        String reading = model.select(net.sf.saxon.s9api.streams.Steps.descendant(EditionSupport.MODEL_NS, "text"))
                .findFirst().orElseThrow().getStringValue();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            // the letter's pages: those before the back matter (its first bookmark after the letter's)
            var back = d.getDocumentCatalog().getDocumentOutline().getFirstChild().getNextSibling();
            int lastPage = d.getPages().indexOf(back.findDestinationPage(d));
            String letter = PrintEditionTest.mainText(d, 1, lastPage);
            assertEquals(EditionSupport.words(reading), EditionSupport.words(letter));
        }
    }

    @Test
    void aLigatureGlyphStaysOnThePage() throws Exception {
        // the text layer is rewritten, not the typesetting: the fonts still hold the ligature glyphs FOP chose
        try (PDDocument d = Loader.loadPDF(pdf)) {
            boolean mapped = false;
            for (var page : d.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name).getCOSObject();
                    var cmap = (org.apache.pdfbox.cos.COSStream) font.getDictionaryObject(org.apache.pdfbox.cos.COSName.TO_UNICODE);
                    try (var in = cmap.createInputStream()) {
                        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                        // a glyph code whose text is "ff" or "fi"
                        mapped |= text.matches("(?s).*<[0-9A-F]{4}> <0066006(6|9)>.*");
                    }
                }
            }
            assertTrue(mapped, "a glyph whose text is two letters (a ligature)");
        }
    }
}
