package org.teiedition.site;


import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.Diagnostic;
import org.teiedition.editions.Edition;
import org.teiedition.editions.EditionRenderer;
import org.teiedition.editions.View;
import org.teiedition.transform.StylesheetWarnings;
import org.teiedition.xml.SourceDocument;

/**
 * Reduces a document to its {@link Summary} with xslt/site/summary.xsl, from its reading view: the model the
 * editions rendered (made once per document and shared), so that the corpus pages state the facts the document's
 * own pages show.
 */
public final class Summaries {
    static final String STYLESHEET = "xslt/site/summary.xsl";

    private Summaries() {
    }

    /** {@code editions}: the editions built for the document, listed on the index page. */
    public static Summary of(EditionRenderer renderer, SourceDocument doc, String key, List<Edition> editions) {
        return of(renderer, doc, key, editions, Diagnostic.IGNORE);
    }

    /** As {@link #of(EditionRenderer, SourceDocument, String, List)}; the stylesheets' warnings go to {@code warnings}. */
    public static Summary of(EditionRenderer renderer, SourceDocument doc, String key, List<Edition> editions,
            Consumer<Diagnostic> warnings) {
        try {
            XdmNode model = renderer.model(doc, View.READING, null, warnings);
            Xslt30Transformer t = renderer.xslt().get(STYLESHEET).load30();
            StylesheetWarnings.attach(t, doc.path().toString(), "summary", warnings);
            t.setStylesheetParameters(Map.of(
                    new QName("id"), new XdmAtomicValue(doc.name()),
                    new QName("key"), new XdmAtomicValue(key == null ? "" : key),
                    new QName("editions"), EditionRenderer.editionsParameter(editions),
                    new QName("words"), XdmValue.makeSequence(SearchWords.of(model).stream().map(XdmAtomicValue::new).toList())));
            t.setGlobalContextItem(model);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            t.applyTemplates(model, t.newSerializer(out));
            return new Summary(doc.name(), key == null ? "" : key, out.toByteArray());
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot summarise " + doc.path() + ": " + e.getMessage(), e);
        }
    }
}
