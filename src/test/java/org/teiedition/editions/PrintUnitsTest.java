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
 * A long text with divisions is laid out a page-sequence per division (so that FOP holds one division's pages at a
 * time): each division starts a page, pages are numbered on, the running head names the division, and every
 * apparatus entry and note is printed.
 */
class PrintUnitsTest {
    static final int BOOKS = 3;
    /** About 60,000 characters: over the size below which print.xsl keeps a text one page-sequence. */
    static final int PARAGRAPHS = 60;
    static List<String> pages = new ArrayList<>();
    static List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        StringBuilder body = new StringBuilder("<body>");
        for (int b = 1; b <= BOOKS; b++) {
            body.append("<div type=\"book\"><head>Book ").append(b).append("</head>");
            for (int p = 1; p <= PARAGRAPHS; p++) {
                String k = b + "x" + p;
                body.append("<p>Paragraph ").append(p).append(" of book ").append(b).append(" tells how the ")
                        .append("<app><lem wit=\"#B\">lem").append(k).append("</lem><rdg wit=\"#A\">rdg").append(k).append("</rdg></app>")
                        .append(" pear tree grew in the garden, year after year, in sun and rain, while the house")
                        .append(" beside it changed hands many times<note>Note on ").append(k).append(".</note> and the")
                        .append(" gardeners came and went, each leaving a mark on the beds and paths and walls.</p>");
            }
            body.append("</div>");
        }
        body.append("</body>");
        Path file = SmallLetter.withBody(dir.resolve("books.xml"), body.toString());
        byte[] pdf = EditionSupport.TOOLKIT.renderer().render(EditionSupport.TOOLKIT.parse(file), Editions.PRINT, null, false, null,
                w -> warnings.add(w.format()));
        pages.addAll(EditionSupport.pageTexts(pdf));
    }

    /** The first page (0-based) whose text holds {@code s}. */
    static int pageOf(String s) {
        return EditionSupport.pageOf(pages, s);
    }

    @Test
    void eachDivisionStartsAPageWithItsOwnRunningHead() {
        for (int b = 2; b <= BOOKS; b++) {
            int start = pageOf("Paragraph 1 of book " + b + " ");
            int endBefore = pageOf("Paragraph " + PARAGRAPHS + " of book " + (b - 1) + " ");
            assertTrue(start > endBefore && endBefore >= 0, "book " + b + " starts on a new page: " + start + " / " + endBefore);
            // the page after the division's first names it in the running head, with its number
            String head = pages.get(start + 1).lines().findFirst().orElse("").trim();
            assertEquals("Book " + b + " " + (start + 2), head);
        }
    }

    @Test
    void pagesAreNumberedOnToTheLast() {
        String head = pages.get(pages.size() - 1).lines().findFirst().orElse("").trim();
        assertTrue(head.endsWith(" " + pages.size()), head);
    }

    @Test
    void everyEntryAndNoteIsPrintedOnOrAfterItsMarkersPage() {
        for (int b = 1; b <= BOOKS; b++) {
            for (int p = 1; p <= PARAGRAPHS; p++) {
                String k = b + "x" + p;
                int marker = pageOf("Paragraph " + p + " of book " + b + " ");
                int entry = pageOf("rdg" + k);
                int note = pageOf("Note on " + k + ".");
                assertTrue(entry >= marker && note >= marker && marker >= 0, k + ": " + marker + " " + entry + " " + note);
            }
        }
        // nothing else is said: a part whose footnote grouping did not settle is named, once (PrintGroupingTest);
        // the first book's footnotes are grouped by page
        String fallback = ".*: warning: print: the footnotes of part (\\d) of " + BOOKS + " \\(from page \\d+\\) are set one per marker, .*";
        assertEquals(List.of(), warnings.stream().filter(w -> !w.matches(fallback)).toList());
        List<String> named = warnings.stream().map(w -> w.replaceFirst(fallback, "$1")).toList();
        assertEquals(named.stream().distinct().toList(), named, "each part named once");
        assertTrue(!named.contains("1"), "the first part is grouped: " + named);
    }
}
