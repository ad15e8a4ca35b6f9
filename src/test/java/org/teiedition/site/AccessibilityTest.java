package org.teiedition.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teiedition.Json;
import org.teiedition.testing.Chromium;
import org.teiedition.testing.NeedsShared;

/**
 * The pages of the Kennedy letter and the 40 Schnitzler letters in headless Chromium from file://: axe-core (WCAG 2.2
 * A and AA rules; axe.min.js from a Maven Central test dependency, injected into the page, no CDN) finds no
 * violation; pages reflow at 320 px; the parallel view splits no word on a phone; corrections can be switched off;
 * search shows a snippet and the page opened marks the hit; the index's count follows its filter; print keeps the
 * § numbers on the page.
 */
@NeedsShared("corpora/schnitzler-briefe")
class AccessibilityTest {
    static final String LETTER = ReaderTest.LETTER;
    static Path out;
    static Path small;
    static Chromium chrome;
    static Chromium.Page tab;
    static String axe;

    @BeforeAll
    static void build() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "skipped: /usr/bin/chromium is absent (apt-get install chromium)");
        try (InputStream in = AccessibilityTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertNotNull(in, "axe.min.js (test dependency com.deque.html.axe-core:selenium)");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        out = ReaderSite.out();
        small = ReaderSite.small();
        chrome = new Chromium();
        tab = chrome.newPage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chrome != null) chrome.close();
    }

    /** axe's WCAG 2.x A/AA violations on the open page: "rule: target, target | rule: ..." ("" when none). */
    static String violations() throws Exception {
        tab.eval("(() => { if (!window.axe) { (0, eval)(" + Json.quote(axe) + "); } return 1; })()");
        return tab.evalAsync("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')).join(' | '))");
    }

    /** "page: violations", or "" when there are none. */
    static String labelled(String page, String violations) {
        return violations.isEmpty() ? "" : page + ": " + violations;
    }

    @Test
    void axeFindsNoViolation() throws Exception {
        List<Path> pages = new ArrayList<>();
        for (String f : List.of("reading.html", "diplomatic.html", "parallel.html")) pages.add(out.resolve(LETTER).resolve(f));
        for (String f : List.of("index.html", "persons.html", "places.html", "organisations.html", "search.html")) pages.add(out.resolve(f));
        for (String doc : List.of("L00001", "L02053", "L02701", "L02809", "L04222")) {
            pages.add(out.resolve(doc).resolve("reading.html"));
            pages.add(out.resolve(doc).resolve("diplomatic.html"));
            if (doc.equals("L00001")) pages.add(out.resolve(doc).resolve("facsimile.html"));
        }
        pages.add(small.resolve("greek").resolve("parallel.html"));
        List<String> found = new ArrayList<>();
        for (Path p : pages) {
            tab.open(p, 1200, 900, false);
            String v = violations();
            if (!v.isEmpty()) found.add(out.getParent().relativize(p) + ": " + v);
        }
        // the pages as a reader leaves them: results with snippets, a filtered index, a search hit marked on a letter
        tab.open(out.resolve("search.html"), 1200, 900, false);
        tab.eval("(() => { const q = document.getElementById('q'); q.value = 'Kennedy Cuba'; q.dispatchEvent(new Event('input')); return 1; })()");
        found.add(labelled("search with results", violations()));
        tab.open(out.resolve("index.html"), 1200, 900, false);
        tab.eval("(() => { const q = document.getElementById('filter'); q.value = 'Schnitzler'; q.dispatchEvent(new Event('input')); return 1; })()");
        found.add(labelled("filtered index", violations()));
        tab.openUrl(out.resolve(LETTER).resolve("reading.html").toUri() + "?q=cuba", 1200, 900, false);
        found.add(labelled("letter with hits", violations()));
        assertEquals(List.of(), found.stream().filter(v -> !v.isEmpty()).toList());
    }

    /** Finding 9: no horizontal scrolling at 320 px (and so at 400 % zoom of 1280 px), the corpus menu reachable. */
    @Test
    void pagesReflowAt320() throws Exception {
        List<String> wide = new ArrayList<>();
        List<Path> pages = List.of(out.resolve("index.html"), out.resolve("persons.html"), out.resolve("search.html"),
                out.resolve(LETTER).resolve("reading.html"), out.resolve(LETTER).resolve("diplomatic.html"),
                out.resolve(LETTER).resolve("parallel.html"), out.resolve("L00001").resolve("reading.html"));
        for (Path p : pages) {
            tab.open(p, 320, 640, true);
            String w = tab.eval("document.documentElement.scrollWidth");
            if (Integer.parseInt(w) > 320) wide.add(p.getFileName() + " " + w + " px");
        }
        assertEquals(List.of(), wide, "pages wider than 320 px");
        tab.open(out.resolve("index.html"), 320, 640, true);
        assertEquals("true", tab.eval("(() => { const a = [...document.querySelectorAll('nav a')].find(a => a.textContent === 'Search');"
                + " const r = a.getBoundingClientRect(); return r.right <= 320 && r.left >= 0; })()"), "Search in the menu, on screen");
        // 200 % zoom of a 1280 px window
        tab.open(out.resolve("index.html"), 640, 800, false);
        assertEquals("true", tab.eval("document.documentElement.scrollWidth <= 640"));
    }

    /** Finding 1: on a phone no word of the parallel view breaks across lines, and "Entry" stays one word. */
    @Test
    void parallelViewSplitsNoWordOnAPhone() throws Exception {
        tab.open(out.resolve(LETTER).resolve("parallel.html"), 390, 844, true);
        String split = tab.eval("(() => { const bad = []; for (const td of document.querySelectorAll('td.text')) {"
                + " const w = document.createTreeWalker(td, NodeFilter.SHOW_TEXT); let n;"
                + " while ((n = w.nextNode())) { const re = /[\\p{L}\\p{N}]+/gu; let m;"
                + "  while ((m = re.exec(n.nodeValue))) { const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);"
                + "   const tops = new Set([...r.getClientRects()].map(c => Math.round(c.top))); if (tops.size > 1) bad.push(m[0]); } } }"
                + " return bad.join(' '); })()");
        assertEquals("", split, "words broken across lines");
        assertEquals("true", tab.eval("(() => { const th = document.querySelector('th.entry'); const r = document.createRange();"
                + " r.selectNodeContents(th); return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size === 1; })()"), "Entry on one line");
        assertEquals("normal", tab.eval("getComputedStyle(document.querySelector('td.text')).fontVariantCaps"), "no small caps in the text");
    }

    /** Finding 3: the tint and signs of the corrections can be switched off and on. */
    @Test
    void editorialSignsSwitchOff() throws Exception {
        tab.open(out.resolve(LETTER).resolve("reading.html"), 1200, 900, false);
        String bg = "getComputedStyle(document.getElementById('c8')).backgroundColor";
        String sign = "getComputedStyle(document.querySelector('#c8 .sign')).display";
        String tinted = tab.eval(bg);
        assertTrue(!tinted.equals("rgba(0, 0, 0, 0)"), tinted);
        assertEquals("inline", tab.eval(sign));
        tab.click("#toggle-signs");
        assertEquals("false", tab.eval("document.getElementById('toggle-signs').getAttribute('aria-pressed')"));
        assertEquals("rgba(0, 0, 0, 0)", tab.eval(bg));
        assertEquals("none", tab.eval(sign));
        tab.click("#toggle-signs");
        assertEquals(tinted, tab.eval(bg));
    }

    /** Finding 8: a result shows the words around the hit, marked; the page opened marks the hit; Greek and ſ fold. */
    @Test
    void searchShowsSnippetsAndThePageMarksTheHit() throws Exception {
        tab.open(small.resolve("search.html"), 1200, 900, false);
        tab.eval("(() => { const q = document.getElementById('q'); q.value = 'ανθρωπος'; q.dispatchEvent(new Event('input')); return 1; })()");
        assertEquals("1 document found for “ανθρωπος”", tab.eval("document.getElementById('status').textContent"));
        assertEquals("ἄνθρωπος", tab.eval("document.querySelector('#results .snippet mark').textContent"), "the hit, as written");
        assertTrue(tab.eval("document.querySelector('#results .snippet').textContent").contains("Ὁ ἄνθρωπος ἦλθεν"));
        String href = tab.eval("document.querySelector('#results a').href");
        assertTrue(href.endsWith("greek/reading.html?q=%CE%B1%CE%BD%CE%B8%CF%81%CF%89%CF%80%CE%BF%CF%82"), href);
        tab.eval("(() => { const q = document.getElementById('q'); q.value = 'weise'; q.dispatchEvent(new Event('input')); return 1; })()");
        assertEquals("weiſe", tab.eval("document.querySelector('#results .snippet mark').textContent"), "ſ = s");

        tab.openUrl(small.resolve("greek").resolve("reading.html").toUri() + "?q="
                + java.net.URLEncoder.encode("ανθρωπος", StandardCharsets.UTF_8), 1200, 900, false);
        assertEquals("ἄνθρωπος", tab.eval("[...document.querySelectorAll('#text mark.hit')].map(m => m.textContent).join('|')"));
        assertEquals("", tab.eval("document.querySelector('#text mark.hit').innerHTML.replace(/[^<]/g, '')"), "text only");
    }

    /** Finding 10: the index's count follows the filter; the sort state is shown. */
    @Test
    void indexCountFollowsTheFilterAndShowsTheSort() throws Exception {
        tab.open(out.resolve("index.html"), 1200, 900, false);
        assertEquals("41 documents.", tab.eval("document.getElementById('count').textContent"));
        tab.eval("(() => { const q = document.getElementById('filter'); q.value = 'Kennedy'; q.dispatchEvent(new Event('input')); return 1; })()");
        assertEquals("1 of 41 documents shown.", tab.eval("document.getElementById('count').textContent"));
        // folded as the search folds (fold.js): case and accents aside
        tab.eval("(() => { const q = document.getElementById('filter'); q.value = 'KENNÉDY'; q.dispatchEvent(new Event('input')); return 1; })()");
        assertEquals("1 of 41 documents shown.", tab.eval("document.getElementById('count').textContent"));
        assertEquals("\" ▲\"", tab.eval("getComputedStyle(document.querySelector('th[data-sort-key=date] button'), '::after').content"));
        tab.click("th[data-sort-key=title] button");
        assertEquals("ascending", tab.eval("document.querySelector('th[data-sort-key=title]').getAttribute('aria-sort')"));
        assertEquals("null", tab.eval("document.querySelector('th[data-sort-key=date]').getAttribute('aria-sort')"));
    }

    /** Finding 9: printing keeps the § numbers and list labels inside the page. */
    @Test
    void printKeepsParagraphNumbersOnThePage() throws Exception {
        tab.open(out.resolve(LETTER).resolve("reading.html"), 700, 1000, false);
        tab.emulateMedia("print");
        try {
            assertEquals("true", tab.eval("(() => { const labels = [...document.querySelectorAll('.para-num, .list.labelled .label')];"
                    + " return labels.length > 0 && labels.every(e => e.getClientRects().length > 0 && e.getBoundingClientRect().left >= 0); })()"));
        } finally {
            tab.emulateMedia("");
        }
    }
}
