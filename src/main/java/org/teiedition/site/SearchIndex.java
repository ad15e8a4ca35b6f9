package org.teiedition.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.streams.Steps;
import org.teiedition.Json;

/**
 * OUT/search-index.js: {@code var TEI_SEARCH = {"docs":[...],"words":[...],"postings":[[...],...]};} with the
 * documents in reading order (date, then name; as the index page), the words sorted, each word's postings the
 * numbers of the documents containing it; each document carries its text (SearchWords.text) for the snippets.
 * A script rather than JSON so that search.html works from file://.
 * Made in Java: grouping every word of the corpus is the one corpus step that is cheaper here than in XSLT.
 */
final class SearchIndex {
    private static final QName ID = new QName("id");
    private static final QName DATE = new QName("date");
    private static final QName FILE = new QName("file");

    private SearchIndex() {
    }

    static byte[] render(XdmNode corpus) {
        List<XdmNode> docs = new ArrayList<>(corpus.select(Steps.child("corpus")).flatMap(Steps.child("summary")).toList());
        docs.sort(Comparator.comparing((XdmNode s) -> attr(s, DATE).isEmpty() ? 1 : 0)
                .thenComparing(s -> attr(s, DATE)).thenComparing(s -> attr(s, ID)));
        StringBuilder js = new StringBuilder(64 * 1024).append("var TEI_SEARCH = {\"docs\":[");
        TreeMap<String, StringBuilder> postings = new TreeMap<>();
        for (int n = 0; n < docs.size(); n++) {
            XdmNode s = docs.get(n);
            String id = attr(s, ID);
            String title = text(s, "title");
            String file = s.select(Steps.child("edition")).findFirst().map(e -> attr(e, FILE)).orElse("index.html");
            if (n > 0) js.append(",\n");
            js.append("{\"id\":").append(Json.quoteForScript(id)).append(",\"title\":").append(Json.quoteForScript(title.isEmpty() ? id : title))
                    .append(",\"date\":").append(Json.quoteForScript(attr(s, DATE))).append(",\"href\":")
                    .append(Json.quoteForScript(id + "/" + file)).append(",\"text\":")
                    .append(Json.quoteForScript(text(s, "text"))).append('}');
            // a summary's words are distinct: each doc number is added once per word, in order
            for (String w : text(s, "words").split(" ")) {
                if (w.isEmpty()) continue;
                StringBuilder p = postings.computeIfAbsent(w, k -> new StringBuilder());
                if (p.length() > 0) p.append(',');
                p.append(n);
            }
        }
        js.append("],\n\"words\":[");
        boolean first = true;
        for (String w : postings.keySet()) {
            if (!first) js.append(',');
            js.append(Json.quoteForScript(w));
            first = false;
        }
        js.append("],\n\"postings\":[");
        first = true;
        for (Map.Entry<String, StringBuilder> e : postings.entrySet()) {
            if (!first) js.append(',');
            js.append('[').append(e.getValue()).append(']');
            first = false;
        }
        js.append("]};\n");
        return js.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String attr(XdmNode n, QName name) {
        String v = n.getAttributeValue(name);
        return v == null ? "" : v;
    }

    private static String text(XdmNode s, String child) {
        return s.select(Steps.child(child)).findFirst().map(XdmNode::getStringValue).orElse("");
    }
}
