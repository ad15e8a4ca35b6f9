package org.teiedition.editions;

import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.streams.Steps;

/**
 * One edition: a name (as used on the command line), its entry stylesheet (a classpath resource under
 * {@code xslt/}), what the stylesheet produces, the file it is written to in {@code OUT/<document>/} and the view
 * of the document it renders. All decisions about the text live in the shared model stylesheet; an edition only
 * decides how things look.
 *
 * @param view         what the stylesheet is applied to: a view of the shared model (made once per document and
 *                     shared by the editions that render it) or the TEI document itself
 * @param minWitnesses the edition is made only for documents that declare at least this many witnesses
 *                     ({@code teiHeader//listWit//witness[@xml:id]}); 0 = every document
 */
public record Edition(String name, String stylesheet, OutputKind kind, String fileName, View view, int minWitnesses) {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";

    /** An edition of the model's {@code view}, made for every document. */
    public Edition(String name, String stylesheet, OutputKind kind, String fileName, View view) {
        this(name, stylesheet, kind, fileName, view, 0);
    }

    /** A stylesheet applied to the TEI document itself, made for every document. */
    public Edition(String name, String stylesheet, OutputKind kind, String fileName) {
        this(name, stylesheet, kind, fileName, View.SOURCE, 0);
    }

    /** Whether this edition is made for the document. */
    public boolean appliesTo(XdmNode document) {
        if (minWitnesses <= 0) return true;
        long n = document.select(Steps.descendant(TEI, "teiHeader").then(Steps.descendant(TEI, "listWit"))
                .then(Steps.descendant(TEI, "witness")).where(w -> w.getAttributeValue(
                        new net.sf.saxon.s9api.QName("http://www.w3.org/XML/1998/namespace", "id")) != null)).count();
        return n >= minWitnesses;
    }
}
