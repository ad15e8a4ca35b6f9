package org.teiedition.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.teiedition.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile letter's editions opened in headless Chromium from file://: no JavaScript dialog opens (even after
 * clicking every link that is not http(s) and hovering every element) and no request leaves file://.
 * Skipped when /usr/bin/chromium is absent.
 */
class BrowserSafetyTest {
    static final String POKE = "(() => { for (const a of document.querySelectorAll('a[href]')) {"
            + " if (!/^https?:/i.test(a.href)) a.click(); }"
            + " for (const e of document.querySelectorAll('*')) {"
            + " for (const t of ['mouseover', 'mouseenter', 'focus', 'click']) {"
            + " if (!(e instanceof HTMLAnchorElement)) e.dispatchEvent(new Event(t)); } } })()";

    @Test
    void hostileEditionsOpenNoDialogAndFetchNothing(@TempDir Path dir) throws Exception {
        assumeTrue(Chromium.available(), "no /usr/bin/chromium: browser check skipped");
        Path file = dir.resolve("hostile.xml");
        Files.writeString(file, Hostile.letter("", HtmlSafetyTest.PAYLOADS));
        Path out = dir.resolve("out");
        Hostile.Run r = Hostile.run("build", "--no-validate", "-o", out.toString(), "--edition", "reading,diplomatic", file.toString());
        assertEquals(0, r.code(), r.all());
        pokeEditions(out, (tab, page) -> { });
    }

    interface PageCheck {
        void check(Chromium.Page tab, String page) throws Exception;
    }

    /** Opens OUT/hostile/{reading,diplomatic}.html, runs {@code first}, then pokes everything: no dialog, only file://. */
    private static void pokeEditions(Path out, PageCheck first) throws Exception {
        try (Chromium chrome = new Chromium()) {
            Chromium.Page tab = chrome.newPage();
            for (String page : List.of("reading.html", "diplomatic.html")) {
                chrome.clearEvents();
                tab.open(out.resolve("hostile").resolve(page), 1200, 1600, false);
                first.check(tab, page);
                tab.eval(POKE);
                Chromium.settle(Duration.ofMillis(1500));
                assertEquals(List.of(), chrome.dialogs(), page + ": JavaScript dialogs");
                // data: URLs carry their content and fetch nothing (Chromium's XML viewer, opened by the link to the
                // TEI source, draws its arrows with one)
                List<String> left = chrome.requests().stream().filter(u -> !u.startsWith("file:") && !u.startsWith("data:")).toList();
                assertEquals(List.of(), left, page + ": requests that left file://");
                assertTrue(chrome.requests().stream().anyMatch(u -> u.endsWith(page)), page + " was loaded: " + chrome.requests());
            }
        }
    }

    /**
     * In a corpus build the hostile letter's neighbour has a hostile title: nav.js carries it as a string, the page
     * shows it as text in the Previous link; no dialog, no request off file://.
     */
    @Test
    void corpusNavigationShowsHostileTitlesAsText(@TempDir Path dir) throws Exception {
        assumeTrue(Chromium.available(), "no /usr/bin/chromium: browser check skipped");
        Path letters = Files.createDirectories(dir.resolve("letters"));
        Files.writeString(letters.resolve("hostile.xml"), Hostile.letter("", HtmlSafetyTest.PAYLOADS));
        String title = "</script><script>alert(1)</script><img src=x onerror=alert(2)> \"q\" \u2028 end";
        Files.writeString(letters.resolve("earlier.xml"), Files.readString(Hostile.LETTER)
                .replace("<title>A small test letter</title>", "<title>" + title.replace("<", "&lt;") + "</title>")
                .replace("<date when=\"1900-01-02\"/>", "<date when=\"1899-01-02\"/>"));
        Path out = dir.resolve("out");
        Hostile.Run r = Hostile.run("build", "--no-validate", "-o", out.toString(), "--edition", "reading,diplomatic", letters.toString());
        assertEquals(0, r.code(), r.all());
        pokeEditions(out, (tab, page) -> {
            assertEquals("← Previous: " + title + " (1899-01-02)",
                    tab.eval("document.querySelector('#corpus-sequence a[rel=prev]').textContent"), page);
            assertEquals("0", tab.eval("document.querySelectorAll('#corpus-sequence img, #corpus-sequence script').length"), page);
        });
    }

    /** The harness sees what it must: a page that does alert and fetch is caught (so a pass above means something). */
    @Test
    void harnessDetectsADialogAndARequest(@TempDir Path dir) throws Exception {
        assumeTrue(Chromium.available(), "no /usr/bin/chromium: browser check skipped");
        Path page = dir.resolve("bad.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\">"
                + "<a href=\"javascript:alert(2)\">x</a></body></html>");
        try (Chromium chrome = new Chromium()) {
            Chromium.Page tab = chrome.newPage();
            tab.open(page, 1200, 1600, false);
            tab.eval(POKE);
            Chromium.settle(Duration.ofMillis(1500));
            assertEquals(1, chrome.dialogs().size(), chrome.dialogs().toString());
            assertTrue(chrome.requests().contains("http://127.0.0.1:9/x.png"), chrome.requests().toString());
        }
    }
}
