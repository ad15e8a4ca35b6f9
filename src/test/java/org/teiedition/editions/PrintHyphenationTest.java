package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print edition hyphenates with FOP's patterns (net.sf.offo:fop-hyph), in the language of each passage. */
class PrintHyphenationTest {
    /** TeX's English patterns: in-com-pre-hen-si-bil-i-ties; German: Don-au-dampf-schiff-fahrts-ge-sell-schaft. */
    static final String ENGLISH = "incomprehensibilities";

    /** The lines holding {@code word} of the letter with a paragraph of 40 of it in {@code lang}, as PDFBox reads them. */
    static List<String> lines(Path dir, String lang, String word) throws Exception {
        String letter = Files.readString(PrintWarningsTest.LETTER);
        String text = (word + " ").repeat(40).trim();
        // a paragraph of its own: FOP hyphenates a paragraph in its language (not an inline passage in another)
        String p = (lang == null ? "<p>" : "<p xml:lang=\"" + lang + "\">") + text + "</p>";
        Path file = dir.resolve((lang == null ? "main" : lang) + ".xml");
        Files.writeString(file, letter.replace("pear tree is in flower.</p>", "pear tree is in flower.</p>" + p));
        List<String> warnings = new ArrayList<>();
        byte[] pdf = EditionSupport.TOOLKIT.renderer().render(EditionSupport.TOOLKIT.parse(file), Editions.PRINT, null,
                false, null, w -> warnings.add(w.format()));
        assertEquals(List.of(), warnings, "no warning (a language without patterns is not hyphenated, not warned of)");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PrintEditionTest.TextLayer();
            s.setEndPage(1);
            return s.getText(d).lines().map(String::strip).filter(l -> l.contains(word.substring(0, 4))).toList();
        }
    }

    /**
     * The words split at a line's end: its last word, ending with the soft hyphen that the text layer gives a hyphen
     * the layout added (PdfTextLayer), without it.
     */
    static List<String> splits(List<String> lines, String word) {
        return lines.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).filter(last -> last.endsWith("\u00AD"))
                .map(last -> last.substring(0, last.length() - 1)).peek(head -> assertTrue(word.startsWith(head), head))
                .toList();
    }

    @Test
    void aLongWordIsSplitAtItsPatternsPointsInTheDocumentsLanguage(@TempDir Path dir) throws Exception {
        // the fixture's TEI is xml:lang="en"; 40 long words fill a dozen justified lines, which end inside a word
        List<String> lines = lines(dir, null, ENGLISH);
        List<String> split = splits(lines, ENGLISH);
        assertTrue(split.size() >= 5, String.join("\n", lines));
        // only at the English patterns' points, never leaving fewer than three letters for the next line
        assertTrue(List.of("in", "incom", "incompre", "incomprehen", "incomprehensi", "incomprehensibil", "incomprehensibili")
                .containsAll(split), split + "\n" + String.join("\n", lines));
    }

    @Test
    void aPassageInAnotherLanguageUsesThatLanguagesPatterns(@TempDir Path dir) throws Exception {
        String word = "Donaudampfschiffahrtsgesellschaftskapitän";
        List<String> lines = lines(dir, "de", word);
        List<String> split = splits(lines, word);
        assertTrue(split.size() >= 5, String.join("\n", lines));
        // at the German patterns' points (Donau-dampf-schif-fahrts-gesell-schafts-kapi-tän, pre-1996 spelling) ...
        assertTrue(split.stream().allMatch(h -> h.matches("Do|Donau|Donaudampf|.*schif|.*fahrts|.*gesell|.*schafts|.*kapi")),
                split + "\n" + String.join("\n", lines));
        // ... which are not the English ones for the same word
        assertNotEquals(Set.copyOf(split), Set.copyOf(splits(lines(dir, "en", word), word)));
    }

    @Test
    void aLanguageWithoutPatternsIsNotHyphenated(@TempDir Path dir) throws Exception {
        // Zulu: no patterns in fop-hyph, so the same words break only between words (and no warning)
        List<String> lines = lines(dir, "zu", ENGLISH);
        assertTrue(lines.size() > 5, String.join("\n", lines));
        assertEquals(List.of(), splits(lines, ENGLISH), String.join("\n", lines));
    }
}
