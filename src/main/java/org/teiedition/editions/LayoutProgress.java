package org.teiedition.editions;

/**
 * Where a layout of the print edition has got to, reported as each page is laid out: {@code round} 0 is the first
 * layout (one footnote per marker, which finds the markers' pages), 1 and on the layouts with footnotes grouped by
 * page; {@code unit} of {@code units} is the page-sequence being laid out (see print.xsl's units), {@code pages} the
 * pages of this layout so far.
 */
public record LayoutProgress(int round, int unit, int units, int pages) {
    /** "layout for the PDF", "layout for the PDF, round 2". */
    public String layout() {
        return round == 0 ? "layout for the PDF" : "layout for the PDF, round " + (round + 1);
    }
}
