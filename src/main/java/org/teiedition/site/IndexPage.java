package org.teiedition.site;

import java.util.List;
import org.teiedition.transform.Xslt;

/** OUT/index.html for a folder build: one row per document, made from the documents' summaries (not their trees). */
public final class IndexPage {
    private IndexPage() {
    }

    public static byte[] render(Xslt xslt, List<Summary> summaries) {
        return CorpusPages.render(xslt, summaries).get("index.html");
    }
}
