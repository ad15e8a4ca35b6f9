package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.teiedition.Toolkit;
import org.teiedition.editions.Editions;
import org.teiedition.xml.SourceDocument;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Hostile values in a letter go through the reading and diplomatic editions as an HTML5 parser (the one browsers
 * follow) reads them: no link or source with a scheme other than http(s), no event handler, no style taken from
 * the source, no script but the edition's own, and markup in the text stays text.
 */
class HtmlSafetyTest {
    static final String PAYLOADS = String.join("\n",
            "<ref target=\"javascript:alert(1)\">a</ref>",
            "<ref target=\" JaVaScRiPt:alert(1)\">b</ref>",
            "<ref target=\"java&#x9;script:alert(1)\">c</ref>",
            "<ref target=\"&#xA;&#xD;javascript:alert(1)\">c2</ref>",
            "<ptr target=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"/>",
            "<ref target=\"vbscript:msgbox(1)\">d</ref>",
            "<graphic url=\"vbscript:msgbox(1)\"/>",
            "<graphic url=\"javascript:alert(1)\"/>",
            "<pb n=\"2\" facs=\"javascript:alert(1)\"/>",
            "<hi rend=\"x\" style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">e</hi>",
            "<hi rend=\"italic&quot; onmouseover=&quot;alert(1)\">f</hi>",
            "<ref target='https://example.org/\"onmouseover=\"alert(1)'>g</ref>",
            "<seg xml:id=\"x-&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" n=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">h</seg>",
            "<persName ref=\"javascript:alert(1)\">i</persName>",
            "<seg>&lt;script&gt;alert(1)&lt;/script&gt;</seg>",
            "<seg>&lt;img src=x onerror=alert(1)&gt;</seg>",
            "<ref target=\"https://example.org/ok\">safe-link</ref>");

    static Document parse(String html) throws Exception {
        HtmlDocumentBuilder b = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        return b.parse(new InputSource(new StringReader(html)));
    }

    static List<Element> elements(Document d, String xpath) throws Exception {
        NodeList nl = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
        List<Element> l = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) l.add((Element) nl.item(i));
        return l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"reading", "diplomatic", "reading corpus", "diplomatic corpus"})
    void hostileValuesBecomeNothingExecutable(String variant, @TempDir Path dir) throws Exception {
        // "corpus": as built in a corpus, with the navigation that nav.js fills
        String edition = variant.split(" ")[0];
        boolean corpus = variant.endsWith(" corpus");
        Path file = dir.resolve("hostile.xml");
        Files.writeString(file, Hostile.letter("", PAYLOADS));
        Toolkit toolkit = new Toolkit();
        SourceDocument doc = toolkit.parse(file);
        String html = new String(toolkit.renderer().render(doc, Editions.byName(edition).orElseThrow(), null, corpus),
                StandardCharsets.UTF_8);
        Document page = parse(html);

        for (Element e : elements(page, "//*")) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String name = a.getName().toLowerCase(Locale.ROOT);
                String value = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), edition + ": event handler " + name + " on <" + e.getTagName() + ">");
                if (name.equals("style")) {
                    assertFalse(value.contains("url(") || value.contains("javascript") || value.contains("background"),
                            edition + ": style from the source: " + a.getValue());
                }
                if (List.of("href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset", "background").contains(name)) {
                    assertTrue(value.startsWith("http://") || value.startsWith("https://") || !value.matches("^[a-z][a-z0-9+.-]*:.*"),
                            edition + ": " + name + "=\"" + a.getValue() + "\" on <" + e.getTagName() + ">");
                }
            }
        }
        for (Element s : elements(page, "//*[local-name()='script']")) {
            assertFalse(s.getTextContent().contains("alert("), edition + ": script from the source: " + s.getTextContent());
            String src = s.getAttribute("src");
            assertFalse(src.contains("alert") || src.contains(":"), edition + ": script src " + src);
        }
        // the quoted payload stays inside its (https) href: one attribute, no handler
        assertEquals(1, elements(page, "//*[local-name()='a'][@href='https://example.org/\"onmouseover=\"alert(1)']").size()
                + elements(page, "//*[local-name()='a'][starts-with(@href, 'https://example.org/%22')]").size(), edition);
        assertEquals(List.of(), elements(page, "//*[local-name()='img'][@src='x']"), edition + ": markup in text became an element");
        String text = page.getDocumentElement().getTextContent();
        assertTrue(text.contains("<script>alert(1)</script>"), edition + ": markup in the text is shown as text");
        assertTrue(text.contains("<img src=x onerror=alert(1)>"), edition + ": markup in the text is shown as text");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("javascript:"), edition + ": no javascript: URL anywhere");
        assertFalse(html.contains("data:text"), edition);
        assertTrue(text.contains("safe-link"), edition + ": the letter was rendered");
        assertEquals(corpus ? "nav.js" : "", String.join(",", elements(page, "//*[local-name()='script'][@src]").stream()
                .map(e -> e.getAttribute("src")).toList()), variant + ": the only external script is the corpus step's nav.js");
    }
}
