package org.teiedition.facsimile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teiedition.testing.Chromium;
import org.teiedition.testing.Cli;
import org.teiedition.testing.Cli.Run;

/**
 * The facsimile page in Chromium, from file://: the image follows the text while scrolling, a line marker and its
 * zone highlight each other (by pointer and by keyboard), the image zooms and pans from the keyboard, and nothing is
 * requested from another host until the reader asks for a remote image.
 */
class FacsimileBrowserTest {
    @TempDir
    static Path dir;

    @Test
    void theImageFollowsTheTextAndLinesAndZonesHighlightEachOther() throws Exception {
        assumeTrue(Chromium.available(), "no /usr/bin/chromium: browser check skipped");
        Path letter = FacsimileFixture.letter(dir);
        Run r = Cli.run("build", "--no-validate", "-o", dir.resolve("out").toString(), "-e", "facsimile", letter.toString());
        assertEquals(0, r.code(), r.err());
        try (Chromium chrome = new Chromium()) {
            Chromium.Page tab = chrome.newPage();
            tab.open(dir.resolve("out/letter/facsimile.html"), 1200, 500, false);
            String viewer = "document.querySelector('.fx-viewer')";
            assertEquals("f1", tab.eval(viewer + ".dataset.current"), "at the top: the first page");
            assertEquals("Page 1r (1 of 4)", tab.eval("document.querySelector('.fx-where').textContent"));
            assertEquals("1", tab.eval("document.querySelectorAll('.fx-surface.fx-current').length"), "one page shown at a time");

            // scrolling the text to page 1v brings its image
            tab.eval("window.scrollTo(0, document.querySelector('[data-page=f2]').getBoundingClientRect().top + window.scrollY - 60)");
            waitFor(tab, viewer + ".dataset.current", "f2");
            assertEquals("Page 1v (2 of 4)", tab.eval("document.querySelector('.fx-where').textContent"));
            tab.eval("window.scrollTo(0, 0)");
            waitFor(tab, viewer + ".dataset.current", "f1");

            // text -> image: focusing a line marker highlights its zone, and only it
            tab.eval("document.querySelector('a.fx-line[data-facs=f1z2]').focus()");
            assertEquals("f1z2", tab.eval("[...document.querySelectorAll('.fx-zone.fx-active')].map(z => z.id).join()"));
            // pointer on another line's marker
            tab.eval("document.querySelector('a.fx-line[data-facs=f1z3]').dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))");
            assertEquals("f1z3", tab.eval("[...document.querySelectorAll('.fx-zone.fx-active')].map(z => z.id).join()"));
            // the line's own words are highlighted too, where the browser has the Custom Highlight API
            assertEquals("old pear tree is in flower.", tab.eval("CSS.highlights.get('fx-line') ? [...CSS.highlights.get('fx-line')][0].toString().trim().replace(/\\s+/g, ' ').replace(/ ‖ 1v$/, '') : 'none'"));

            // image -> text: a zone under the pointer marks its line; Enter on a focused zone moves focus to the line
            tab.eval("document.getElementById('f1z1').dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))");
            assertEquals("f1z1", tab.eval("[...document.querySelectorAll('a.fx-line.fx-active')].map(a => a.dataset.facs).join()"));
            tab.eval("document.getElementById('f1z3').focus()");
            tab.key("Enter", 13);
            assertEquals("f1z3", tab.eval("document.activeElement.dataset.facs"));
            // a line on another page turns the viewer to that page
            tab.eval("document.querySelector('a.fx-line[data-facs=f2z2]').focus()");
            assertEquals("f2", tab.eval(viewer + ".dataset.current"));
            assertEquals("f2z2", tab.eval("[...document.querySelectorAll('.fx-zone.fx-active')].map(z => z.id).join()"));
            Chromium.settle(java.time.Duration.ofMillis(200));
            assertEquals("f2", tab.eval(viewer + ".dataset.current"), "the line in view keeps its page after the scroll that focus made");

            // zoom and pan from the keyboard, and back
            tab.eval("document.querySelector('#f2 .fx-port').focus()");
            tab.key("+", 187);
            tab.key("+", 187);
            assertEquals("1.5625", tab.eval("document.getElementById('f2').dataset.scale"));
            String x = "parseFloat(/translate\\((-?[\\d.]+)px/.exec(document.querySelector('#f2 .fx-stage').style.transform)[1])";
            double before = Double.parseDouble(tab.eval(x));
            tab.key("ArrowRight", 39);
            assertEquals(before - 40, Double.parseDouble(tab.eval(x)), 0.01, "the view moves right: the image 40 px left");
            tab.key("0", 48);
            assertEquals("1", tab.eval("document.getElementById('f2').dataset.scale"));

            // nothing from another host until asked
            assertEquals("[]", chrome.remoteRequests().toString());
            assertEquals("null", tab.eval("document.querySelector('#f4 img')"));
            tab.eval("document.querySelector('#f4 .fx-load').click()");
            assertEquals("https://images.example.org/letters/signature.jpg", tab.eval("document.querySelector('#f4 img').getAttribute('src')"));
        }
    }

    private static void waitFor(Chromium.Page tab, String js, String expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String v = tab.eval(js);
        while (!v.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            v = tab.eval(js);
        }
        assertEquals(expected, v, js);
    }
}
