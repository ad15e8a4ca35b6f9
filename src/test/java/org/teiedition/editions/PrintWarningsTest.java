package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Cli;

/** No silent loss in print: what the PDF cannot show as written reaches the user as a located warning. */
class PrintWarningsTest {
    static final Path LETTER = Path.of("src/test/resources/fixtures/small-letter.xml");

    @Test
    void aCharacterNoFontHasIsBuiltAndReportedOnceWithItsFileAndPlace(@TempDir Path dir) throws Exception {
        String letter = Files.readString(LETTER);
        // a Han character (no bundled font has one) twice, and Linear B syllable a (U+10000, beyond the BMP); the
        // right-to-left scripts of the fallback font: PrintScriptsTest
        Path file = dir.resolve("scripts.xml");
        Files.writeString(file, letter.replace("pear tree is in flower", "pear tree \u4E2D\u4E2D is in flower \uD800\uDC00"));
        // the characters are in the text of the paragraph that starts on this line
        int line = (int) letter.substring(0, letter.indexOf("<p>The garden")).lines().count();
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("build", "-e", "print", "-o", out.toString(), file.toString());
        assertEquals(0, run.code(), run.err());
        List<String> warnings = run.err().lines().filter(l -> l.contains(": warning: ")).toList();
        String at = Pattern.quote(file + ":" + line + ":") + "\\d+: warning: print: ";
        assertEquals(2, warnings.size(), run.err());
        assertTrue(warnings.stream().anyMatch(w -> w.matches(at + Pattern.quote("Glyph \"\u4E2D\" (0x4e2d) not available in font \"DejaVuSerif\"."))),
                run.err());
        assertTrue(warnings.stream().anyMatch(w -> w.matches(at + Pattern.quote("no font has \"\uD800\uDC00\" (U+10000): printed as \uFFFD"))),
                run.err());
        // the PDF is built, with the rest of the sentence
        try (PDDocument pdf = Loader.loadPDF(out.resolve("scripts/print.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("pear tree") && text.contains("is in flower"), text);
        }
    }
}
