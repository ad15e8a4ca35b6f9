package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.SmallLetter;

/**
 * A text of one enormous body without divisions is not one page-sequence (FOP would hold all its pages at once):
 * it is split between paragraphs into parts of at most print.xsl's p:split-size characters, each starting a page,
 * the pages numbered on, and nothing lost. Rendered with print.xsl's units made ten times smaller
 * ({@code editions/print-small-parts.xsl}), so that a body of 36,000 characters stands for one of 360,000.
 */
class PrintSplitTest {
    static final Edition SMALL_PARTS = new Edition("print-small-parts", "Print edition (PDF)", "editions/print-small-parts.xsl",
            OutputKind.PDF, "print.pdf", View.READING).withApparatus();
    /** Paragraphs of about 900 characters: some 36,000 characters, over twice the test edition's split size (15,000). */
    static final int PARAGRAPHS = 40;
    static final List<String> pages = new ArrayList<>();
    static final List<String> warnings = new ArrayList<>();
    static final List<LayoutProgress> progress = new ArrayList<>();

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        StringBuilder body = new StringBuilder("<body>");
        for (int p = 1; p <= PARAGRAPHS; p++) {
            body.append("<p>Paragraph ").append(p).append(" begins.");
            for (int s = 0; s < 6; s++) {
                body.append(" The pear tree grew in the garden, year after year, in sun and rain, while the house beside it")
                        .append(" changed hands many times and the gardeners came and went.");
            }
            body.append("<note>Note on ").append(p).append(".</note> Paragraph ").append(p).append(" ends.</p>");
        }
        body.append("</body>");
        Path file = SmallLetter.withBody(dir.resolve("one-body.xml"), body.toString());
        byte[] pdf = EditionSupport.TOOLKIT.renderer().render(EditionSupport.TOOLKIT.parse(file), SMALL_PARTS, null,
                false, null, null, w -> warnings.add(w.format()), progress::add);
        pages.addAll(EditionSupport.pageTexts(pdf));
    }

    /** The first page (0-based) whose text holds {@code s}. */
    static int pageOf(String s) {
        return EditionSupport.pageOf(pages, s);
    }

    @Test
    void theBodyIsLaidOutInThreeParts() {
        // the layout reports the part it is in for every page: three parts, in order, the last one to the end
        assertTrue(progress.stream().allMatch(p -> p.units() == 3), progress.stream().map(LayoutProgress::units).distinct().toList().toString());
        for (int i = 1; i < progress.size(); i++) assertTrue(progress.get(i).unit() >= progress.get(i - 1).unit());
        assertEquals(List.of(1, 2, 3), progress.stream().map(LayoutProgress::unit).distinct().toList());
        assertEquals(pages.size(), progress.get(progress.size() - 1).pages());
    }

    @Test
    void everyParagraphAndNoteIsPrinted() {
        for (int p = 1; p <= PARAGRAPHS; p++) {
            int begins = pageOf("Paragraph " + p + " begins.");
            int ends = pageOf("Paragraph " + p + " ends.");
            int note = pageOf("Note on " + p + ".");
            assertTrue(begins >= 0 && ends >= begins && note >= begins, p + ": " + begins + " " + ends + " " + note);
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void pagesAreNumberedOnToTheLast() {
        String head = pages.get(pages.size() - 1).lines().findFirst().orElse("").trim();
        assertTrue(head.endsWith(" " + pages.size()), head);
    }
}
