package org.teiedition.site;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
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

/** OUT/index.html for a folder build: one row per document, made by xslt/site/index.xsl from the parsed trees. */
public final class IndexPage {
    static final String STYLESHEET = "xslt/site/index.xsl";

    private IndexPage() {
    }

    public static byte[] render(Xslt xslt, List<SourceDocument> docs, List<Edition> editions) {
        try {
            Xslt30Transformer t = xslt.get(STYLESHEET).load30();
            List<XdmValue> names = new ArrayList<>();
            XdmValue documents = XdmValue.makeSequence(docs.stream().map(SourceDocument::node).toList());
            XdmValue dirs = XdmValue.makeSequence(docs.stream().map(d -> new XdmAtomicValue(d.name())).toList());
            editions.forEach(e -> names.add(new XdmAtomicValue(e.name())));
            XdmValue files = XdmValue.makeSequence(editions.stream().map(e -> new XdmAtomicValue(e.fileName())).toList());
            t.setStylesheetParameters(Map.of(
                    new QName("documents"), documents,
                    new QName("folders"), dirs,
                    new QName("edition-names"), XdmValue.makeSequence(names),
                    new QName("edition-files"), files));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.callTemplate(new QName("index"), t.newSerializer(out));
            return out.toByteArray();
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
