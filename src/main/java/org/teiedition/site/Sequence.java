package org.teiedition.site;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.streams.Steps;
import org.teiedition.Json;

/**
 * The previous/next navigation of a corpus, from corpus.xsl's {@code sequence} (correspContext pointers into the
 * corpus, else date order): OUT/nav.json (ids only) and, for every document with an HTML edition,
 * OUT/&lt;document&gt;/nav.js, a data-only script that calls the page's own {@code teiEditionSequence}
 * (xslt/html/assets/sequence.js). A script rather than JSON so that it loads from file://; its strings are made
 * with {@link Json#quoteForScript} (no {@code </script>}, no line separators), so a title stays a string.
 */
final class Sequence {
    static final String SCRIPT = "nav.js";
    private static final QName ID = new QName("id");
    private static final QName TITLE = new QName("title");
    private static final QName DATE = new QName("date");
    private static final QName HTML = new QName("html");

    private Sequence() {
    }

    /** nav.json and each document's nav.js, by path relative to OUT. */
    static Map<String, byte[]> files(XdmNode sequence) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<XdmNode> docs = sequence.select(Steps.child("sequence")).flatMap(Steps.child("doc")).toList();
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < docs.size(); i++) {
            XdmNode d = docs.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(Json.quote(d.getAttributeValue(ID)))
                    .append(":{\"prev\":").append(Json.quote(neighbour(d, "prev").map(n -> n.getAttributeValue(ID)).orElse(null)))
                    .append(",\"next\":").append(Json.quote(neighbour(d, "next").map(n -> n.getAttributeValue(ID)).orElse(null)))
                    .append('}');
        }
        files.put("nav.json", json.append("\n}\n").toString().getBytes(StandardCharsets.UTF_8));
        for (XdmNode d : docs) {
            if (!"true".equals(d.getAttributeValue(HTML))) continue;
            String js = "/* tei-edition: the letters before and after this one (written by the corpus step) */\n"
                    + "teiEditionSequence({\"prev\":" + link(neighbour(d, "prev")) + ",\n\"next\":" + link(neighbour(d, "next")) + "});\n";
            files.put(d.getAttributeValue(ID) + "/" + SCRIPT, js.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static Optional<XdmNode> neighbour(XdmNode doc, String dir) {
        return doc.select(Steps.child(dir)).findFirst();
    }

    /** {"title":…,"date":…,"dir":"../id/","files":[…]}: the page picks its own edition's file if there is one. */
    private static String link(Optional<XdmNode> neighbour) {
        if (neighbour.isEmpty()) return "null";
        XdmNode n = neighbour.get();
        StringBuilder b = new StringBuilder("{\"title\":").append(Json.quoteForScript(n.getAttributeValue(TITLE)))
                .append(",\"date\":").append(Json.quoteForScript(n.getAttributeValue(DATE)))
                // ids and edition file names are output names (org.teiedition.xml.OutputNames): safe path segments
                .append(",\"dir\":").append(Json.quoteForScript("../" + n.getAttributeValue(ID) + "/"))
                .append(",\"files\":[");
        List<String> files = n.select(Steps.child("file")).map(XdmNode::getStringValue).toList();
        for (int i = 0; i < files.size(); i++) b.append(i == 0 ? "" : ",").append(Json.quoteForScript(files.get(i)));
        return b.append("]}").toString();
    }

    /** Whether a summary lists an HTML edition (so its folder gets a nav.js). */
    static boolean hasHtml(Summary s) {
        return HTML_EDITION.matcher(new String(s.xml(), StandardCharsets.UTF_8)).find();
    }

    private static final Pattern HTML_EDITION = Pattern.compile("<edition [^>]*\\bfile=\"[^\"]*\\.html\"");
}
