package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teiedition.editions.EditionSupport.html;
import static org.teiedition.editions.EditionSupport.nodes;
import static org.teiedition.editions.EditionSupport.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** Hostile source markup must not become script, event handlers, styles or dangerous links. */
class SafetyTest {
    static final Path UNSAFE = Path.of("src/test/resources/editions/unsafe.xml");

    @ParameterizedTest
    @ValueSource(strings = {"reading", "diplomatic"})
    void noScriptNoHandlersNoStylesNoDangerousLinks(String name) throws Exception {
        String out = render(UNSAFE, Editions.byName(name).orElseThrow(), null);
        Document page = html(out);
        for (Node n : nodes(page, "//@*")) {
            Attr a = (Attr) n;
            String attr = a.getName().toLowerCase(Locale.ROOT);
            String value = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
            assertTrue(!attr.startsWith("on"), "event handler attribute " + attr);
            assertTrue(!attr.equals("style"), "style attribute on " + a.getOwnerElement().getLocalName());
            if (attr.equals("href") || attr.equals("src") || attr.equals("action") || attr.equals("formaction")) {
                assertTrue(value.startsWith("http://") || value.startsWith("https://") || !value.matches("^[a-z][a-z0-9+.-]*:.*"),
                        attr + "=" + a.getValue());
            }
        }
        // the only scripts that run are our own, cite.js and fold.js + edition.js; the source's <script> text is text
        List<Node> scripts = nodes(page, "//h:script[not(@type)]");
        assertEquals(List.of(Files.readString(Path.of("xslt/html/assets/cite.js")),
                Files.readString(Path.of("xslt/html/assets/fold.js")) + "\n" + Files.readString(Path.of("xslt/html/assets/edition.js"))),
                scripts.stream().map(Node::getTextContent).toList());
        // the other one is data (JSON-LD), which cannot end its element
        List<Node> data = nodes(page, "//h:script[@type]");
        assertEquals(List.of("application/ld+json"), data.stream().map(n -> ((org.w3c.dom.Element) n).getAttribute("type")).toList());
        assertFalse(data.get(0).getTextContent().contains("<"), data.get(0).getTextContent());
        assertTrue(EditionSupport.text(nodes(page, "//h:article").get(0)).contains("<script>alert('x')</script>"));
        assertEquals(0, nodes(page, "//h:article//*[local-name() = ('script', 'style', 'iframe', 'img', 'object', 'embed')]").size());
        // the known rend value became a class from the fixed list; the unknown one is dropped
        assertEquals(2, nodes(page, "//h:article//*[contains-token(@class, 'r-italic')]").size());
        assertEquals(0, nodes(page, "//*[contains(@class, 'onclick') or contains(@class, 'expression')]").size());
        assertTrue(!out.toLowerCase(Locale.ROOT).contains("javascript:") && !out.contains("data:text"), "no dangerous URL anywhere");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
            "vbscript:x", "file:///etc/passwd", "\\\\evil/x",
            // one rule for every protocol-relative and backslash form: a page opened from disk resolves them all
            // to file://host/... (an SMB connection on Windows)
            "//evil.example/share/b", "\\/evil.example/share/c", "/\\evil.example/share/d",
            "\\\\evil.example/share/a", " //evil.example/x", "/\t/evil.example/x", "\\\\\\evil.example/x"})
    void safeHrefDropsOtherSchemes(String url) throws Exception {
        assertEquals("", SafeHref.call(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a?b#c", "http://example.org", "#p1", "letter-2.html", "../x/y.html", "L00108"})
    void safeHrefKeepsWebAndRelativeLinks(String url) throws Exception {
        assertEquals(url, SafeHref.call(url));
    }
}
