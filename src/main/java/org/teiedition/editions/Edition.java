package org.teiedition.editions;

import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.streams.Steps;

/**
 * One edition: a name (as used on the command line), the label readers see (the page shell's heading and the links
 * between the views of a document), its entry stylesheet (a classpath resource under {@code xslt/}), what the
 * stylesheet produces, the file it is written to in {@code OUT/<document>/} and the view of the model it renders.
 * All decisions about the text live in the shared model stylesheet; an edition only decides how things look.
 *
 * @param apparatus    whether the edition shows the textual apparatus (the HTML shell's parameter
 *                     {@code show-apparatus}): the reading text's apparatus, whose lemmata are the edited readings
 * @param minWitnesses the edition is made only for documents that declare at least this many witnesses
 *                     ({@code teiHeader//listWit//witness[@xml:id]}); 0 = every document
 * @param facsimile    the edition shows the document's page images: its stylesheet gets the parameter
 *                     {@code facsimile-images} (a PDF also {@code facsimile-plates}) and the build copies the local
 *                     images beside it; an HTML or JSON one is made only for documents with a {@code facsimile} or
 *                     an {@code @facs} in the text, a PDF for every document (with plates where there are images)
 */
public record Edition(String name, String label, String stylesheet, OutputKind kind, String fileName, View view,
        boolean apparatus, int minWitnesses, boolean facsimile) {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final QName XML_ID = new QName("http://www.w3.org/XML/1998/namespace", "id");
    private static final QName FACS = new QName("facs");

    /** An edition of the model's {@code view}, without the apparatus, made for every document. */
    public Edition(String name, String label, String stylesheet, OutputKind kind, String fileName, View view) {
        this(name, label, stylesheet, kind, fileName, view, false, 0, false);
    }

    /** This edition, showing the apparatus. */
    public Edition withApparatus() {
        return new Edition(name, label, stylesheet, kind, fileName, view, true, minWitnesses, facsimile);
    }

    /** This edition, made only for documents with at least {@code n} witnesses. */
    public Edition forWitnesses(int n) {
        return new Edition(name, label, stylesheet, kind, fileName, view, apparatus, n, facsimile);
    }

    /** This edition, showing the page images; made only for documents that have them. */
    public Edition withFacsimile() {
        return new Edition(name, label, stylesheet, kind, fileName, view, apparatus, minWitnesses, true);
    }

    /** Whether this edition is made for the document. */
    public boolean appliesTo(XdmNode document) {
        if (facsimile && kind != OutputKind.PDF && document.select(Steps.descendant(TEI, "facsimile")).findAny().isEmpty()
                && document.select(Steps.descendant(TEI, "text").then(Steps.descendant())
                        .where(e -> e.getAttributeValue(FACS) != null)).findAny().isEmpty()) return false;
        if (minWitnesses <= 0) return true;
        long n = document.select(Steps.descendant(TEI, "teiHeader").then(Steps.descendant(TEI, "listWit"))
                .then(Steps.descendant(TEI, "witness")).where(w -> w.getAttributeValue(XML_ID) != null)).count();
        return n >= minWitnesses;
    }
}
