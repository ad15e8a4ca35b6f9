package org.teiedition.editions;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.dom.DOMSource;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.teiedition.Toolkit;
import org.teiedition.testing.Shared;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;
import org.xmlunit.xpath.XPathEngine;

/** Shared by the edition tests: one toolkit (stylesheets compiled once), HTML parsing, XPath, text extraction. */
final class EditionSupport {
    private EditionSupport() {
    }

    static final Toolkit TOOLKIT = new Toolkit();
    static final Path LETTER = Path.of("tei/kennedy-to-khrushchev-1962-10-27.xml");
    static final Path MINI = Path.of("src/test/resources/model/mini.xml");

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String MODEL_NS = "https://teiedition.org/ns/model";

    static String render(Path doc, Edition edition, String witness) throws Exception {
        byte[] out = TOOLKIT.renderer().render(TOOLKIT.parse(doc), edition, witness);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The text of each page of a PDF, read back with PDFBox. */
    static List<String> pageTexts(byte[] pdf) throws java.io.IOException {
        List<String> pages = new ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper();
                s.setStartPage(i);
                s.setEndPage(i);
                pages.add(s.getText(d));
            }
        }
        return pages;
    }

    /** The first of {@code pages} (0-based) whose text, its spacing flattened, holds {@code s}; -1 if none. */
    static int pageOf(List<String> pages, String s) {
        for (int i = 0; i < pages.size(); i++) if (PrintEditionTest.flat(pages.get(i)).contains(s)) return i;
        return -1;
    }

    /** The model view the editions render, as XML: the reading view, or (a witness) that witness's diplomatic view. */
    static String model(Path doc, String witness) throws Exception {
        net.sf.saxon.s9api.XdmNode m = TOOLKIT.renderer().model(TOOLKIT.parse(doc),
                witness == null ? View.READING : View.DIPLOMATIC, witness);
        java.io.StringWriter out = new java.io.StringWriter();
        TOOLKIT.xslt().processor().writeXdmValue(m, TOOLKIT.xslt().processor().newSerializer(out));
        return out.toString();
    }

    /** xslt/text/witness.xsl on its own: a witness's plain text, by default the copy-text's. */
    static String witnessText(Path doc, String witness) throws Exception {
        net.sf.saxon.s9api.Xslt30Transformer t = TOOLKIT.xslt().get(org.teiedition.apparatus.WitnessText.STYLESHEET).load30();
        if (witness != null) t.setStylesheetParameters(Map.of(new net.sf.saxon.s9api.QName("witness"),
                new net.sf.saxon.s9api.XdmAtomicValue(witness)));
        net.sf.saxon.s9api.XdmNode node = TOOLKIT.parse(doc).node();
        java.io.StringWriter out = new java.io.StringWriter();
        t.setGlobalContextItem(node);
        t.applyTemplates(node, t.newSerializer(out));
        return out.toString();
    }

    /** Parses HTML5 as a browser does (elements in the XHTML namespace, prefix h in XPath). */
    static Document html(String html) throws Exception {
        HtmlDocumentBuilder b = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        return b.parse(new InputSource(new StringReader(html)));
    }

    static XPathEngine xpath() {
        // Saxon behind the JAXP API: XPath 3.1 (string-join...) rather than the JDK's XPath 1.0
        JAXPXPathEngine e = new JAXPXPathEngine(new net.sf.saxon.xpath.XPathFactoryImpl());
        e.setNamespaceContext(Map.of("h", XHTML, "m", MODEL_NS));
        return e;
    }

    static String eval(Node node, String expr) {
        return xpath().evaluate(expr, new DOMSource(node));
    }

    static List<Node> nodes(Node node, String expr) {
        List<Node> l = new ArrayList<>();
        xpath().selectNodes(expr, new DOMSource(node)).forEach(l::add);
        return l;
    }

    static String evalXml(String xml, String expr) {
        return xpath().evaluate(expr, Input.fromString(xml).build());
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "section", "article", "tr", "td", "th", "dl", "dt", "dd", "table");

    /** The reading text of an element as a reader sees it: blocks separated by spaces, editorial furniture
     *  (class "ed": markers, § numbers, page numbers, paragraph-break spacers) left out, whitespace folded. */
    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString().replaceAll("\\s+", " ").trim();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n.getNodeType() == Node.TEXT_NODE) {
            sb.append(n.getNodeValue());
            return;
        }
        if (n instanceof Element e) {
            if ((" " + e.getAttribute("class") + " ").contains(" ed ")) return;
            boolean block = BLOCKS.contains(e.getLocalName());
            if (block) sb.append(' ');
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) collect(c, sb);
            if (block) sb.append(' ');
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) collect(c, sb);
        }
    }

    /** The letter text of a page: the article with id "text". */
    static String letterText(Document page) {
        return text(nodes(page, "//h:article[@id='text']").get(0));
    }

    /** DH's letter text: from "Dear Mr. Chairman" to the signature, whitespace folded. */
    static String dhLetter() throws Exception {
        String dh = Files.readString(Shared.path("witnesses/digital-history-3637.txt"));
        int s = dh.indexOf("Dear Mr. Chairman");
        int e = dh.indexOf("John F. Kennedy", dh.indexOf("For this reason")) + "John F. Kennedy".length();
        return dh.substring(s, e).replaceAll("\\s+", " ").trim();
    }

    /** FRUS's letter words: its p's from "Dear Mr. Chairman: to /s/John F. Kennedy", its notes excluded. */
    static List<String> frusWords() throws Exception {
        String x = Files.readString(Shared.path("witnesses/frus-1961-63v06-d67.xml"));
        x = x.replaceAll("(?s)<note\\b.*?</note>", " ").replaceAll("<[^>]+>", " ");
        int s = x.indexOf("\"Dear Mr. Chairman:");
        int e = x.indexOf("John F. Kennedy", x.indexOf("/s/")) + "John F. Kennedy".length();
        return words(x.substring(s, e));
    }

    static List<String> words(String s) {
        List<String> w = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(s);
        while (m.find()) w.add(m.group());
        return w;
    }
}
