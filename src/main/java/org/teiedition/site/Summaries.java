package org.teiedition.site;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.teiedition.editions.Edition;
import org.teiedition.transform.Xslt;
import org.teiedition.xml.SourceDocument;

/** Reduces a parsed document to its {@link Summary} with xslt/site/summary.xsl. */
public final class Summaries {
    static final String STYLESHEET = "xslt/site/summary.xsl";

    private Summaries() {
    }

    public static Summary of(Xslt xslt, SourceDocument doc, String key, List<Edition> editions) {
        try {
            Xslt30Transformer t = xslt.get(STYLESHEET).load30();
            t.setStylesheetParameters(Map.of(
                    new QName("id"), new XdmAtomicValue(doc.name()),
                    new QName("key"), new XdmAtomicValue(key == null ? "" : key),
                    new QName("edition-names"), strings(editions.stream().map(Edition::name).toList()),
                    new QName("edition-files"), strings(editions.stream().map(Edition::fileName).toList())));
            t.setGlobalContextItem(doc.node());
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            t.applyTemplates(doc.node(), t.newSerializer(out));
            return new Summary(doc.name(), key == null ? "" : key, out.toByteArray());
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot summarise " + doc.path() + ": " + e.getMessage(), e);
        }
    }

    static XdmValue strings(List<String> values) {
        return XdmValue.makeSequence(values.stream().map(XdmAtomicValue::new).toList());
    }
}
