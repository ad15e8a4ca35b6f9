package org.teiedition.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teiedition.testing.Chromium;

/**
 * The pages in a real browser: headless Chromium driven over the DevTools protocol ({@link Chromium}). A note marker
 * opens its note in place, the marker button hides the markers, nothing is requested from the network, and
 * screenshots go to target/screenshots/.
 */
class BrowserTest {
    static Chromium chrome;
    static Chromium.Page page;
    static Path pages;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "skipped: /usr/bin/chromium is absent (apt-get install chromium)");
        pages = Path.of("target/browser-pages").toAbsolutePath();
        Files.createDirectories(pages);
        Files.writeString(pages.resolve("reading.html"), EditionSupport.render(EditionSupport.LETTER, Editions.READING, null));
        Files.writeString(pages.resolve("diplomatic.html"), EditionSupport.render(EditionSupport.LETTER, Editions.DIPLOMATIC, null));
        chrome = new Chromium();
        page = chrome.newPage();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chrome != null) chrome.close();
    }

    static void open(String name, int width, int height, boolean mobile) throws Exception {
        page.open(pages.resolve(name), width, height, mobile);
    }

    static String eval(String js) throws Exception {
        return page.eval(js);
    }

    static void click(String selector) throws Exception {
        page.click(selector);
    }

    static void screenshot(String name) throws Exception {
        byte[] png = page.screenshot(Path.of("target/screenshots", name));
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void readingEditionNotesOpenInPlaceAndMarkersToggle() throws Exception {
        open("reading.html", 1200, 1600, false);
        screenshot("reading.png");
        assertEquals("", eval("document.querySelector('#toggle-app').hidden ? 'hidden' : ''"), "the button appears with JS");
        click("a.note-ref");
        assertEquals("true", eval("document.querySelector('a.note-ref').getAttribute('aria-expanded')"));
        String shown = eval("document.querySelector('.popover') ? document.querySelector('.popover').innerText : 'none'");
        String note = eval("document.getElementById('n1').querySelector('.entry-body').innerText");
        assertTrue(shown.startsWith(note.substring(0, 40)), shown);
        assertEquals("true", eval("document.querySelector('.popover').getBoundingClientRect().height > 20"));
        assertEquals("true", eval("document.activeElement === document.querySelector('.popover')"), "focus moves to the note");
        screenshot("reading-note-open.png");
        page.key("Escape", 27);
        assertEquals("0", eval("document.querySelectorAll('.popover').length"), "Escape closes the note");
        assertEquals("true", eval("document.activeElement === document.querySelector('a.note-ref')"), "focus returns to the marker");

        // an apparatus marker shows its entry: lemma ] FRUS; om. DH
        click("#p4 a.app-ref");
        assertTrue(eval("document.querySelector('.popover').innerText").contains("]"), "apparatus entry in place");

        click("#toggle-app");
        assertEquals("false", eval("document.querySelector('#toggle-app').getAttribute('aria-pressed')"));
        assertEquals("none", eval("getComputedStyle(document.querySelector('a.app-ref')).display"));
        assertEquals("none", eval("getComputedStyle(document.querySelector('a.note-ref')).display"));
        assertEquals("0", eval("document.querySelectorAll('.popover').length"));
        screenshot("reading-markers-hidden.png");
        click("#toggle-app");
        assertEquals("inline-block", eval("getComputedStyle(document.querySelector('a.app-ref')).display"), "a 24 px target again");

        open("reading.html", 390, 844, true);
        screenshot("reading-phone.png");
        assertEquals("true", eval("document.documentElement.scrollWidth <= 390"), "no horizontal scrolling on a phone");
        assertEquals(List.of(), chrome.remoteRequests(), "no request to any other host");
    }

    @Test
    void diplomaticEditionNotesOpenInPlace() throws Exception {
        open("diplomatic.html", 1200, 1600, false);
        screenshot("diplomatic.png");
        assertTrue(eval("document.getElementById('text').innerText").contains("would surely lead to ‸ the peace of the world"),
                "DH's words, with the sign that the edition restores words there");
        click("a.note-ref");
        assertEquals("true", eval("document.querySelectorAll('.popover').length == 1"));
        click("#toggle-app");
        assertEquals("none", eval("getComputedStyle(document.querySelector('a.note-ref')).display"));
        assertEquals(List.of(), chrome.remoteRequests(), "no request to any other host");
    }
}
