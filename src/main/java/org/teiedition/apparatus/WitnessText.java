package org.teiedition.apparatus;

import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.transform.Xslt;

/**
 * The plain text of one witness (or of the edited text) of an encoding, made by {@code xslt/text/witness.xsl} from
 * the shared model: the same decisions as the diplomatic and reading editions.
 */
public final class WitnessText {
    public static final String STYLESHEET = "xslt/text/witness.xsl";
    private static final QName WITNESS = new QName("witness");
    private static final QName LEMMA = new QName("lemma");

    private WitnessText() {
    }

    /**
     * @param siglum a witness siglum, or null for the edited (reading) text
     * @throws UnknownWitnessException if the document knows no such witness
     */
    public static String of(Xslt xslt, XdmNode doc, String siglum) {
        if (siglum != null && !sigla(xslt, doc).contains(siglum)) throw new UnknownWitnessException(siglum, sigla(xslt, doc));
        try {
            Xslt30Transformer t = xslt.get(STYLESHEET).load30();
            t.setStylesheetParameters(siglum == null ? Map.<QName, XdmValue>of(LEMMA, new XdmAtomicValue(true))
                    : Map.<QName, XdmValue>of(WITNESS, new XdmAtomicValue(siglum)));
            StringWriter out = new StringWriter();
            Serializer s = xslt.processor().newSerializer(out);
            t.applyTemplates(doc, s);
            return out.toString();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot make the witness text: " + e.getMessage(), e);
        }
    }

    /**
     * The sigla a document knows: its declared witnesses ({@code listWit//witness/@xml:id}), then any other siglum its
     * readings name in {@code @wit} or {@code @source} (editions that cite printed sources by a {@code bibl} id).
     */
    public static Set<String> sigla(Xslt xslt, XdmNode doc) {
        try {
            XPathCompiler xp = xslt.processor().newXPathCompiler();
            xp.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
            Set<String> out = new LinkedHashSet<>();
            for (XdmItem i : xp.evaluate("//tei:teiHeader//tei:listWit//tei:witness/@xml:id/string()", doc)) out.add(i.getStringValue());
            for (XdmItem i : xp.evaluate("for $a in //tei:text//(tei:lem | tei:rdg)/(@wit, @source)[1] "
                    + "return tokenize(normalize-space($a), ' ') ! replace(., '^#', '')", doc)) {
                if (!i.getStringValue().isEmpty()) out.add(i.getStringValue());
            }
            return out;
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The first (or last) few words of the element with xml:id {@code id}, as a phrase to find in the document's
     * text ({@code collate --from/--to ID}); empty when no element has that id.
     */
    public static Optional<String> phraseOf(Xslt xslt, XdmNode doc, String id, boolean first) {
        try {
            XPathCompiler xp = xslt.processor().newXPathCompiler();
            xp.declareVariable(new QName("id"));
            var sel = xp.compile("(//*[@xml:id = $id])[1]/normalize-space()").load();
            sel.setVariable(new QName("id"), new XdmAtomicValue(id));
            sel.setContextItem(doc);
            XdmItem text = sel.evaluateSingle();
            if (text == null || text.getStringValue().isEmpty()) return Optional.empty();
            List<String> words = List.of(text.getStringValue().split(" "));
            int k = Math.min(PHRASE_WORDS, words.size());
            return Optional.of(String.join(" ", first ? words.subList(0, k) : words.subList(words.size() - k, words.size())));
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static final int PHRASE_WORDS = 4;

    /** A siglum the document does not know. */
    public static final class UnknownWitnessException extends IllegalArgumentException {
        private final String siglum;
        private final List<String> known;

        UnknownWitnessException(String siglum, Set<String> known) {
            super("no witness '" + siglum + "'");
            this.siglum = siglum;
            this.known = List.copyOf(known);
        }

        public String siglum() {
            return siglum;
        }

        public List<String> known() {
            return known;
        }
    }
}
