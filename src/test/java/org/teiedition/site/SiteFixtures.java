package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import nu.validator.client.EmbeddedValidator;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.teiedition.testing.BuildState;

/** A small generated correspondence, and helpers to read the pages as HTML5 and query them with XPath. */
final class SiteFixtures {
    static final Processor SAXON = new Processor(false);

    private SiteFixtures() {
    }

    /**
     * One letter: sender, recipient, date, a register in standOff (Goethe with a Wikidata id under a local id that
     * differs per letter, to prove grouping by authority), names in the text, optional correspContext pointers.
     */
    static String letter(String id, String date, String from, String to, String body, String prev, String next) {
        String ctx = (prev == null && next == null) ? "" : "<correspContext>"
                + (prev == null ? "" : "<ref type=\"prev\" target=\"" + prev + ".xml\">previous</ref>")
                + (next == null ? "" : "<ref type=\"next\" target=\"https://example.org/letters/" + next + ".xml\">next</ref>")
                + "</correspContext>";
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader>
                <fileDesc>
                  <titleStmt><title level="s">Series title</title><title level="a">Letter %1$s from %3$s</title></titleStmt>
                  <publicationStmt><p>test</p></publicationStmt>
                  <sourceDesc><p>generated</p></sourceDesc>
                </fileDesc>
                <profileDesc>
                  <correspDesc>
                    <correspAction type="sent"><persName ref="#p-%1$s">%3$s</persName><date when="%2$s"/></correspAction>
                    <correspAction type="received"><persName>%4$s</persName></correspAction>
                    %6$s
                  </correspDesc>
                </profileDesc>
              </teiHeader>
              <text><body><p>%5$s</p></body></text>
              <standOff>
                <listPerson>
                  <person xml:id="goethe-%1$s"><persName>Goethe, Johann Wolfgang</persName><idno type="wikidata">Q5879</idno></person>
                  <person xml:id="p-%1$s"><persName>%3$s</persName></person>
                </listPerson>
                <listPlace><place xml:id="weimar"><placeName>Weimar</placeName></place></listPlace>
              </standOff>
            </TEI>
            """.formatted(id, date, from, to, body, ctx);
    }

    /** Three letters; b is dated first but a points to b as its next, c has no pointers (date order). */
    static Path corpus(Path dir) throws Exception {
        Path src = dir.resolve("letters");
        Files.createDirectories(src);
        Files.writeString(src.resolve("a.xml"), letter("a", "1800-03-01", "Anna Alt", "Bruno Berg",
                "I met <persName ref=\"#goethe-a\">Goethe</persName> in <placeName ref=\"#weimar\">Weimar</placeName>; "
                        + "the quince <hi>tree</hi> flowers. &lt;script&gt;alert(1)&lt;/script&gt;", null, "b"));
        Files.writeString(src.resolve("b.xml"), letter("b", "1800-01-15", "Bruno Berg", "Anna Alt",
                "Your Müller is a <persName ref=\"#goethe-b\">great poet</persName>.", "a", null));
        Files.writeString(src.resolve("c.xml"), letter("c", "1801-06-30", "Carl &lt;i&gt;Chor&lt;/i&gt;", "Anna Alt",
                "Nothing about poets at all.", null, null));
        return src;
    }

    static XdmNode html(Path file) throws Exception {
        HtmlDocumentBuilder b = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        org.w3c.dom.Document dom = b.parse(file.toFile());
        return SAXON.newDocumentBuilder().wrap(dom);
    }

    static XdmValue xpath(XdmNode node, String expr) throws Exception {
        XPathCompiler c = SAXON.newXPathCompiler();
        c.declareNamespace("", "http://www.w3.org/1999/xhtml");
        c.declareNamespace("h", "http://www.w3.org/1999/xhtml");
        return c.evaluate(expr, node);
    }

    static String string(XdmNode node, String expr) throws Exception {
        return xpath(node, "string-join((" + expr + ") ! normalize-space(), '|')").itemAt(0).getStringValue();
    }

    /** vnu's messages for an HTML file ("" when it is valid HTML5). */
    static String vnu(Path file) throws Exception {
        EmbeddedValidator v = new EmbeddedValidator();
        v.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        v.setNoLangDetect(true);
        return v.validate(file).trim();
    }

    /**
     * Every file under {@code dir} by its relative path, the build state's included without its write times
     * ({@link BuildState}).
     */
    static TreeMap<String, byte[]> files(Path dir) throws Exception {
        TreeMap<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p)) continue;
                String name = dir.relativize(p).toString();
                all.put(name, BuildState.withoutWriteTimes(name, Files.readAllBytes(p)));
            }
        }
        return all;
    }

    static void assertSameFiles(TreeMap<String, byte[]> a, TreeMap<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        List<String> differ = new ArrayList<>();
        a.forEach((k, v) -> {
            if (!java.util.Arrays.equals(v, b.get(k))) differ.add(k);
        });
        assertEquals(List.of(), differ, "files whose bytes differ");
    }
}
