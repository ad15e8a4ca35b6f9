package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teiedition.testing.NeedsShared;
import org.teiedition.testing.Shared;

/** A third party's letter in print (Schnitzler, L00001): its own title, its letterhead in lines, nothing empty. */
@NeedsShared("corpora/schnitzler-briefe/L00001.xml")
class PrintThirdPartyTest {
    static List<String> lines;
    static String text;
    static String raw;
    static final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        byte[] pdf = EditionSupport.TOOLKIT.renderer().render(EditionSupport.TOOLKIT.parse(
                Shared.path("corpora/schnitzler-briefe/L00001.xml")), Editions.PRINT, null, false, null,
                w -> warnings.add(w.format()));
        try (PDDocument d = Loader.loadPDF(pdf)) {
            raw = new PrintEditionTest.TextLayer().getText(d);
            // the TEI spaces dates with thin and no-break spaces: compared as plain spaces
            lines = raw.lines().map(l -> l.replaceAll("[\\p{Z}\\s]+", " ").strip()).toList();
            text = PrintEditionTest.flat(raw);
        }
    }

    @Test
    void theTitleIsTheLettersNotTheSeries() {
        // the TEI's titleStmt has the series (level="s") first; the model's title rule takes the letter's (level="a")
        assertEquals("Fedor Mamroth an Arthur Schnitzler, 2. 8. 1889", lines.get(0));
        assertFalse(text.contains("Briefwechsel mit Autorinnen und Autoren"), text);
    }

    @Test
    void theLetterheadsPartsAreLinesOfTheirOwn() {
        for (String part : List.of("Handelsblatt.", "Redaction.", "Frankfurt a. M., 2. Aug. 1889", "Telegramm-Adresse:",
                "Zeitung Frankfurt Main")) {
            assertTrue(lines.contains(part), part + " in\n" + String.join("\n", lines));
        }
    }

    @Test
    void anEmptyReferenceShowsItsTargetNotEmptyParentheses() {
        assertFalse(text.contains("()"), text);
        assertTrue(text.contains("Die Erzählung entstand im Sommer 1889 (1889-09-08)."), text);
    }

    @Test
    void theLicenceIsNamedNotPrintedInFull() {
        assertTrue(lines.contains("Licence: https://creativecommons.org/licenses/by/4.0/deed.de"), String.join("\n", lines));
        assertFalse(text.contains("Sie dürfen"), text);
    }

    @Test
    void aLongAddressBreaksAfterASlashAndIsNotHyphenated() {
        int at = lines.indexOf("Frankfurter Zeitung https://sammlungen.ub.uni-frankfurt.de/periodika/");
        assertTrue(at > 0, String.join("\n", lines));
        assertEquals("periodical/titleinfo/6198103", lines.get(at + 1));
        // the break opportunities (zero-width spaces) are not in the text layer, nor a hyphen inside an address
        assertFalse(raw.contains("\u200B"), raw);
        assertTrue(lines.stream().filter(l -> l.contains("https://")).noneMatch(l -> l.endsWith("\u00AD")), raw);
    }

    @Test
    void nothingOverflows() {
        // FOP's warnings (a line too long for its measure among them) reach the build as warnings; here there are none
        assertEquals(List.of(), warnings);
    }
}
