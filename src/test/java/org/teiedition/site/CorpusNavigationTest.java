package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.teiedition.site.SiteFixtures.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Chromium;

/**
 * Previous/next navigation of a corpus build: OUT/&lt;doc&gt;/nav.js (written by the corpus step) fills the
 * {@code nav#corpus-sequence} of each HTML edition; the pages themselves never name their neighbours.
 */
class CorpusNavigationTest {
    static final String[] EDITIONS = {"-e", "reading,diplomatic"};
    @TempDir
    static Path shared;
    static Path src;
    static Path out;

    /** Dates out of file order: c (1800), a (1801), b (1802); a is the middle letter. */
    static Path corpus(Path dir) throws Exception {
        Path s = dir.resolve("letters");
        Files.createDirectories(s);
        Files.writeString(s.resolve("a.xml"), letter("Letter of Anna", "1801-05-01", ""));
        Files.writeString(s.resolve("b.xml"), letter("Letter of Bruno", "1802-02-02", ""));
        Files.writeString(s.resolve("c.xml"), letter("Letter of Carl", "1800-12-24", ""));
        return s;
    }

    static String letter(String title, String date, String context) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0" %s>
              <teiHeader>
                <fileDesc>
                  <titleStmt><title>%s</title></titleStmt>
                  <publicationStmt><p>test</p></publicationStmt>
                  <sourceDesc><p>generated</p></sourceDesc>
                </fileDesc>
                <profileDesc><correspDesc>
                  <correspAction type="sent"><persName>Someone</persName><date when="%s"/></correspAction>%s
                </correspDesc></profileDesc>
              </teiHeader>
              <text><body><p>Words of %2$s.</p></body></text>
            </TEI>
            """.formatted(title.startsWith("@") ? "xml:id=\"" + title.substring(1) + "\"" : "",
                title.startsWith("@") ? "Letter " + title.substring(1) : title, date, context);
    }

    static org.teiedition.testing.Cli.Run build(Path output, Path... inputs) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--no-validate", EDITIONS[0], EDITIONS[1], "-o", output.toString()));
        for (Path p : inputs) args.add(p.toString());
        return org.teiedition.testing.Cli.run(args.toArray(String[]::new));
    }

    @BeforeAll
    static void buildCorpus() throws Exception {
        src = corpus(shared);
        out = shared.resolve("out");
        org.teiedition.testing.Cli.Run r = build(out, src);
        assertEquals(0, r.code(), r.err());
    }

    /** XPath over the JSON object nav.js passes to teiEditionSequence ($d). */
    static String nav(Path navJs, String xpath) throws Exception {
        String js = Files.readString(navJs);
        String call = "teiEditionSequence(";
        assertTrue(js.contains(call) && js.endsWith(");\n"), js);
        String json = js.substring(js.indexOf(call) + call.length(), js.length() - 3);
        XPathCompiler c = SiteFixtures.SAXON.newXPathCompiler();
        c.declareVariable(new QName("j"));
        XPathSelector s = c.compile("let $d := parse-json($j) return string-join((" + xpath + ") ! string(), '|')").load();
        s.setVariable(new QName("j"), new XdmAtomicValue(json));
        return s.evaluateSingle().getStringValue();
    }

    @Test
    void middleLetterScriptNamesItsNeighboursInDateOrder() throws Exception {
        Path a = out.resolve("a").resolve("nav.js");
        assertEquals("Letter of Carl|1800-12-24|../c/|reading.html|diplomatic.html",
                nav(a, "$d?prev?title, $d?prev?date, $d?prev?dir, $d?prev?files?*"));
        assertEquals("Letter of Bruno|1802-02-02|../b/", nav(a, "$d?next?title, $d?next?date, $d?next?dir"));
        assertEquals("true", nav(out.resolve("c").resolve("nav.js"), "empty($d?prev)"), "the first letter has no previous");
        assertEquals("Letter of Anna", nav(out.resolve("c").resolve("nav.js"), "$d?next?title"));
        assertEquals("true", nav(out.resolve("b").resolve("nav.js"), "empty($d?next)"), "the last letter has no next");
        assertEquals("{\n\"a\":{\"prev\":\"c\",\"next\":\"b\"},\n\"b\":{\"prev\":\"a\",\"next\":null},\n"
                + "\"c\":{\"prev\":null,\"next\":\"a\"}\n}\n", Files.readString(out.resolve("nav.json")));
    }

    @Test
    void corpusPagesCarryTheNavigationAndSingleFilePagesDoNot(@TempDir Path dir) throws Exception {
        for (String edition : List.of("reading", "diplomatic")) {
            XdmNode page = SiteFixtures.html(out.resolve("a").resolve(edition + ".html"));
            assertEquals("Letters of the corpus", string(page, "//nav[@id='corpus-sequence']/@aria-label"), edition);
            assertEquals(edition + ".html", string(page, "//nav[@id='corpus-sequence']/@data-file"), edition);
            assertEquals("../index.html", string(page, "//nav[@id='corpus-sequence']/a/@href"), "the fallback without JS");
            assertEquals("All letters", string(page, "//nav[@id='corpus-sequence']/a"));
            assertEquals("nav.js", string(page, "//script/@src"), edition + ": one external script, the corpus step's");
            assertFalse(string(page, "//nav[@id='corpus-sequence']/following-sibling::script[1]").isEmpty(),
                    "the function nav.js calls is defined by the page, before nav.js");
            assertEquals("", string(page, "//*[contains(., 'Letter of Carl') or contains(., 'Letter of Bruno')]/name()"),
                    "the page does not embed its neighbours");
            assertEquals(List.of(), SiteFixtures.vnu(out.resolve("a").resolve(edition + ".html")).lines()
                    .filter(l -> l.contains("error")).toList(), edition + ": valid HTML5 (vnu errors; warnings aside)");
        }
        Path single = dir.resolve("single");
        org.teiedition.testing.Cli.Run r = build(single, src.resolve("a.xml"));
        assertEquals(0, r.code(), r.err());
        XdmNode page = SiteFixtures.html(single.resolve("a").resolve("reading.html"));
        assertEquals("0", string(page, "count(//nav[@id='corpus-sequence'])"));
        assertEquals("0", string(page, "count(//script[@src])"), "no nav.js to miss");
        assertFalse(Files.exists(single.resolve("a").resolve("nav.js")));
        assertFalse(Files.exists(single.resolve("index.html")));

        // the same output folder, now as a corpus: the mode is part of the build key, so the page is rebuilt
        org.teiedition.testing.Cli.Run again = build(single, src);
        assertTrue(again.err().contains("3 rebuilt, 0 up to date"), again.err());
        assertEquals("1", string(SiteFixtures.html(single.resolve("a").resolve("reading.html")), "count(//nav[@id='corpus-sequence'])"));
    }

    @Test
    void editingOneDateReordersTheNavigationAndRebuildsOnlyThatLetter(@TempDir Path dir) throws Exception {
        Path s = corpus(dir);
        Path o = dir.resolve("out");
        assertEquals(0, build(o, s).code());
        byte[] aPage = Files.readAllBytes(o.resolve("a/reading.html"));
        byte[] bPage = Files.readAllBytes(o.resolve("b/reading.html"));
        Path c = s.resolve("c.xml");
        Files.writeString(c, Files.readString(c).replace("1800-12-24", "1803-01-01"));

        org.teiedition.testing.Cli.Run r = build(o, s);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 rebuilt, 2 up to date"), r.err());
        // now a (1801), b (1802), c (1803)
        assertEquals("true", nav(o.resolve("a/nav.js"), "empty($d?prev)"));
        assertEquals("../b/", nav(o.resolve("a/nav.js"), "$d?next?dir"));
        assertEquals("../a/|../c/", nav(o.resolve("b/nav.js"), "$d?prev?dir, $d?next?dir"));
        assertEquals("Letter of Bruno|1802-02-02", nav(o.resolve("c/nav.js"), "$d?prev?title, $d?prev?date"));
        assertEquals("true", nav(o.resolve("c/nav.js"), "empty($d?next)"));
        assertArrayEquals(aPage, Files.readAllBytes(o.resolve("a/reading.html")), "a's page was not rebuilt");
        assertArrayEquals(bPage, Files.readAllBytes(o.resolve("b/reading.html")), "b's page was not rebuilt");
        assertEquals("a|b|c", string(SiteFixtures.html(o.resolve("index.html")), "//tbody/tr/@id"));

        // a deleted nav.js comes back on the next build even though nothing changed
        Files.delete(o.resolve("b/nav.js"));
        org.teiedition.testing.Cli.Run same = build(o, s);
        assertTrue(same.err().contains("0 rebuilt, 3 up to date"), same.err());
        assertEquals("../a/", nav(o.resolve("b/nav.js"), "$d?prev?dir"));
    }

    @Test
    void correspContextPointersByIdFileOrXmlIdWinOverDates(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("letters");
        Files.createDirectories(s);
        // by date: p, q, r. p says its next is r (by r's xml:id, "#" form); r says its previous is q by file name.
        Files.writeString(s.resolve("p.xml"), letter("Letter p", "1900-01-01",
                "<correspContext><ref type=\"next\" target=\"#rid\">r</ref></correspContext>"));
        Files.writeString(s.resolve("q.xml"), letter("Letter q", "1900-02-01",
                "<correspContext><ref type=\"prev\" target=\"q.xml\">itself: ignored</ref></correspContext>"));
        Files.writeString(s.resolve("r.xml"), letter("@rid", "1900-03-01",
                "<correspContext><ref subtype=\"previous_letter\" target=\"https://example.org/letters/q.xml\">q</ref>"
                        + "<ref type=\"next\" target=\"elsewhere.xml\">not in the corpus</ref></correspContext>"));
        Path o = dir.resolve("out");
        org.teiedition.testing.Cli.Run r = build(o, s);
        assertEquals(0, r.code(), r.err());
        assertEquals("{\n\"p\":{\"prev\":null,\"next\":\"r\"},\n\"q\":{\"prev\":\"p\",\"next\":\"r\"},\n"
                + "\"r\":{\"prev\":\"q\",\"next\":null}\n}\n", Files.readString(o.resolve("nav.json")));
        assertEquals("Letter rid", nav(o.resolve("p/nav.js"), "$d?next?title"));
    }

    @Test
    void hostileTitlesStayStrings(@TempDir Path dir) throws Exception {
        Path s = corpus(dir);
        String hostile = "</script><script>alert(1)</script> \"q\" \u2028 end";
        Files.writeString(s.resolve("c.xml"), letter("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \"q\" \u2028 end",
                "1800-12-24", ""));
        Path o = dir.resolve("out");
        assertEquals(0, build(o, s).code());
        String js = Files.readString(o.resolve("a/nav.js"));
        assertFalse(js.contains("</"), js);
        assertFalse(js.contains("\u2028"), "a raw line separator would end a JavaScript string in older engines");
        assertTrue(js.contains("\\u003c/script>\\u003cscript>alert(1)\\u003c/script> \\\"q\\\" \\u2028 end"), js);
        assertEquals(hostile, nav(o.resolve("a/nav.js"), "$d?prev?title"), "the title comes back unchanged");
    }

    @Test
    void browserFollowsPreviousAndNextFromFileUrls() throws Exception {
        assumeTrue(Chromium.available(), "no /usr/bin/chromium: browser check skipped");
        try (Chromium chrome = new Chromium()) {
            Chromium.Page tab = chrome.newPage();
            tab.open(out.resolve("a").resolve("reading.html"), 1200, 900, false);
            String prev = "document.querySelector('#corpus-sequence a[rel=prev]')";
            String next = "document.querySelector('#corpus-sequence a[rel=next]')";
            assertEquals("← Previous: Letter of Carl (1800-12-24)", tab.eval(prev + ".textContent"));
            assertEquals("Next: Letter of Bruno (1802-02-02) →", tab.eval(next + ".textContent"));
            assertEquals("true", tab.eval(prev + ".firstChild.getAttribute('aria-hidden') === 'true'"), "the arrow is not read out");
            assertEquals(out.resolve("c").resolve("reading.html").toUri().toString(), tab.eval(prev + ".href"));
            assertEquals("prev|All letters|next", tab.eval("[...document.querySelectorAll('#corpus-sequence a')]"
                    + ".map(a => a.rel || a.textContent).join('|')"), "previous, the list, next");
            tab.click("#corpus-sequence a[rel=next]");
            String target = out.resolve("b").resolve("reading.html").toUri().toString();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String url = "";
            while (System.nanoTime() < deadline) {
                try {
                    url = tab.eval("document.readyState === 'complete' ? document.URL : ''");
                } catch (IllegalStateException | java.io.IOException navigating) {
                    url = ""; // the page is being replaced ("Inspected target navigated or closed"): ask again
                }
                if (url.equals(target)) break;
                Thread.sleep(50);
            }
            assertEquals(target, url, "following Next lands on the next letter");
            assertEquals("Letter of Bruno", tab.eval("document.querySelector('h1').textContent"));
            assertEquals("← Previous: Letter of Anna (1801-05-01)", tab.eval(prev + ".textContent"));
            assertEquals("null", tab.eval(next), "the last letter has no next");

            tab.open(out.resolve("a").resolve("diplomatic.html"), 1200, 900, false);
            assertEquals(out.resolve("b").resolve("diplomatic.html").toUri().toString(), tab.eval(next + ".href"),
                    "from a diplomatic edition to the next diplomatic edition");
            assertEquals(List.of(), chrome.remoteRequests(), "nothing but file://");
            assertNotEquals(List.of(), chrome.requests());
        }
    }
}
