package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print fonts' fallback chain: every character of the sample corpora's scripts is set, or reported where it is. */
class PrintScriptsTest {
    /** Syriac (Peshitta, Matthew 1:1), Hebrew with points (Genesis 1:1), a Coptic-block word, an ancient Greek sign. */
    static final String SYRIAC = "\u071F\u072C\u0712\u0710 \u0715\u071D\u0720\u0715\u0718\u072C\u0717";
    static final String HEBREW = "\u05D1\u05BC\u05B0\u05E8\u05B5\u05D0\u05E9\u05C1\u05B4\u05D9\u05EA \u05D1\u05BC\u05B8\u05E8\u05B8\u05D0";
    static final String COPTIC = "\u2C99\u2C89\u2CA7\u2CA3\u2C9F";
    static final String TAU_RHO = "\uD800\uDDA0";

    @Test
    void syriacAndHebrewAreSetAndWhatNoFontHasIsReportedAtItsPlace(@TempDir Path dir) throws Exception {
        String letter = Files.readString(PrintWarningsTest.LETTER);
        Path file = dir.resolve("scripts.xml");
        Files.writeString(file, letter.replace("pear tree is in flower.", "pear tree is in flower. <foreign xml:lang=\"syc\">"
                + SYRIAC + "</foreign>\n <foreign xml:lang=\"he\">" + HEBREW + "</foreign>\n <foreign xml:lang=\"cop\">"
                + COPTIC + "</foreign> " + TAU_RHO + "."));
        // the paragraph's start tag ends on this line (Saxon locates an element there)
        int line = (int) letter.substring(0, letter.indexOf("<p>The garden")).lines().count();
        List<String> warnings = new ArrayList<>();
        byte[] pdf = EditionSupport.TOOLKIT.renderer().render(EditionSupport.TOOLKIT.parse(file), Editions.PRINT, null, false,
                null, w -> warnings.add(w.format()));
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(d);
            // PDFBox gives right-to-left runs in logical order, a base letter's points before it: each word of the two
            // texts is in the text layer, its letters in order, with all its points
            String letters = text.replaceAll("\\p{M}", "");
            for (String word : (SYRIAC + " " + HEBREW).split(" ")) {
                assertTrue(letters.contains(word.replaceAll("\\p{M}", "")), word + " in\n" + text);
            }
            assertEquals(HEBREW.replaceAll("\\P{M}", "").length(), text.replaceAll("\\P{M}", "").length(), text);
            // the page: the Hebrew and Syriac words are Syriac is set in Kurinto Sans (no DejaVu has it; italic here, in foreign)
            var resources = d.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (var name : resources.getFontNames()) fonts.add(resources.getFont(name).getName());
            assertTrue(fonts.stream().anyMatch(f -> f.contains("+KurintoSans-")), fonts.toString());
        }
        // what no bundled font has, each said once at the element whose text holds it: the Coptic-block letters (in
        // the foreign element, three lines below the paragraph's start tag) and the sign beyond the BMP (in the paragraph)
        String copticAt = Pattern.quote(file + ":" + (line + 3) + ":") + "\\d+: warning: print: ";
        String paragraphAt = Pattern.quote(file + ":" + line + ":") + "\\d+: warning: print: ";
        List<String> glyphs = warnings.stream().filter(w -> w.contains("Glyph") || w.contains("no font has")).toList();
        assertEquals(COPTIC.length() + 1, glyphs.size(), warnings.toString());
        for (char c : COPTIC.toCharArray()) {
            assertTrue(glyphs.stream().anyMatch(w -> w.matches(copticAt + Pattern.quote("Glyph \"" + c + "\" (0x"
                    + Integer.toHexString(c) + ") not available in font \"") + ".*")), c + " in " + glyphs);
        }
        assertTrue(glyphs.stream().anyMatch(w -> w.matches(paragraphAt
                + Pattern.quote("no font has \"" + TAU_RHO + "\" (U+101A0): printed as \uFFFD"))), glyphs.toString());
    }
}
